/**
 * Noise down (issue 12, item 5): an empty table is one hint, runs of missing rows or cells are one
 * finding, and format.mixed says why a block is of the other format.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, localize, reportTemplate } from '../../server/src/core';
import { requestsExample, REVIEW_HEADER } from '../../server/src/core/rules/examples';
import { ARITH_RULES, messages, read, summary } from '../helpers';

/** The rules of the findings about tables (a bare table has no sections: section.missing is not the point here). */
const rulesOf = (text: string) =>
  check(text)
    .findings.map((f) => f.rule)
    .filter((r) => r.startsWith('table.'));

describe('table.empty: a table with no number in it is one hint', () => {
  for (const year of [2020, 2023]) {
    it(`a fresh ${year} template: one table.empty hint per table, on the section heading, nothing else`, () => {
      const text = reportTemplate(year, '某某局');
      const r = check(text);
      assert.deepEqual(
        r.findings.map((f) => [f.rule, f.severity, text.slice(f.range[0], f.range[1])]),
        [
          ['table.empty', 'hint', '二、主动公开政府信息情况'],
          ['table.empty', 'hint', '三、收到和处理政府信息公开申请情况'],
          ['table.empty', 'hint', '四、政府信息公开行政复议、行政诉讼情况'],
        ],
      );
      const cells = year >= 2021 ? 25 * 7 : 23 * 7;
      assert.equal(messages(r)[1], `表三（收到和处理政府信息公开申请情况）尚未填写：全部 ${cells} 个单元格都没有数字（没有发生的事项填 0）`);
      assert.match(localize(r.findings[2]!.message, 'en'), /^Table 4 .* is not filled in: none of its 15 cells holds a number/);
    });
  }

  it('one figure written: that table reports its blanks one by one again (each has its own fill), the others stay one hint', () => {
    const text = reportTemplate(2023, '某某局').replace(/^(规章)\t\t\t$/m, '$1\t1\t\t');
    assert.ok(text.includes('规章\t1\t\t'));
    const r = check(text);
    const blank = r.findings.filter((f) => f.rule === 'table.cell-blank');
    // 表二 of 2021 has 3+3+1+2+1 = 10 cells: one is written, nine are blank.
    assert.equal(blank.length, 9);
    assert.deepEqual(
      r.findings.filter((f) => f.rule === 'table.empty').map((f) => localize(f.message, 'zh').slice(0, 2)),
      ['表三', '表四'],
    );
  });

  it('rows with their labels and no cells at all (a paste that dropped the empty cells): one hint, not “一行没有数字” per row', () => {
    const text = requestsExample({}).replace(/(\t0)+/g, '');
    assert.deepEqual(messages(check(text), 'table.cell-blank'), []);
    assert.deepEqual(messages(check(text), 'table.empty'), [
      '表三（收到和处理政府信息公开申请情况）尚未填写：全部 175 个单元格都没有数字（没有发生的事项填 0）',
    ]);
  });

  it('an empty table in one-cell-per-line layout (a web table, empty lines for empty cells): one hint', () => {
    const text = requestsExample({})
      .split('\n')
      .map((l) => (l.includes('\t0') ? `${l.split('\t')[0]}\n${Array(7).fill('').join('\n')}` : l))
      .join('\n');
    assert.deepEqual(rulesOf(text), ['table.empty']);
  });

  it('no arithmetic finding and no computed fill in an empty table; a table with one number keeps its per-cell findings and fills', () => {
    const empty = `${REVIEW_HEADER}\n${Array(15).fill('').join('\t')}\n`;
    assert.deepEqual(rulesOf(empty), ['table.empty']);
    const one = `${REVIEW_HEADER}\n${['2', '0', '0', '0', '', ...Array(10).fill('0')].join('\t')}\n`;
    const r = check(one);
    assert.deepEqual(messages(r, 'table.cell-blank'), ['“行政复议·总计”为空白，按合计关系应为 2']);
    assert.ok(!r.findings.some((f) => ARITH_RULES.includes(f.rule)));
  });

  it('table.missing inserts an empty table: checked again, it is one table.empty hint', () => {
    const text = '某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议。\n';
    const fixed = applyFixes(
      text,
      check(text)
        .findings.filter((f) => f.rule === 'table.missing')
        .map((f) => f.fix!),
    ).text;
    assert.deepEqual(
      summary(
        fixed,
        check(fixed).findings.filter((f) => f.rule.startsWith('table.')),
      ),
      ['2:1 hint table.empty'],
    );
  });
});

