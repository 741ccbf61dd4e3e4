/**
 * The LSP features on in-memory documents: each adapter turns the one analysis of a document into
 * LSP types, and every edit it offers, applied, does what it says.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, SymbolKind, type CodeAction, type DocumentSymbol, type Range, type TextEdit } from 'vscode-languageserver';
import {
  applyFixes,
  blockFormats,
  defaultConfig,
  preferredFixes,
  recomputeTotals,
  RULE_IDS,
  ruleDocUrl,
  type Config,
  type Finding,
} from '../../server/src/core';
import { codeActions, disableLineEdit, FIX_ALL_KIND, RECOMPUTE_KIND } from '../../server/src/features/codeActions';
import { TIDY_KIND } from '../../server/src/features/tidy';
import { toDiagnostic, type DiagnosticData } from '../../server/src/features/convert';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { analyse, AnalysisCache, CostModel, type Analysis } from '../../server/src/service/analysis';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { localeOfInitialize } from '../../server/src/features/locale';
import { configFor, readSettings } from '../../server/src/service/settings';
import { ConfigLookup } from '../../server/src/host/config';
import { documentSymbols } from '../../server/src/features/symbols';
import { requestsExample } from '../../server/src/core/rules/examples';
import { ARITH_RULES, read } from '../helpers';

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
const ERRORS_2022 = 'examples/errors/石门街道办事处2022年政府信息公开工作年度报告.txt';
const CLEAN_TXT = 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt';
const CLEAN_MD = 'examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md';
const ALL = [ERRORS_2023, ERRORS_2022, CLEAN_TXT, CLEAN_MD];
const LAYOUTS = [
  'cell-per-line-2019.txt',
  'fullwidth-2021.txt',
  'missing-rows-2020.txt',
  'pdf-2020.txt',
  'pipe-2021.md',
  'runtogether-2021.txt',
  'tabs-2021.txt',
  'web-2021.txt',
].map((f) => `test/fixtures/layouts/${f}`);

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
let version = 0;
function doc(text: string, languageId = 'nianbao', config: Config = defaultConfig()): Analysis {
  return analyse({ uri: 'file:///mem/report.txt', version: ++version, languageId, getText: () => text }, config);
}

/** Applies a workspace edit of one document to its text. */
function applyAction(a: Analysis, action: CodeAction): string {
  const edit = action.edit!;
  let edits: TextEdit[];
  if (edit.documentChanges) {
    const c = edit.documentChanges[0]!;
    assert.ok('edits' in c);
    assert.equal(c.textDocument.version, a.version, 'edits are for the analysed version');
    edits = c.edits as TextEdit[];
  } else edits = edit.changes![a.uri]!;
  return TextDocument.applyEdits(TextDocument.create(a.uri, a.languageId, a.version, a.text), edits);
}

const findingsAt = (a: Analysis, rule: string, line: number) => a.result.findings.filter((f) => f.rule === rule && a.doc.positionAt(f.range[0]).line === line);

function actionsFor(a: Analysis, f: Finding, only?: string[]): CodeAction[] {
  const d = toDiagnostic(a, f, 'zh');
  return codeActions(a, { range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } }, 'zh', { documentChanges: true, showDocument: true });
}

