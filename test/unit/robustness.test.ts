/**
 * Regressions found by the property tests and the fuzzer (issue 6): each a minimal reproduction of
 * a bug that was fixed, or (as a todo) of one that is reported and not fixed yet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, localize, formatIds, parse, preferredFixes, reportTemplate, tableSkeleton, type CheckResult } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import { findingProblems } from '../property/invariants';
import { read } from '../helpers';

function rowOf(result: CheckResult | ReturnType<typeof parse>, id: string) {
  const report = 'report' in result ? result.report : result;
  return report.tables
    .flatMap((t) => t.blocks)
    .flatMap((b) => b.rows)
    .find((r) => r.decl.id === id)!;
}

/** Preferred fixes of the table rules applied; the sums broken before and after. */
function fixTables(text: string) {
  const before = check(text);
  const fixes = preferredFixes(before.findings.filter((f) => f.rule.startsWith('table.')));
  const fixed = applyFixes(text, fixes).text;
  const after = check(fixed);
  const was = new Set(before.arith.broken.map((s) => s.decl.id));
  return { before, fixes, fixed, after, newlyBroken: after.arith.broken.map((s) => s.decl.id).filter((k) => !was.has(k)) };
}

describe('regressions: ranges', () => {
  it('section.missing at the end of a text ending in an emoji does not split its surrogate pair', () => {
    for (const text of ['𐀀', '某局2022年政府信息公开工作年度报告\n一、总体情况\n😀']) {
      assert.deepEqual(findingProblems(text, check(text).findings), []);
    }
  });
});

describe('regressions: CRLF reads as LF', () => {
  it('section.missing at the end of a CRLF text covers the whole line break', () => {
    const lf = '某局2022年政府信息公开工作年度报告\n一、总体情况\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const at = (t: string) =>
      check(t)
        .findings.filter((f) => f.rule === 'section.missing')
        .map((f) => t.slice(f.range[0], f.range[1]));
    assert.deepEqual(at(lf), Array(5).fill('\n'));
    assert.deepEqual(at(crlf), Array(5).fill('\r\n'));
  });

  it('a run-together row reads the same, and is reported the same, whatever the line ends', () => {
    const lf = requestsExample({}).replace('（一）予以公开\t0\t0\t0\t0\t0\t0\t0', '（一）予以公开\t17 23  27 11');
    const message = (t: string) =>
      check(t)
        .findings.filter((f) => f.rule === 'table.unreadable')
        .map((f) => f.message.zh);
    // The other rows are all 0: no cut of 17 23 27 11 into seven cells makes the column sums hold.
    assert.deepEqual(message(lf), [
      '表三（收到和处理政府信息公开申请情况）有 1 行无法确定各栏的值：“（一）予以公开”（数字连在一起，没有一种分法能使合计成立）。本表的合计未核对',
    ]);
    assert.deepEqual(message(lf.replace(/\n/g, '\r\n')), message(lf));
  });

  it('one cell per line: numbers on their own lines never run together; a short row is read as unsure', () => {
    const text = requestsExample({}).replace('（一）予以公开\t0\t0\t0\t0\t0\t0\t0', '（一）予以公开\n\t17\n\t23\n\t27\n\t11');
    const r = check(text);
    assert.deepEqual(
      r.findings.filter((f) => f.rule === 'table.ambiguous'),
      [],
    );
    // Four numbers for seven columns: which ones are missing is a guess, so nothing is claimed about the cells.
    const unsure = r.findings.filter((f) => f.rule === 'table.unreadable');
    assert.equal(unsure.length, 1);
    assert.match(unsure[0]!.message.zh, /“（一）予以公开”（数字少于栏数/);
    assert.deepEqual(
      r.findings.filter((f) => f.rule === 'table.cell-blank' || f.rule.startsWith('table.row-total') || f.rule === 'table.result-total'),
      [],
    );
  });
});

