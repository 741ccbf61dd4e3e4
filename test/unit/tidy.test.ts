/**
 * `tidy`: what a person sees in the tidied text. Headings on their own lines, as written; tables
 * read with certainty in the standard layout (one row per line, tabs, blanks left empty); tables
 * read with uncertainty, and tables holding other text, as they were.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, tidy } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import { read } from '../helpers';
import { outsideChanged, verbatimChanged } from '../property/tidyInvariants';

const FLAT = 'test/shapes/fixtures/flat/000.txt';
const CLEAN = 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt';
const lines = (s: string) => s.split('\n');

describe('tidy', () => {
  it('a flattened web page: headings on their own lines, every table one row per line', () => {
    const text = read(FLAT);
    const r = tidy(text);
    assert.ok(r.changed);
    assert.equal(r.tablesTidied, 3);
    const out = lines(r.text);
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      assert.ok(out.includes(h), h);
    assert.ok(out.includes('规章\t0\t0\t0'));
    assert.ok(out.includes('行政许可\t24'));
    assert.ok(out.includes('一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2'));
    assert.ok(out.includes('（七）总计\t2\t0\t0\t0\t0\t0\t2'));
    assert.ok(out.includes('三、本年度办理结果'), 'the group label on its own line');
    assert.ok(out.includes(Array(15).fill('0').join('\t')), '表四 as one row of 15 cells');
  });

  it('a table read with uncertainty (a row with fewer numbers than columns) is kept exactly as written', () => {
    const text = read(CLEAN).replace('\t（一）予以公开\t10\t5\t0\t1\t1\t1\t18', '\t（一）予以公开\t10\t5\t1\t1\t1\t18');
    const r = tidy(text);
    assert.deepEqual(
      r.spans.map((s) => [s.table, s.tidied, s.kept ?? '']),
      [
        ['active', true, ''],
        ['requests', false, 'uncertain'],
        ['review', true, ''],
      ],
    );
    const kept = r.spans[1]!;
    assert.equal(r.text.slice(...kept.to), text.slice(...kept.from));
    assert.ok(r.text.includes('\t（一）予以公开\t10\t5\t1\t1\t1\t18'));
  });

  it('headings written inside a line come out on their own lines; the sentences around them are unchanged', () => {
    const title = '某县2023年政府信息公开工作年度报告\n';
    const body =
      '本报告说明如下。一、总体情况 全年主动公开信息100条，依申请公开、政府信息管理、政府信息公开平台建设、监督保障情况如下。二、主动公开政府信息情况 情况如下。';
    const r = tidy(title + body);
    assert.equal(
      r.text,
      `${title}本报告说明如下。\n一、总体情况\n全年主动公开信息100条，依申请公开、政府信息管理、政府信息公开平台建设、监督保障情况如下。\n二、主动公开政府信息情况\n情况如下。`,
    );
    assert.equal(r.tablesTidied + r.tablesVerbatim, 0);
  });

  it('a line break that would change what nianbao finds is not made', () => {
    // Without a title line of its own, splitting the line would make its start a title, and 一's
    // missing topics a finding: the text stays as written.
    const text = '某县2023年政府信息公开工作年度报告 本报告说明如下。一、总体情况 全年主动公开信息100条。二、主动公开政府信息情况 情况如下。';
    assert.equal(tidy(text).text, text);
  });

  it('a blank cell stays blank (an empty field), never filled; a label written otherwise gets the declared label', () => {
    const text = requestsExample({ 'granted:total': '', 'new:natural': '3', 'new:total': '3' })
      .replace('2.重复申请', '2、重复申请')
      .replace('一、本年新收政府信息公开申请数量', '一、本年新收政府信息 公开申请数量');
    const r = tidy(`某县2023年政府信息公开工作年度报告\n${text}`);
    const out = lines(r.text);
    assert.ok(
      out.includes('（一）予以公开\t0\t0\t0\t0\t0\t0\t'),
      out.find((l) => l.startsWith('（一）')),
    );
    assert.ok(out.includes('一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3'));
    assert.ok(out.includes('2.重复申请\t0\t0\t0\t0\t0\t0\t0'), 'the label as the format writes it');
    const blank = check(r.text).findings.filter((f) => f.rule === 'table.cell-blank');
    assert.equal(blank.length, 1, 'the blank is still reported, once');
  });

  it('one cell per line with blank lines: rewritten one row per line, every number where it was read', () => {
    const text = read('test/shapes/fixtures/cells/001.txt');
    const r = tidy(text);
    const before = check(text).report.tables.find((t) => t.decl.id === 'requests')!;
    const out = lines(r.text);
    for (const row of before.blocks[0]!.rows) {
      const line = out.find((l) => l.startsWith(`${row.decl.labels[0]}\t`));
      assert.ok(line, row.decl.labels[0]);
      assert.deepEqual(
        line.split('\t').slice(1),
        row.cells.map((c) => (c.state === 'blank' ? '' : c.raw)),
      );
    }
  });

  it('a table with a sentence among its rows is kept as written: tidying loses no text', () => {
    const base = read(CLEAN);
    const at = base.indexOf('2.重复申请');
    const text = `${base.slice(0, at)}（注：本行含电话咨询）\n${base.slice(at)}`;
    const r = tidy(text);
    assert.ok(r.text.includes('（注：本行含电话咨询）'));
    const requests = r.spans.find((s) => s.table === 'requests')!;
    assert.equal(requests.tidied, false);
    assert.equal(requests.kept, 'text');
    assert.equal(r.text.slice(...requests.to), text.slice(...requests.from));
  });

  it('a line of the text beside or inside a table is kept: a subheading before a table, a line among its header', () => {
    const base = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');
    for (const [before, line] of [
      ['行政复议\t\t\t\t\t行政诉讼', '（一）行政复议情况'],
      ['（本列数据的勾稽关系', '（一）申请情况'],
      ['信息内容\t本年制发件数', '规章情况'],
    ]) {
      const text = base.replace(before!, `${line}\n${before}`);
      assert.ok(lines(tidy(text).text).includes(line!), line);
    }
    // 表四's sentence before its table ("…结果维持2件…") stays whole, the table is still tidied.
    const r = tidy(base);
    assert.ok(r.text.includes('复议后起诉1件（结果维持）。'));
    assert.equal(r.tablesTidied, 3);
  });

  it('no report, no table, nothing to do: the text unchanged', () => {
    for (const text of ['', '\n\n', '这不是年报。', '一段文字\n另一段文字\n']) {
      const r = tidy(text);
      assert.equal(r.text, text);
      assert.equal(r.changed, false);
    }
  });

  it('CRLF line ends stay CRLF', () => {
    const text = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt').replace(/\n/g, '\r\n');
    const r = tidy(text);
    assert.ok(!/[^\r]\n/.test(r.text), 'every line break is CRLF');
  });

  it('is idempotent, and a tidied text is already tidy', () => {
    const once = tidy(read(FLAT)).text;
    const twice = tidy(once);
    assert.equal(twice.text, once);
    assert.equal(twice.changed, false);
  });

  it('long texts finish (no duration asserted): a section of 20,000 lines before its table, a web page of 500,000 characters on one line', () => {
    const report = read('test/fixtures/layouts/tabs-2021.txt');
    const long = report.replace('二、主动公开政府信息情况\n', `二、主动公开政府信息情况\n${'本机关认真落实各项工作。\n'.repeat(20000)}`);
    const flat = read(FLAT).replace(/\n/g, '');
    const line = flat.repeat(Math.ceil(500_000 / flat.length));
    for (const text of [long, line]) {
      const r = tidy(text);
      assert.deepEqual(outsideChanged(text, r), []);
      assert.deepEqual(verbatimChanged(text, r), []);
    }
  });
});
