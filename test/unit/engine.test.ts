/** Ignore directives, configuration, the fix applier and positions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, ConfigError, LineMap, parseConfig, RULES } from '../../server/src/core';
import { ruleDocPage } from '../../server/src/core/docs';
import { REVIEW_HEADER } from '../../server/src/core/rules/examples';
import { read } from '../helpers';

const wrongTotal = `${REVIEW_HEADER}\n1\t0\t0\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`;
// The texts are table fragments: leave out the sections a whole report would have.
const rules = (text: string, config?: Parameters<typeof check>[1]) =>
  check(text, config)
    .findings.map((f) => f.rule)
    .filter((r) => r !== 'section.missing');

describe('ignore directives', () => {
  it('disable-line silences the rule on its line only', () => {
    const text = wrongTotal.replace(/\n$/, ' <!-- nianbao-disable-line table.group-total -->\n');
    assert.deepEqual(rules(text), []);
    assert.deepEqual(rules(text.replace('group-total', 'row-total')), ['table.group-total']);
  });
  it('disable-next-line, disable/enable, disable-file, and all rules without ids', () => {
    const [header, row] = wrongTotal.split('\n');
    assert.deepEqual(rules(`${header}\n<!-- nianbao-disable-next-line table.group-total -->\n${row}\n`), []);
    assert.deepEqual(rules(`<!-- nianbao-disable table.group-total -->\n${wrongTotal}`), []);
    assert.deepEqual(rules(`<!-- nianbao-disable table.group-total -->\n<!-- nianbao-enable table.group-total -->\n${wrongTotal}`), ['table.group-total']);
    assert.deepEqual(rules(`${wrongTotal}<!-- nianbao-disable-file table.group-total -->\n`), []);
    assert.deepEqual(rules(`<!-- nianbao-disable -->\n${wrongTotal}`), []);
    assert.deepEqual(rules(`<!-- nianbao-disable section.missing, table.group-total -->\n${wrongTotal}`), []);
  });
  it('a directive inside a table row does not become a cell', () => {
    const text = wrongTotal.replace(/\n$/, '\t<!-- nianbao-disable-line text.artifact -->\n');
    assert.deepEqual(rules(text), ['table.group-total']);
  });
});

describe('configuration', () => {
  it('severities are overridden, and off turns a rule off', () => {
    const config = parseConfig('{ "rules": { "table.group-total": "info" } }');
    assert.equal(check(wrongTotal, { config }).findings.find((f) => f.rule === 'table.group-total')!.severity, 'info');
    assert.deepEqual(rules(wrongTotal, { config: parseConfig('{ "rules": { "table.group-total": "off" } }') }), []);
  });
  it('the format can be forced', () => {
    const text = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');
    const r = check(text, { config: parseConfig('{ "format": "2019" }') });
    assert.equal(r.report.format, '2019');
    assert.ok(r.findings.some((f) => f.rule === 'format.mismatch'));
  });
  it('malformed files say what is wrong', () => {
    assert.throws(
      () => parseConfig('{ rules: '),
      (e: Error) => e instanceof ConfigError && /不是有效的 JSON/.test(e.message),
    );
    assert.throws(() => parseConfig('[]'), /应为一个 JSON 对象/);
    assert.throws(() => parseConfig('{ "rules": { "table.nope": "off" } }'), /未知的规则“table.nope”/);
    assert.throws(() => parseConfig('{ "rules": { "table.row-total": "loud" } }'), /级别应为/);
    assert.throws(() => parseConfig('{ "format": "2020" }'), /"format"/);
    assert.throws(() => parseConfig('{ "colour": 1 }'), /未知的设置项/);
    assert.deepEqual(parseConfig('\ufeff{}'), { rules: {}, format: 'auto' });
  });
});

describe('applying fixes', () => {
  const fix = (s: number, e: number, text: string) => ({ range: [s, e] as [number, number], text, title: { zh: '', en: '' } });
  it('applies bottom-up, keeps the first of overlapping fixes, says what it skipped', () => {
    const r = applyFixes('abcdef', [fix(0, 1, 'X'), fix(4, 6, 'YZ'), fix(5, 6, 'Q'), fix(2, 2, '+')]);
    assert.equal(r.text, 'Xb+cdYZ');
    assert.equal(r.applied.length, 3);
    assert.deepEqual(
      r.skipped.map((f) => f.text),
      ['Q'],
    );
  });
  it('the same edit from several findings is applied once', () => {
    const r = applyFixes('a1b', [fix(1, 2, '2'), fix(1, 2, '2')]);
    assert.equal(r.text, 'a2b');
    assert.equal(r.applied.length, 2);
    assert.equal(r.skipped.length, 0);
  });
  it('edits outside the text are skipped, never applied', () => {
    const r = applyFixes('abc', [fix(2, 9, 'x'), fix(-1, 0, 'y')]);
    assert.equal(r.text, 'abc');
    assert.equal(r.skipped.length, 2);
  });
});

describe('positions', () => {
  it('count lines at \\n, \\r\\n and \\r, and characters in UTF-16 units', () => {
    const lm = new LineMap('一\r\n二\r三\n😀四');
    assert.deepEqual(lm.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(lm.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(lm.positionAt(9), { line: 3, character: 2 });
    assert.equal(lm.offsetAt({ line: 3, character: 2 }), 9);
  });

  it('an offset inside \\r\\n is the end of its line, as LSP counts (the CLI and the server agree)', () => {
    const lm = new LineMap('年报\r\n表一\r\n合计');
    // offset 7: between the second line's \r and \n
    assert.deepEqual(lm.positionAt(7), { line: 1, character: 2 });
    assert.deepEqual(lm.positionAt(8), { line: 2, character: 0 });
    assert.equal(lm.offsetAt({ line: 1, character: 3 }), 6);
  });
});

describe('documentation pages', () => {
  it('docs/rules/RULE.md is up to date for every rule (npm run docs)', () => {
    for (const rule of RULES) assert.equal(read(`docs/rules/${rule.id}.md`), ruleDocPage(rule), rule.id);
  });
});

describe('parser details', () => {
  it('a blank cell whose line carries a directive stays a blank cell', () => {
    const cells = ['\t1', '\t0', '\t0', '\t0', '\t <!-- nianbao-disable-line table.cell-blank -->', ...Array.from({ length: 10 }, () => '\t0')];
    const text = `${REVIEW_HEADER.split('\t')
      .map((h) => `\t${h}`)
      .join('\n')}\n\n${cells.join('\n')}\n`;
    const r = check(text);
    const row = r.report.tables[0]!.blocks[0]!.rows[0]!;
    assert.deepEqual(
      row.cells.map((c) => c.value),
      [1, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    );
    assert.deepEqual(rules(text), []);
  });
  it('subsection titles read as written, full-width brackets and all', () => {
    const r = check('一、总体情况\n（一）主动公开情况。本年度主动公开信息120条。\n（二）依申请公开\n');
    assert.deepEqual(
      r.report.sections[0]!.subsections.map((s) => s.title),
      ['（一）主动公开情况', '（二）依申请公开'],
    );
  });
});