describe('a report flattened into one line (a web page copied as text)', () => {
  it('the six headings are found inside the line, and fix-all inserts nothing', () => {
    const flat = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt').replace(/\n/g, ' ');
    const r = check(flat);
    assert.deepEqual(
      r.report.sections.map((s) => [s.decl.number, s.heading?.text]),
      [
        [1, '一、总体情况'],
        [2, '二、主动公开政府信息情况'],
        [3, '三、收到和处理政府信息公开申请情况'],
        [4, '四、政府信息公开行政复议、行政诉讼情况'],
        [5, '五、存在的主要问题及改进情况'],
        [6, '六、其他需要报告的事项'],
      ],
    );
    assert.deepEqual(
      r.findings.filter((f) => f.rule.startsWith('section.')),
      [],
    );
    assert.equal(applyFixes(flat, preferredFixes(r.findings)).text, flat, 'nothing inserted');
  });

  it('a wrong （七）总计 on a one-line page is found on that cell, and its fix restores the page', () => {
    const page = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt').replace(/\s+/g, ' ');
    const at = page.indexOf('（七）总计 28') + '（七）总计 '.length;
    const wrong = `${page.slice(0, at)}29${page.slice(at + 2)}`;
    const r = check(wrong);
    const f = r.findings.find((x) => x.rule === 'table.result-total');
    assert.ok(f, r.findings.map((x) => x.rule).join());
    assert.deepEqual(f.range, [at, at + 2]);
    assert.equal(applyFixes(wrong, [f.fix!]).text, page);
    // The label with its closing quote reads its cells too (no "一行没有数字" on 3.危及“三安全一稳定”).
    assert.deepEqual(
      r.findings.filter((x) => x.rule === 'table.cell-blank'),
      [],
    );
  });

  it('a heading the reader cannot place is not inserted when its words stand in the text', () => {
    // "三、收到和处理…" cited inside a sentence ("见") is no heading, but it is a trace of the section.
    const text = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt').replace(
      '三、收到和处理政府信息公开申请情况',
      '详见三、收到和处理政府信息公开申请情况',
    );
    const r = check(text);
    const missing = r.findings.filter((f) => f.rule === 'section.missing');
    assert.ok(missing.length >= 1);
    for (const f of missing) assert.equal(f.fix, undefined, localize(f.message, 'zh'));
  });

  it('not headings: 表三 row labels on a flattened line, a sentence citing a part, the introduction listing the six parts', () => {
    const intro =
      '某局2022年政府信息公开工作年度报告 本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。';
    const rows =
      '一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 三、本年度办理结果 （一）予以公开 0 0 0 0 0 0 0 四、结转下年度继续办理 0 0 0 0 0 0 0';
    const cite = '具体数据详见二、主动公开政府信息情况中的表格。';
    const r = check(`${intro} ${rows} ${cite}`);
    assert.deepEqual(
      r.report.sections.filter((s) => s.heading).map((s) => s.heading!.text),
      [],
    );
  });
});

describe('inline headings run into a word', () => {
  const page = (between: string) =>
    `某局2022年政府信息公开工作年度报告一、总体情况本局依法公开。二、主动公开政府信息情况见下表。五、存在的主要问题及改进情况下一步将重点改进：（一）拓展主动公开的广度和深度${between}六、其他需要报告的事项（一）收取信息处理费情况。本年度未收取信息处理费。`;

  it("a part's full heading after a subsection title without its full stop, in order after the previous part, is a heading", () => {
    const r = check(page(''));
    const six = r.report.sections.find((s) => s.decl.number === 6)!;
    assert.equal(six.heading?.text, '六、其他需要报告的事项');
  });

  it('not after a word that cites it, nor out of order', () => {
    for (const text of [page('详见'), page('和'), page('“')]) {
      const six = check(text).report.sections.find((s) => s.decl.number === 6);
      assert.equal(six?.heading?.text, undefined, text);
    }
    // Before 五 (out of the declared order): not a heading.
    const early = '某局2022年政府信息公开工作年度报告一、总体情况工作有序开展六、其他需要报告的事项。五、存在的主要问题及改进情况无。';
    const six = check(early).report.sections.find((s) => s.decl.number === 6);
    assert.equal(six?.heading?.range[0] === early.indexOf('六、其他'), false);
  });
});

describe('regressions: parser', () => {
  it('a pipe-table row one cell short has no blank cell after its closing pipe', () => {
    const tabs = requestsExample({});
    const pipe = tabs
      .split('\n')
      .map((l, i) => (i === 0 || !l ? l : `| ${l.split('\t').join(' | ')} |`))
      .join('\n')
      .replace('| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const r = check(pipe);
    const row = rowOf(r, 'new');
    assert.deepEqual(
      row.cells.map((c) => c.state),
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'missing'],
    );
    // Nothing is written after the closing pipe.
    const fixed = applyFixes(pipe, preferredFixes(r.findings.filter((f) => f.rule.startsWith('table.')))).text;
    assert.match(fixed, /\| 一、本年新收政府信息公开申请数量 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|\n/);
  });

  it('the templates’ empty tables read back as blank cells, 表四’s line of tabs included', () => {
    for (const year of [2020, 2023]) {
      const r = check(reportTemplate(year, '某局'));
      const states = new Set(r.report.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((x) => x.cells.map((c) => c.state)))));
      assert.deepEqual([...states], ['blank'], `${year}: every cell blank, none missing`);
      assert.equal(rowOf(r, 'cases').cells.length, 15);
    }
    for (const format of formatIds()) {
      for (const section of ['active', 'requests', 'review'] as const) {
        const report = parse(`某局${format}年政府信息公开工作年度报告\n${tableSkeleton(format, section)}`);
        const cells = report.tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((x) => x.cells)));
        assert.ok(cells.length > 0, `${format} ${section}: the table is found`);
        assert.deepEqual([...new Set(cells.map((c) => c.state))], ['blank'], `${format} ${section}`);
      }
    }
  });
});