/** 2020's template with every cell 0: a clean report to cut rows and blocks out of. */
const ZEROS = reportTemplate(2020, '某某局')
  .split('\n')
  .map((l) =>
    l.includes('\t')
      ? l
          .split('\t')
          .map((c) => c || '0')
          .join('\t')
      : l,
  )
  .join('\n');
const cut = (text: string, from: string, to: string) => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));

describe('runs of missing rows, blocks or cells are one finding', () => {
  it('the clean report has no table finding', () => {
    assert.deepEqual(rulesOf(ZEROS), []);
  });

  it('a paste truncated from 第二十条第（六）项 to （三）不予公开 (FORMATS.md, seed 004): one finding for the three 表二 blocks, one for the 表三 rows', () => {
    const text = cut(ZEROS, '第二十条第（六）项', '1.属于国家秘密');
    assert.deepEqual(messages(check(text), 'table.row-missing'), [
      '表二（主动公开政府信息情况）缺少“第二十条第（六）项”、“第二十条第（八）项”、“第二十条第（九）项”栏目（行政处罚、行政强制、行政事业性收费、政府集中采购）',
      '表三（收到和处理政府信息公开申请情况）缺少“一、本年新收政府信息公开申请数量”至“（二）部分公开”共 4 行',
    ]);
  });

  it('the same paste cut just after the （六） heading: the heading without rows joins the blocks after it, one finding on the heading', () => {
    const text = cut(ZEROS, '行政处罚\t', '1.属于国家秘密');
    const r = check(text);
    assert.deepEqual(messages(r, 'table.row-missing'), [
      '表二（主动公开政府信息情况）缺少“第二十条第（六）项”、“第二十条第（八）项”、“第二十条第（九）项”栏目的全部行（行政处罚、行政强制、行政事业性收费、政府集中采购）',
      '表三（收到和处理政府信息公开申请情况）缺少“一、本年新收政府信息公开申请数量”至“（二）部分公开”共 4 行',
    ]);
    const f = r.findings.find((x) => x.rule === 'table.row-missing')!;
    assert.equal(text.slice(f.range[0], f.range[1]), '第二十条第（六）项');
    // A block with its heading and no rows, alone (the blocks around it there): its rows, as before.
    const alone = ZEROS.replace(/^行政处罚\t.*\n行政强制\t.*\n/m, '');
    assert.deepEqual(messages(check(alone), 'table.row-missing'), ['表二（主动公开政府信息情况）“第二十条第（六）项”缺少“行政处罚”、“行政强制”']);
  });

  it('rows of one group are named by the group once; a whole group as such; in English too', () => {
    const four = check(cut(ZEROS, '1.属于国家秘密', '5.属于三类内部事务信息')).findings.filter((f) => f.rule === 'table.row-missing');
    assert.deepEqual(
      four.map((f) => localize(f.message, 'zh')),
      ['表三（收到和处理政府信息公开申请情况）缺少“（三）不予公开”的“1.属于国家秘密”至“4.保护第三方合法权益”共 4 行'],
    );
    assert.match(localize(four[0]!.message, 'en'), /lacks the 4 rows of “\(3\) Not disclosed” from “\(3\) Not disclosed · 1\. State secret” to/);
    const text = cut(ZEROS, '1.本机关不掌握', '（五）不予处理');
    const r = check(text);
    assert.deepEqual(messages(r, 'table.row-missing'), ['表三（收到和处理政府信息公开申请情况）缺少“（四）无法提供”全部 3 行']);
    // The finding stands on the row after the run.
    assert.equal(text.slice(r.findings.find((f) => f.rule === 'table.row-missing')!.range[0]).split('\t')[0], '1.信访举报投诉类申请');
  });

  it('consecutive rows with their labels and no number: one finding over them; blank cells stay one finding each', () => {
    const text = ZEROS.replace(/^(（一）予以公开)(\t0)+$/m, '$1')
      .replace(/^(（二）部分公开[^\t\n]*)(\t0)+$/m, '$1')
      .replace(/^(1\.属于国家秘密)(\t0)+$/m, '$1')
      .replace(/^(四、结转下年度继续办理)\t0\t0/m, '$1\t\t');
    const r = check(text);
    assert.deepEqual(messages(r, 'table.cell-blank'), [
      '“（一）予以公开”、“（二）部分公开”、“（三）不予公开·1.属于国家秘密”没有数字（每行应有 7 栏）',
      '“四、结转下年度继续办理·自然人”为空白，按合计关系应为 0',
      '“四、结转下年度继续办理·商业企业”为空白，按合计关系应为 0',
    ]);
    const run = r.findings.find((f) => f.rule === 'table.cell-blank')!;
    assert.match(
      text.slice(run.range[0], run.range[1]),
      /^（一）予以公开\n（二）部分公开[^\n]*\n（三）不予公开\n1\.属于国家秘密$/,
      'the finding covers the three rows',
    );
  });
});

