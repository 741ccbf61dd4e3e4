/**
 * The grammar: the file is what the generator makes from the format declarations, and it tokenizes
 * section headings, subsection markers, every declared row label, numbers, units and the 勾稽 note.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { declaredLabels, grammar, SCOPE, SCOPES } from '../../build/grammar';
import { GRAMMAR_FILE } from '../../build/manifest';
import { ROOT } from '../helpers';

let g: IGrammar;

before(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new OnigScanner(p), createOnigString: (s: string) => new OnigString(s) }),
    loadGrammar: async (scope) => (scope === SCOPE ? parseRawGrammar(readFileSync(join(ROOT, GRAMMAR_FILE), 'utf8'), GRAMMAR_FILE) : null),
  });
  g = (await registry.loadGrammar(SCOPE))!;
});

/** The scopes of each token of a line: [text, innermost scope]. */
function tokens(line: string): [string, string][] {
  const r = g.tokenizeLine(line, INITIAL);
  return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]!]);
}
function scopeOf(line: string, text: string): string | undefined {
  return tokens(line).find(([t]) => t === text)?.[1];
}

describe('grammar', () => {
  it('the file is generated from the format declarations (npm run manifest)', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, GRAMMAR_FILE), 'utf8')), JSON.parse(JSON.stringify(grammar())));
  });

  it('section headings, canonical and variant, with their numbers', () => {
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '4、 政府信息公开被申请行政复议、提起行政诉讼情况',
      '五、存在的问题及改进情况',
      '六、其他需要报告的事项',
    ]) {
      const ts = tokens(h);
      assert.ok(
        ts.every(([, s]) => s.startsWith('markup.heading.section') || s === SCOPES.sectionNumber || s === SCOPES.number),
        `${h}: ${JSON.stringify(ts)}`,
      );
      assert.ok(
        ts.some(([, s]) => s === SCOPES.sectionNumber),
        h,
      );
    }
    // a sentence is not a heading
    assert.ok(!tokens('一、本年度我局共收到申请12件。').some(([, s]) => s === SCOPES.section));
  });

  it('the title', () => {
    assert.equal(scopeOf('白沙镇人民政府2023年政府信息公开工作年度报告', '白沙镇人民政府2023年政府信息公开工作年度报告'), SCOPES.title);
  });

  it('subsection markers and their titles', () => {
    assert.equal(scopeOf('（一）主动公开。全年主动公开政府信息318条。', '（一）'), SCOPES.subsectionMarker);
    assert.equal(scopeOf('（一）主动公开。全年主动公开政府信息318条。', '主动公开'), SCOPES.subsectionTitle);
    assert.equal(scopeOf('一是加强组织领导。', '一是'), SCOPES.subsectionMarker);
  });

  it('every declared row and group label, alone, after a tab and in a pipe table', () => {
    const { rows, groups } = declaredLabels();
    for (const label of [...rows, ...groups]) {
      assert.equal(scopeOf(label, label), SCOPES.rowLabel, label);
      assert.equal(scopeOf(`\t${label}\t0\t1`, label), SCOPES.rowLabel, `tab: ${label}`);
      assert.equal(scopeOf(`| ${label} | 0 |`, label), SCOPES.rowLabel, `pipe: ${label}`);
    }
    // the variants drafts write
    assert.equal(scopeOf('1．属于国家秘密\t0', '1．属于国家秘密'), SCOPES.rowLabel);
    assert.equal(scopeOf('(七)总计\t0', '(七)总计'), SCOPES.rowLabel);
  });

  it('column headers and 表二 block headings', () => {
    for (const c of ['自然人', '商业企业', '法律服务机构', '结果维持', '本年制发件数', '采购总金额'])
      assert.equal(scopeOf(`信息内容\t${c}\t其他`, c), SCOPES.column, c);
    assert.equal(scopeOf('第二十条第（一）项', '第二十条第（一）项'), SCOPES.block);
    assert.equal(scopeOf('第二十条 第（五）项', '第二十条 第（五）项'), SCOPES.block);
  });

  it('numbers, signs, decimals, full-width digits and units', () => {
    const line = '行政许可\t12\t+3\t-18\t１５\t1553.91万元';
    assert.equal(scopeOf(line, '12'), SCOPES.number);
    assert.equal(scopeOf(line, '+3'), SCOPES.number);
    assert.equal(scopeOf(line, '-18'), SCOPES.number);
    assert.equal(scopeOf(line, '１５'), SCOPES.number);
    assert.equal(scopeOf(line, '1553.91'), SCOPES.number);
    assert.equal(scopeOf(line, '万元'), SCOPES.unit);
  });

  it('the 勾稽 note, directives and Word debris', () => {
    const note = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
    assert.equal(scopeOf(`${note}\t申请人情况`, note), SCOPES.note);
    assert.equal(scopeOf('8\t<!-- nianbao-disable-line table.row-total -->', 'nianbao-disable-line'), SCOPES.directiveKeyword);
    assert.equal(scopeOf('[bookmark: _GoBack]', '[bookmark: _GoBack]'), SCOPES.artifact);
  });
});