describe('regressions: fills and culprits that fix-all applies together', () => {
  it('two blanks filled from their own rows must not break the column sum between them', () => {
    // 自然人: （七）总计 5, yet every result row's 自然人 is 0 or blank: the two row fills (0, 0) contradict it.
    const text = requestsExample({
      'new:natural': '5',
      'new:total': '5',
      'total:natural': '5',
      'total:total': '5',
      'granted:natural': '',
      'denied.secret:natural': '',
    });
    const { fixes, newlyBroken } = fixTables(text);
    assert.deepEqual(fixes, [], 'neither blank is determined');
    assert.deepEqual(newlyBroken, []);
  });

  it('a culprit must not break a sum that a fill completes', () => {
    // Row （三）1: 自然人 blank (its row fills it with 0), 商业企业 5, 总计 5; （七）总计·总计 1.
    const text = requestsExample({ 'denied.secret:natural': '', 'denied.secret:business': '5', 'denied.secret:total': '5', 'total:total': '1' });
    const { fixes, newlyBroken } = fixTables(text);
    assert.deepEqual(newlyBroken, []);
    assert.deepEqual(
      fixes.map((f) => f.text),
      ['0'],
      'only the fill',
    );
  });

  it('no computed fill in a row that lacks cells (which column a cell stands in is a guess there)', () => {
    const base = requestsExample({
      'rejected.confirm:natural': '1000',
      'total:natural': '1000',
      'new:natural': '1000',
      'rejected.confirm:nonprofit': '1',
      'total:nonprofit': '1',
      'new:nonprofit': '1',
      'rejected.confirm:total': '1001',
      'total:total': '1001',
      'new:total': '1001',
    });
    const text = base.replace(/(5\.要求行政机关确认或重新出具已获取信息)\t1000\t0\t0\t1\t0\t0\t1001/, '$1\t1000\t0\t0\t\u3000');
    assert.deepEqual(
      rowOf(check(text), 'rejected.confirm').cells.map((c) => c.state),
      ['ok', 'ok', 'ok', 'blank', 'missing', 'missing', 'missing'],
    );
    const { fixes, fixed } = fixTables(text);
    assert.deepEqual(fixes, []);
    // (Filling it made "1000 0 0 1" read as digits run together: the whole row ambiguous.)
    assert.ok(rowOf(parse(fixed), 'rejected.confirm').cells.every((c) => c.state !== 'ambiguous'));
  });

  it('no culprit in a row that lacks cells', () => {
    const base = requestsExample({
      'granted:legal': '1',
      'granted:others': '2',
      'granted:total': '3',
      'total:legal': '11',
      'total:others': '2',
      'total:total': '13',
      'new:legal': '11',
      'new:others': '2',
      'new:total': '13',
    });
    const text = base.replace('（一）予以公开\t0\t0\t0\t0\t1\t2\t3', '（一）予以公开\t0\t0\t0\t0\t1\t2');
    const { fixes, fixed } = fixTables(text);
    assert.deepEqual(fixes, [], '（一）·法律服务机构 → 11 would make “0 0 0 0 11 2” ambiguous');
    assert.ok(rowOf(parse(fixed), 'granted').cells.every((c) => c.state !== 'ambiguous'));
  });
});

describe('reported by the property tests, then fixed', () => {
  it('one fix-all pass inserts every missing section, however many share an insertion point', () => {
    const text = '某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度……\n';
    const once = applyFixes(text, preferredFixes(check(text).findings)).text;
    assert.deepEqual(
      check(once)
        .findings.filter((f) => f.rule === 'section.missing')
        .map((f) => f.message.zh),
      [],
    );
  });

  it('a row that lacks cells is read as unsure: its invalid cell is named, nothing is written into it', () => {
    const text = '第二十条第（六）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n\t行政处罚\n\t0\n\t+10\n\t3\n\n\t行政强制\n\t12\n\t-';
    const r = check(text);
    assert.deepEqual(
      rowOf(r, 'coercion').cells.map((c) => c.state),
      ['ok', 'invalid', 'missing'],
    );
    assert.equal(r.findings.filter((f) => f.rule === 'table.cell-invalid').length, 1);
    assert.deepEqual(preferredFixes(r.findings.filter((f) => f.rule.startsWith('table.'))), []);
    assert.ok(r.findings.some((f) => f.rule === 'table.unreadable'));
  });
});