/** A 2022 report's 表二 (一) in the 2021 format, so that the report is told to be in the 2021 format. */
const ACTIVE_2021 =
  '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n';
/** 表三 in the 2021 format with 2019's single （六）其他处理 row holding `six`; 一 and （七）总计 agree with it. */
function oldSix(six: string[]): string {
  const cells: Record<string, string> = {};
  ['natural', 'business', 'research', 'nonprofit', 'legal', 'others', 'total'].forEach((col, i) => {
    cells[`new:${col}`] = six[i]!;
    cells[`total:${col}`] = six[i]!;
  });
  return requestsExample(cells).replace(
    /（六）其他处理\n1\.申请人无正当理由[^\n]*\n2\.申请人逾期[^\n]*\n3\.其他[^\n]*\n/,
    `（六）其他处理\t${six.join('\t')}\n`,
  );
}
const mixed = (text: string) => check(text).findings.filter((f) => f.rule === 'format.mixed');

describe('format.mixed says why, from the declarations', () => {
  it('2019’s one-row （六）其他处理 in a 2021 report: names the row and both formats, in Chinese and English', () => {
    const [f, ...rest] = mixed(ACTIVE_2021 + oldSix(['2', '0', '0', '0', '0', '0', '2']));
    assert.equal(rest.length, 0);
    assert.equal(
      localize(f!.message, 'zh'),
      '表三（收到和处理政府信息公开申请情况）：“（六）其他处理”只有一行：这是2019年版格式；2021年版格式分为 3 行：“1.申请人无正当理由逾期不补正”、“2.申请人逾期未按收费通知要求缴纳费用”、“3.其他”。报告其余部分为2021年版格式',
    );
    assert.match(localize(f!.message, 'en'), /“\(6\) Other handling” is one row: that is the 2019 format; the 2021 format splits it into 3 rows/);
  });

  it('the split is a suggestion, never a preferred fix; with a 0 row, applied: 2021 rows of 0, checked again nothing about the tables', () => {
    const text = ACTIVE_2021 + oldSix(['0', '0', '0', '0', '0', '0', '0']);
    const [f] = mixed(text);
    assert.equal(f!.fix, undefined);
    assert.equal(f!.suggestions!.length, 1);
    const after = applyFixes(text, f!.suggestions!).text;
    assert.ok(
      after.includes(
        '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n',
      ),
    );
    const r = check(after);
    assert.equal(r.report.format, '2021');
    assert.deepEqual(
      r.findings.filter((x) => x.rule.startsWith('table.') || x.rule.startsWith('format.')).map((x) => x.rule),
      ['table.row-missing'],
      'only 表二’s missing blocks (the example has only its （一）)',
    );
  });

  it('with figures: they go under 3.其他, 0 where the row had 0, blank where only the author knows; the sums still hold', () => {
    const text = ACTIVE_2021 + oldSix(['2', '0', '0', '0', '0', '1', '3']);
    const [f] = mixed(text);
    assert.match(localize(f!.suggestions![0]!.title, 'zh'), /^改为2021年版格式“（六）其他处理”的 3 行，原数字填入“3\.其他”/);
    const after = applyFixes(text, f!.suggestions!).text;
    assert.ok(after.includes('、行政机关不再处理其政府信息公开申请\t\t0\t0\t0\t0\t\t\n3.其他\t2\t0\t0\t0\t0\t1\t3\n'));
    const r = check(after);
    assert.deepEqual(mixed(after), []);
    assert.deepEqual(
      r.findings.filter((x) => ARITH_RULES.includes(x.rule)),
      [],
    );
    // Rows 1 and 2 of the columns that had figures: asked for, not guessed (2 rows × 自然人, 其他, 总计).
    assert.equal(messages(r, 'table.cell-blank').filter((m) => m.includes('应填写数字')).length, 6);
  });

  it('in a Markdown pipe table and with CRLF line ends, the split keeps the layout and reads as the 2021 table', () => {
    const pipe = read('test/fixtures/layouts/pipe-2021.md');
    const six = /\| （六）其他处理 \| 1\.申请人[^\n]*\n\| {2}\| 2\.申请人[^\n]*\n\| {2}\| 3\.其他 \| ([^\n]*)\n/;
    assert.match(pipe, six);
    // The fixture's （六） rows: 0/1/0/0/0/0/1 and 0/0/0/0/0/1/1, summed into 2019's one row.
    const text = pipe.replace(six, '| （六）其他处理 | 0 | 1 | 0 | 0 | 0 | 1 | 2 |\n');
    const [f] = mixed(text);
    const after = applyFixes(text, f!.suggestions!).text;
    assert.ok(after.includes('| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 |  | 0 | 0 | 0 |  |  |\n'), after);
    assert.ok(after.includes('| 3.其他 | 0 | 1 | 0 | 0 | 0 | 1 | 2 |\n'));
    const r = check(after);
    assert.deepEqual(mixed(after), []);
    assert.deepEqual(
      r.findings.filter((x) => ARITH_RULES.includes(x.rule)),
      [],
    );
    assert.equal(messages(r, 'table.cell-blank').length, 6, '商业企业, 其他 and 总计 of rows 1 and 2: for the author to say');

    const crlf = (ACTIVE_2021 + oldSix(['0', '0', '0', '0', '0', '0', '0'])).replace(/\n/g, '\r\n');
    const fixed = applyFixes(crlf, mixed(crlf)[0]!.suggestions!).text;
    assert.doesNotMatch(fixed, /[^\r]\n/, 'every line break stays CRLF');
    assert.deepEqual(mixed(fixed), []);
  });

  it('2021’s three （六） rows in a 2020 report: the reverse, without a suggestion', () => {
    const text =
      '2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n' +
      requestsExample({});
    const [f] = mixed(text);
    assert.match(localize(f!.message, 'zh'), /“（六）其他处理”分为 3 行：这是2021年版格式；2019年版格式只有一行。报告其余部分为2019年版格式$/);
    assert.equal(f!.suggestions, undefined);
  });

  it('表二 blocks: by their columns, or a block the format does not have', () => {
    const req = requestsExample({});
    const five = mixed(
      `${ACTIVE_2021}第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n${req}`,
    );
    assert.deepEqual(
      five.map((f) => localize(f.message, 'zh')),
      [
        '表二（主动公开政府信息情况）“第二十条第（五）项”：栏目为“上一年项目数量”、“本年增/减”、“处理决定数量”：这是2019年版格式；2021年版格式为“本年处理决定数量”。报告其余部分为2021年版格式',
      ],
    );
    const nine = mixed(`${ACTIVE_2021}第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t1\t5万元\n${req}`);
    assert.deepEqual(
      nine.map((f) => localize(f.message, 'zh')),
      ['表二（主动公开政府信息情况）“第二十条第（九）项”：这是2019年版格式的栏目，2021年版格式没有此栏目。报告其余部分为2021年版格式'],
    );
  });
});