function within(inner: Range, outer: Range): boolean {
  const le = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character <= q.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('documents', () => {
  it('nianbao documents are always reports; plain text and Markdown only when they look like one', () => {
    assert.equal(doc('随便写点什么', 'nianbao').isReport, true);
    assert.equal(doc('随便写点什么\n第二行', 'plaintext').isReport, false);
    assert.equal(doc('# Notes\n\nsome text', 'markdown').isReport, false);
    assert.equal(doc(read(CLEAN_TXT), 'plaintext').isReport, true);
    assert.equal(doc(read(CLEAN_MD), 'markdown').isReport, true);
    assert.equal(doc(read(CLEAN_TXT), 'text').isReport, true, 'Neovim calls plain text `text`');
    assert.equal(doc(read(CLEAN_TXT), 'javascript').isReport, false);
  });

  it('one analysis per uri + version + config', () => {
    const cache = new AnalysisCache();
    const text = read(CLEAN_TXT);
    const d = { uri: 'file:///a.txt', version: 1, languageId: 'nianbao', getText: () => text };
    const a1 = cache.get(d, defaultConfig());
    assert.equal(cache.get(d, defaultConfig()), a1);
    assert.notEqual(cache.get({ ...d, version: 2 }, defaultConfig()), a1);
    const off = cache.get({ ...d, version: 2 }, { format: 'auto', rules: { 'section.wording': 'off' } });
    assert.equal(off.config.rules['section.wording'], 'off');
    assert.ok(cache.expectedCost(d) >= 0);
  });

  it('the expected cost of a check: the lower median of the recent rates, scaled by length', () => {
    const m = new CostModel(5);
    assert.equal(m.estimate(10_000), 0);
    m.record(10_000, 30); // cold
    m.record(10_000, 0.5);
    m.record(10_000, 0.6);
    assert.ok(Math.abs(m.estimate(10_000) - 0.6) < 1e-9);
    assert.ok(Math.abs(m.estimate(100_000) - 6) < 1e-9);
  });
});

describe('diagnostics', () => {
  it('carry the rule as code, its page, the source, the severity and the fixes as data for this version', () => {
    const a = doc(read(ERRORS_2023));
    const ds = toDiagnostics(a, 'zh', { relatedInformation: true });
    assert.equal(ds.length, a.result.findings.length);
    assert.ok(ds.length >= 5);
    for (const [i, d] of ds.entries()) {
      const f = a.result.findings[i]!;
      assert.equal(d.code, f.rule);
      assert.equal(d.source, 'nianbao');
      assert.equal(d.codeDescription!.href, ruleDocUrl(f.rule));
      assert.match(d.codeDescription!.href, /docs\/rules\/[a-z]+\.[a-z-]+\.md$/);
      const data = d.data as DiagnosticData;
      assert.equal(data.version, a.version);
      assert.deepEqual(data.range, f.range);
      if (f.fix) assert.equal(data.fix!.text, f.fix.text);
      assert.deepEqual(d.range.start, a.doc.positionAt(f.range[0]));
    }
    const group = ds.find((d) => d.code === 'table.group-total')!;
    assert.equal(group.severity, DiagnosticSeverity.Error);
    assert.equal(group.range.start.line, 374);
    assert.equal(ds.find((d) => d.code === 'section.wording')!.severity, DiagnosticSeverity.Information);
  });

  it('speak English when asked', () => {
    const a = doc(read(ERRORS_2023));
    const d = toDiagnostics(a, 'en').find((x) => x.code === 'table.group-total')!;
    assert.match(d.message, /“Reconsideration · total” should be 1/);
    assert.match((d.data as DiagnosticData).fix!.title, /^Change/);
  });

  it('none for plain text that is not a report', () => {
    assert.deepEqual(toDiagnostics(doc('购物清单\n一斤苹果', 'plaintext'), 'zh'), []);
  });

  it('the client locale: initializationOptions.locale, then LSP locale, then Chinese', () => {
    assert.equal(localeOfInitialize({ initializationOptions: { locale: 'en' }, locale: 'zh-cn' }), 'en');
    assert.equal(localeOfInitialize({ locale: 'zh-cn' }), 'zh');
    assert.equal(localeOfInitialize({ locale: 'en-US' }), 'en');
    assert.equal(localeOfInitialize({}), 'zh');
  });
});

describe('outline and folding', () => {
  for (const path of [...ALL, ...LAYOUTS]) {
    it(`${path}: the six sections at the top, every child inside its parent`, () => {
      const a = doc(read(path), path.endsWith('.md') ? 'markdown' : 'plaintext');
      const symbols = documentSymbols(a, 'zh');
      const sections = symbols.filter((s) => s.kind === SymbolKind.Module);
      assert.equal(sections.length, 6, symbols.map((s) => s.name).join(' | '));
      const walk = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(within(s.selectionRange, s.range), `${s.name}: selection inside range`);
        if (parent) assert.ok(within(s.range, parent.range), `${s.name} inside ${parent.name}`);
        for (const c of s.children ?? []) walk(c, s);
      };
      for (const s of symbols) walk(s);
      const folds = foldingRanges(a);
      assert.ok(folds.length >= 6);
      for (const f of folds) assert.ok(f.endLine > f.startLine);
    });
  }

  it('the title, subsections under 一, tables under their sections, 表二 blocks and 表三 groups nested', () => {
    const a = doc(read(ERRORS_2023));
    const symbols = documentSymbols(a, 'zh');
    assert.equal(symbols[0]!.kind, SymbolKind.File);
    assert.equal(symbols[0]!.name, '白沙镇人民政府2023年政府信息公开工作年度报告');
    const [one, two, three, four] = symbols.filter((s) => s.kind === SymbolKind.Module);
    assert.deepEqual(
      one!.children!.map((c) => c.name),
      ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'],
    );
    const t2 = two!.children!.find((c) => c.kind === SymbolKind.Struct)!;
    assert.deepEqual(
      t2.children!.map((c) => c.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    const t3 = three!.children!.find((c) => c.kind === SymbolKind.Struct)!;
    const results = t3.children!.find((c) => c.name === '三、本年度办理结果')!;
    assert.deepEqual(
      results.children!.map((c) => c.name),
      ['（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'],
    );
    assert.ok(four!.children!.some((c) => c.kind === SymbolKind.Struct));
    const wording = symbols.find((s) => s.name === '五、存在的问题及改进情况')!;
    assert.equal(wording.detail, '五、存在的主要问题及改进情况');
  });

  it('a section known only by its table is named as missing its heading', () => {
    const a = doc(read(ERRORS_2022));
    const names = documentSymbols(a, 'en').map((s) => s.name);
    assert.ok(names.includes('四、政府信息公开行政复议、行政诉讼情况 (heading missing)'), names.join(' | '));
  });

  it('nothing for a text that is not a report', () => {
    assert.deepEqual(documentSymbols(doc('# Notes', 'markdown'), 'zh'), []);
    assert.deepEqual(foldingRanges(doc('# Notes', 'markdown')), []);
  });
});

describe('code actions', () => {
  for (const path of [ERRORS_2023, ERRORS_2022]) {
    it(`${path}: every preferred quick fix, applied, silences its finding`, () => {
      const a = doc(read(path));
      const fixable = a.result.findings.filter((f) => f.fix);
      assert.ok(fixable.length >= 2);
      for (const f of fixable) {
        const actions = actionsFor(a, f);
        const preferred = actions.filter((x) => x.isPreferred);
        assert.equal(preferred.length, 1, `${f.rule}: one preferred fix`);
        assert.equal(preferred[0]!.kind, CodeActionKind.QuickFix);
        const after = doc(applyAction(a, preferred[0]!));
        const line = a.doc.positionAt(f.range[0]).line;
        assert.deepEqual(findingsAt(after, f.rule, line), [], `${f.rule} at line ${line + 1} is gone`);
      }
    });
  }

  it('every arithmetic finding of a changed cell, over the examples: the preferred fix restores the sums', () => {
    const a0 = doc(read(CLEAN_TXT));
    const cells = a0.result.report.tables.flatMap((t) =>
      t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells.filter((c) => c.state === 'ok' && a0.result.arith.sumsOf.has(c)))),
    );
    assert.ok(cells.length > 100);
    for (const c of cells.filter((_, i) => i % 7 === 0)) {
      const text = a0.text.slice(0, c.range[0]) + String(c.value! + 2) + a0.text.slice(c.range[1]);
      const a = doc(text);
      const arith = a.result.findings.filter((f) => ARITH_RULES.includes(f.rule));
      assert.ok(arith.length >= 1);
      for (const f of arith) {
        const preferred = actionsFor(a, f).find((x) => x.isPreferred)!;
        assert.ok(preferred, `${f.rule} has a preferred fix`);
        const after = doc(applyAction(a, preferred));
        assert.deepEqual(
          after.result.findings.filter((g) => ARITH_RULES.includes(g.rule)),
          [],
        );
      }
    }
  });

  it('the menu: preferred fix, fix all of the rule (when more than one), disable for this line, more information', () => {
    const a = doc(read(ERRORS_2023));
    const identity = a.result.findings.find((f) => f.rule === 'table.identity')!;
    const titles = actionsFor(a, identity).map((x) => x.title);
    assert.deepEqual(titles, ['将“（七）总计·自然人”改为 6', '在本行停用 table.identity', 'table.identity 规则说明']);
    const more = actionsFor(a, identity).find((x) => x.command)!;
    assert.deepEqual(more.command!.arguments, ['table.identity']);
  });

  it('one wrong cell under several diagnostics: its fix is listed once, for all of them', () => {
    const a = doc(read(ERRORS_2023));
    // （七）总计·自然人 breaks 表三's identity, its column total and its row total: three diagnostics on one cell.
    const onCell = a.result.findings.filter((f) => f.range[0] === a.result.findings.find((g) => g.rule === 'table.identity')!.range[0]);
    assert.equal(onCell.length, 3);
    const ds = onCell.map((f) => toDiagnostic(a, f, 'zh'));
    const actions = codeActions(a, { range: ds[0]!.range, context: { diagnostics: ds } }, 'zh', {});
    const fixes = actions.filter((x) => x.title === '将“（七）总计·自然人”改为 6');
    assert.equal(fixes.length, 1, actions.map((x) => x.title).join(' | '));
    assert.equal(fixes[0]!.isPreferred, true);
    assert.equal(fixes[0]!.diagnostics!.length, 3);
  });

  it('"fix all of this rule" fixes every finding of the rule at once', () => {
    // Break two 表四 totals of the clean report: two group-total findings.
    const a0 = doc(read(CLEAN_TXT));
    const review = a0.result.report.tables.find((t) => t.decl.id === 'review')!;
    const totals = review.blocks[0]!.rows[0]!.cells.filter((c) => c.col.id.endsWith('.total'));
    let text = a0.text;
    for (const c of [...totals].reverse().slice(0, 2)) text = text.slice(0, c.range[0]) + String(c.value! + 5) + text.slice(c.range[1]);
    const a = doc(text);
    const found = a.result.findings.filter((f) => f.rule === 'table.group-total');
    assert.equal(found.length, 2);
    const all = actionsFor(a, found[0]!).find((x) => x.title === '修复本文件中全部 2 处 table.group-total 问题')!;
    assert.ok(all);
    assert.equal(doc(applyAction(a, all)).text, a0.text);
  });

  for (const path of [ERRORS_2023, ERRORS_2022, ...LAYOUTS]) {
    it(`${path}: "disable for this line" silences exactly that rule on that line`, () => {
      const a = doc(read(path), path.endsWith('.md') ? 'markdown' : 'nianbao');
      const seen = new Set<string>();
      for (const f of a.result.findings) {
        const line = a.doc.positionAt(f.range[0]).line;
        const key = `${f.rule}@${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const action = actionsFor(a, f).find((x) => x.title === `在本行停用 ${f.rule}`)!;
        const after = doc(applyAction(a, action), a.languageId);
        assert.deepEqual(findingsAt(after, f.rule, line), [], `${key} silenced`);
        const rest = (x: Analysis) =>
          x.result.findings
            .filter((g) => !(g.rule === f.rule && x.doc.positionAt(g.range[0]).line === line))
            .map((g) => `${x.doc.positionAt(g.range[0]).line} ${g.rule}`);
        assert.deepEqual(rest(after), rest(a), `${key}: nothing else changes`);
      }
    });
  }

  it('"disable for this line" on a line with nothing else: the line above says disable-next-line', () => {
    const text = '行政复议\n\t1\n\t\n\t0\n';
    const a = doc(text);
    const e = disableLineEdit(a, text.indexOf('\t\n') + 1, 'table.cell-blank');
    assert.deepEqual(e, { range: [text.indexOf('\t1') + 2, text.indexOf('\t1') + 2], text: ' <!-- nianbao-disable-next-line table.cell-blank -->' });
  });

  it('"disable for this line" adds the rule to a directive already there', () => {
    const text = '一、总体情况 <!-- nianbao-disable-line section.order -->\n';
    const a = doc(text);
    const e = disableLineEdit(a, 0, 'section.wording');
    assert.equal(applyFixes(text, [{ ...e, title: { zh: '', en: '' } }]).text, '一、总体情况 <!-- nianbao-disable-line section.order, section.wording -->\n');
    const b = doc('二、政府信息主动公开情况\r\n正文');
    const e2 = disableLineEdit(b, 3, 'section.wording');
    assert.deepEqual(e2.range, [12, 12]);
    assert.equal(e2.text, ' <!-- nianbao-disable-line section.wording -->');
  });

  it('source.fixAll.nianbao applies every preferred fix; offered only when asked for', () => {
    const a = doc(read(ERRORS_2023));
    assert.ok(!actionsFor(a, a.result.findings[0]!).some((x) => x.kind === FIX_ALL_KIND), 'not in the quick-fix menu');
    const [fixAll] = codeActions(a, { range: ZERO, context: { diagnostics: [], only: [FIX_ALL_KIND] } }, 'zh', {});
    assert.equal(fixAll!.kind, FIX_ALL_KIND);
    const fixed = applyAction(a, fixAll!);
    assert.equal(fixed, applyFixes(a.text, preferredFixes(a.result.findings)).text);
    const after = doc(fixed);
    assert.ok(after.result.findings.filter((f) => f.fix).length < a.result.findings.filter((f) => f.fix).length);
    assert.deepEqual(
      after.result.findings.filter((f) => ARITH_RULES.includes(f.rule)),
      [],
    );
    // `source` asks for every source action.
    const kinds = codeActions(a, { range: ZERO, context: { diagnostics: [], only: ['source'] } }, 'zh', {}).map((x) => x.kind);
    assert.deepEqual(kinds, [FIX_ALL_KIND, RECOMPUTE_KIND, TIDY_KIND]);
    // A clean report: nothing to do on save.
    assert.deepEqual(codeActions(doc(read(CLEAN_TXT)), { range: ZERO, context: { diagnostics: [], only: [FIX_ALL_KIND] } }, 'zh', {}), []);
  });

  it('a diagnostic of an older version is matched to the current analysis, never applied by stale offsets', () => {
    const text = read(ERRORS_2023);
    const old = doc(text);
    const f = old.result.findings.find((x) => x.rule === 'table.group-total')!;
    const d = toDiagnostic(old, f, 'zh');
    // Same text, newer version: the current finding at the same place gives the fix.
    const same = doc(text);
    const acts = codeActions(same, { range: d.range, context: { diagnostics: [d] } }, 'zh', { documentChanges: true });
    const preferred = acts.find((x) => x.isPreferred)!;
    assert.ok(preferred);
    assert.equal(doc(applyAction(same, preferred)).result.findings.filter((x) => x.rule === 'table.group-total').length, 0);
    // The total fixed meanwhile: nothing to offer for the old diagnostic.
    const fixed = doc(`${text.slice(0, f.range[0])}1${text.slice(f.range[1])}`);
    assert.deepEqual(codeActions(fixed, { range: d.range, context: { diagnostics: [d] } }, 'zh', {}), []);
    // Text inserted above: the old offsets would point elsewhere; the action uses the current ones.
    const shifted = doc(`\n${text}`);
    const d2 = toDiagnostic(shifted, shifted.result.findings.find((x) => x.rule === 'table.group-total')!, 'zh');
    const stale = { ...d2, data: { ...(d2.data as DiagnosticData), version: old.version, range: f.range } };
    const p = codeActions(shifted, { range: d2.range, context: { diagnostics: [stale] } }, 'zh', {}).find((x) => x.isPreferred)!;
    assert.equal(doc(applyAction(shifted, p)).result.findings.filter((x) => x.rule === 'table.group-total').length, 0);
  });

  it('a missing section: the canonical heading with the standard table of the detected format, at its place', () => {
    for (const [path, format] of [
      [CLEAN_TXT, '2021'],
      [ERRORS_2022, '2019'],
    ] as const) {
      const full = read(path);
      const a0 = doc(full);
      const three = a0.result.report.sections.find((s) => s.decl.id === 'requests')!;
      const text = full.slice(0, three.range[0]) + full.slice(three.range[1]);
      const a = doc(text);
      const missing = a.result.findings.find((f) => f.rule === 'section.missing' && f.message.zh.includes('三、'))!;
      assert.ok(missing, `${path}: section.missing`);
      const fix = actionsFor(a, missing).find((x) => x.isPreferred)!;
      assert.match(fix.title, /插入“三、收到和处理政府信息公开申请情况”及其表格/);
      const after = doc(applyAction(a, fix));
      const about3 = (f: Finding) => (f.rule === 'section.missing' || f.rule === 'table.missing') && /三/.test(f.message.zh);
      assert.deepEqual(
        after.result.findings.filter((f) => about3(f) || f.rule === 'section.order'),
        [],
      );
      assert.deepEqual(
        after.result.report.sections.map((s) => s.decl.number),
        [1, 2, 3, 4, 5, 6],
      );
      const requests = after.result.report.tables.find((t) => t.decl.id === 'requests')!;
      assert.deepEqual(blockFormats(requests.blocks[0]!.decl), [format]);
      assert.equal(after.text.includes('申请人逾期未按收费通知要求缴纳费用'), format === '2021');
      assert.equal(after.result.report.format, a0.result.report.format);
    }
  });
});

/**
 * CLEAN_TXT with 表三 read with uncertainty (a row one cell short: which column lacks one cannot be
 * told) and its （七）总计·总计 wrong, and 表四's 行政复议·总计 wrong in a table read with certainty.
 */
function mixedCertainty(): { text: string; requests: [number, number]; review: [number, number] } {
  const text = read(CLEAN_TXT)
    .replace('\t（一）予以公开\t10\t5\t0\t1\t1\t1\t18', '\t（一）予以公开\t10\t5\t1\t1\t1\t18')
    .replace('\t（七）总计\t28\t10\t0\t1\t2\t2\t43', '\t（七）总计\t28\t10\t0\t1\t2\t2\t44')
    .replace('2\t0\t1\t1\t4\t1\t0\t0\t1\t2', '2\t0\t1\t1\t5\t1\t0\t0\t1\t2');
  const a = doc(text);
  const table = (id: string) => a.result.report.tables.find((t) => t.decl.id === id)!;
  assert.equal(table('requests').confidence, 'uncertain');
  assert.equal(table('review').confidence, 'certain');
  return { text, requests: table('requests').range, review: table('review').range };
}

/** The digits of a stretch of text, in order. */
const digits = (s: string) => s.replace(/\D+/g, ' ').trim();

describe('recompute all totals', () => {
  it('sets every total to the sum of its parts and leaves a correct report alone', () => {
    assert.deepEqual(recomputeTotals(doc(read(CLEAN_TXT)).result), []);
    const a = doc(read(ERRORS_2023));
    const fixes = recomputeTotals(a.result);
    assert.ok(fixes.length >= 2);
    const after = doc(applyFixes(a.text, fixes).text);
    for (const rule of ['table.row-total', 'table.result-total', 'table.group-total', 'table.identity']) {
      assert.deepEqual(
        after.result.findings.filter((f) => f.rule === rule).map((f) => f.rule),
        [],
        rule,
      );
    }
    assert.ok(!after.result.findings.some((f) => f.rule === 'table.cell-blank' && /总计/.test(f.message.zh)), 'blank totals filled');
    const [action] = codeActions(a, { range: ZERO, context: { diagnostics: [], only: [RECOMPUTE_KIND] } }, 'en', {});
    assert.equal(action!.title, 'Recompute all totals');
  });

  it('writes only into tables read with certainty: a table read with uncertainty is left alone', () => {
    const { text, requests, review } = mixedCertainty();
    const a = doc(text);
    const fixes = recomputeTotals(a.result);
    assert.deepEqual(
      fixes.map((f) => [text.slice(...f.range), f.text]),
      [['5', '4']],
      '行政复议·总计 only, not 表三 （七）总计·总计',
    );
    assert.ok(fixes.every((f) => f.range[0] >= review[0] && f.range[1] <= review[1]));
    const [action] = codeActions(a, { range: ZERO, context: { diagnostics: [], only: [RECOMPUTE_KIND] } }, 'zh', {});
    const after = applyAction(a, action!);
    assert.equal(after.slice(requests[0], requests[1]), text.slice(requests[0], requests[1]));
  });

  it('never writes into a cell cut out of a run of digits', () => {
    // （一）予以公开's digits run together ("111" is 11 and 1), cut where the column sums hold.
    const cells = { 'new:natural': '11', 'new:business': '1', 'new:total': '12', 'total:natural': '11', 'total:business': '1', 'total:total': '12' };
    const text = requestsExample(cells).replace(/（一）予以公开(\t\d+)+/, '（一）予以公开 111 0 0 0 0 12');
    const a = doc(text);
    const row = a.result.report.tables[0]!.blocks[0]!.rows.find((r) => r.decl.id === 'granted')!;
    assert.ok(row.cells.every((c) => c.split));
    // Were its total read otherwise, recomputing would still not write inside the run.
    const total = row.cells.at(-1)!;
    total.value = 99;
    const fixes = recomputeTotals(a.result);
    assert.ok(fixes.length > 0, 'the totals above it change');
    for (const f of fixes) assert.ok(f.range[1] <= row.range[0] || f.range[0] >= row.range[1], `${text.slice(...f.range)} → ${f.text}`);
  });
});

describe('fix all on a table read with uncertainty', () => {
  it('changes no number in it (its sums are not checked, so no fix touches it)', () => {
    const { text, requests, review } = mixedCertainty();
    const a = doc(text);
    const [fixAll] = codeActions(a, { range: ZERO, context: { diagnostics: [], only: [FIX_ALL_KIND] } }, 'zh', {});
    const fixed = applyAction(a, fixAll!);
    const shift = fixed.length - text.length;
    assert.equal(digits(fixed.slice(requests[0], requests[1])), digits(text.slice(requests[0], requests[1])));
    assert.notEqual(digits(fixed.slice(review[0], review[1] + shift)), digits(text.slice(review[0], review[1])), 'the certain 表四 is fixed');
  });
});

describe('hover', () => {
  it('on a wrong total: its parts, the expected and the actual value', () => {
    const a = doc(read(ERRORS_2023));
    const f = a.result.findings.find((x) => x.rule === 'table.group-total')!;
    const h = hover(a, f.range[0], 'zh')!;
    const text = (h.contents as { value: string }).value;
    assert.match(text, /\*\*行政复议·总计\*\*: 2/);
    assert.match(text, /行政复议·结果维持 1 \+ 行政复议·结果纠正 0 \+ 行政复议·其他结果 0 \+ 行政复议·尚未审结 0 = \*\*1\*\*/);
    assert.match(text, /应为 \*\*1\*\*，实为 \*\*2\*\*/);
    assert.deepEqual(h.range!.start, a.doc.positionAt(f.range[0]));
  });

  it('on （七）总计: the long sum by its non-zero parts, the identity, and the likely culprit; in English too', () => {
    const a = doc(read(ERRORS_2023));
    const f = a.result.findings.find((x) => x.rule === 'table.result-total')!;
    const zh = (hover(a, f.range[0] + 1, 'zh')!.contents as { value: string }).value;
    assert.match(zh, /（一）予以公开 2 \+ （二）部分公开 2 \+ .*其余 \d+ 项为 0 = \*\*6\*\*/);
    assert.match(zh, /一\+二=（七）\+四（自然人）/);
    assert.match(zh, /最可能有误的是“（七）总计·自然人”，应为 6/);
    const en = (hover(a, f.range[0], 'en')!.contents as { value: string }).value;
    assert.match(en, /expected \*\*6\*\*, actual \*\*7\*\*/);
    const plain = hover(a, f.range[0], 'zh', false)!.contents as { value: string; kind: string };
    assert.equal(plain.kind, 'plaintext');
    assert.ok(!plain.value.includes('**'));
  });

  it('on a correct total, on a part, and off the tables', () => {
    const a = doc(read(CLEAN_TXT));
    const review = a.result.report.tables.find((t) => t.decl.id === 'review')!;
    const total = review.blocks[0]!.rows[0]!.cells.find((c) => c.col.id === 'reconsideration.total')!;
    assert.match((hover(a, total.range[0], 'zh')!.contents as { value: string }).value, /✓ 成立/);
    const part = review.blocks[0]!.rows[0]!.cells.find((c) => c.col.id === 'reconsideration.upheld')!;
    assert.match((hover(a, part.range[0], 'zh')!.contents as { value: string }).value, /本单元格参与的合计/);
    assert.equal(hover(a, 3, 'zh'), null);
  });
});

describe('hover and inlay hints compute nothing where the reading is unsure', () => {
  const hoverText = (a: Analysis, offset: number, locale: 'zh' | 'en' = 'zh') => (hover(a, offset, locale)!.contents as { value: string }).value;

  it('on a total of a table read with uncertainty: 未能确定, why, and no computed number; no inlay hint there', () => {
    const { text, requests } = mixedCertainty();
    const a = doc(text);
    const rows = a.result.report.tables.find((t) => t.decl.id === 'requests')!.blocks[0]!.rows;
    const total = rows.find((r) => r.decl.id === 'total')!.cells.at(-1)!;
    const zh = hoverText(a, total.range[0]);
    assert.match(zh, /未能确定/);
    assert.match(zh, /“（一）予以公开”一行识别不确定，合计未核对/);
    assert.deepEqual(zh.match(/\d+/g), ['44'], 'the value as read, nothing computed (43)');
    assert.ok(!/应为|成立/.test(zh));
    assert.match(hoverText(a, total.range[0], 'en'), /could not be determined[\s\S]*read with uncertainty/);
    // On the row read with uncertainty: not even its value.
    const granted = rows.find((r) => r.decl.id === 'granted')!;
    const onRow = hoverText(a, granted.label[1] + 2);
    assert.match(onRow, /未能确定（本行识别不确定）/);
    assert.equal(/\d/.test(onRow), false, onRow);
    // Inlay hints: 表四's wrong total only.
    const hints = inlayHints(a, [0, text.length], 'zh', true);
    assert.deepEqual(
      hints.map((h) => h.label),
      ['应为 4'],
    );
    assert.ok(hints.every((h) => a.doc.offsetAt(h.position) > requests[1]));
  });

  it('a cell cut out of a run of digits: "decided by the sums", and no value to write into it', () => {
    // （一）予以公开's digits run together; the column sums cut them, its own total (13) is wrong.
    const cells = { 'new:natural': '11', 'new:business': '1', 'new:total': '13', 'total:natural': '11', 'total:business': '1', 'total:total': '13' };
    const text = requestsExample(cells).replace(/（一）予以公开(\t\d+)+/, '（一）予以公开 111 0 0 0 0 13');
    const a = doc(text);
    const row = a.result.report.tables[0]!.blocks[0]!.rows.find((r) => r.decl.id === 'granted')!;
    const total = row.cells.at(-1)!;
    assert.ok(total.split && row.confidence === 'certain');
    const zh = hoverText(a, total.range[0]);
    assert.match(zh, /\*\*（一）予以公开·总计\*\*: 13（由合计关系确定）/);
    assert.ok(!/应为 \*\*12\*\*/.test(zh), 'no "expected" for a cell of the run');
    assert.match(hoverText(a, row.cells[0]!.range[0], 'en'), /11 \(decided by the sums\)/);
    // The rows read with certainty get their hints; the row of the run none.
    const lines = inlayHints(a, [0, text.length], 'zh', true).map((h) => h.position.line);
    assert.ok(lines.length >= 1);
    assert.ok(!lines.includes(a.doc.positionAt(total.range[0]).line));
  });
});

describe('inlay hints', () => {
  it('the expected value beside a wrong total and a blank the sums determine; none when disabled', () => {
    const a = doc(read(ERRORS_2023));
    const all = { start: 0, end: a.text.length };
    const hints = inlayHints(a, [all.start, all.end], 'zh', true);
    assert.deepEqual(
      hints.map((h) => `${h.position.line + 1} ${h.label}`),
      ['112 = 2', '325 应为 6', '375 应为 1'],
    );
    assert.deepEqual(inlayHints(a, [all.start, all.end], 'zh', false), []);
    assert.deepEqual(inlayHints(a, [0, 100], 'zh', true), []);
    assert.equal(inlayHints(a, [all.start, all.end], 'en', true)[1]!.label, 'should be 6');
  });
});

describe('settings', () => {
  it('rules flat or nested by their dots; bad values ignored; defaults otherwise', () => {
    const s = readSettings({
      rules: { 'table.row-total': 'off', table: { 'cell-blank': 'error' }, 'no.such': 'off', 'section.order': 'loud' },
      format: '2019',
      debounceMs: 99999,
      inlayHints: { enabled: false },
    });
    assert.deepEqual(s.rules, { 'table.row-total': 'off', 'table.cell-blank': 'error' });
    assert.equal(s.format, '2019');
    assert.equal(s.debounceMs, 5000);
    assert.equal(s.inlayHints.enabled, false);
    assert.deepEqual(readSettings(null), readSettings(undefined));
    assert.equal(readSettings({ format: 'bad' }).format, 'auto');
  });

  it('editor settings override .nianbaorc.json, which overrides the rule defaults', () => {
    const file: Config = { format: '2021', rules: { 'text.artifact': 'off', 'section.order': 'error' } };
    const c = configFor(readSettings({ rules: { 'section.order': 'hint' } }), file);
    assert.deepEqual(c, { format: '2021', rules: { 'text.artifact': 'off', 'section.order': 'hint' } });
    assert.equal(configFor(readSettings({ format: '2019' }), file).format, '2019');
    const a = doc(read(ERRORS_2023), 'nianbao', configFor(readSettings({ rules: { 'table.group-total': 'warning' } }), file));
    assert.ok(!a.result.findings.some((f) => f.rule === 'text.artifact'));
    assert.equal(a.result.findings.find((f) => f.rule === 'table.group-total')!.severity, 'warning');
  });

  it('.nianbaorc.json: the nearest above the file; a malformed one reported', () => {
    const files: Record<string, string> = {
      '/w/.nianbaorc.json': '{ "rules": { "text.artifact": "off" } }',
      '/w/bad/.nianbaorc.json': '{ "rules": { "nope": "off" } }',
    };
    const cf = new ConfigLookup((p) => files[p] ?? null);
    assert.deepEqual(cf.forFile('/w/a/b/report.txt').config?.rules, { 'text.artifact': 'off' });
    const bad = cf.forFile('/w/bad/report.txt');
    assert.equal(bad.config, null);
    assert.match(bad.error!, /nope/);
    assert.deepEqual(cf.forFile('/elsewhere/report.txt'), { config: null, error: null });
  });

  it('every rule of the registry can be set', () => {
    const rules = Object.fromEntries(RULE_IDS.map((id) => [id, 'hint']));
    assert.equal(Object.keys(readSettings({ rules }).rules).length, RULE_IDS.length);
  });
});
