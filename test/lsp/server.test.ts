/**
 * The language server over an in-process pair of streams, as an editor drives it: open a draft,
 * await its diagnostics, ask for symbols and code actions, apply the edits, await the clean
 * diagnostics of the next version.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SymbolKind, TextDocumentSyncKind, type CodeAction, type Diagnostic, type DocumentSymbol, type Hover, type InlayHint } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { COMMANDS, type TablesAsRead, type WorkspaceSummary } from '../../server/src/features/commands';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/service';
import { check } from '../../server/src/core';
import { ARITH_RULES, read, ROOT, summary } from '../helpers';
import { CAPABILITIES, startPair, type TestClient } from './harness';

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
const CLEAN_TXT = 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt';
const CLEAN_MD = 'examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md';
const uriOf = (path: string) => pathToFileURL(join(ROOT, path)).href;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1} ${d.code}`);

async function codeActionsFor(c: TestClient, uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], ...(only ? { only } : {}) },
  });
}

describe('language server over streams', () => {
  it('initialize: incremental sync, the providers, the fix-all kind, the commands', async () => {
    const c = await startPair();
    const caps = c.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.hoverProvider && caps.inlayHintProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, [
      'quickfix',
      'source.fixAll.nianbao',
      'source.nianbao.recomputeTotals',
      'source.nianbao.tidy',
    ]);
    assert.deepEqual(caps.executeCommandProvider!.commands.sort(), Object.values(COMMANDS).sort());
    assert.equal(c.initializeResult.serverInfo!.name, 'nianbao');
    await c.dispose();
  });

  it('a draft: diagnostics with the version, the six sections, and every arithmetic quick fix clears its diagnostic on the next publish', async () => {
    const c = await startPair({ locale: 'zh-CN' });
    const uri = uriOf(ERRORS_2023);
    let p = await c.open(uri, 'nianbao', read(ERRORS_2023));
    assert.equal(p.version, 1);
    // Exactly the core's findings, at the core's places.
    assert.deepEqual(
      codes(p.diagnostics),
      summary(read(ERRORS_2023), check(read(ERRORS_2023)).findings).map((x) => x.replace(/^(\d+):\d+ \w+ /, '$1 ')),
    );
    assert.ok(codes(p.diagnostics).includes('375 table.group-total'));
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'nianbao');
      assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${String(d.code).replace('.', '\\.')}\\.md$`));
    }
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.filter((s) => s.kind === SymbolKind.Module).map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    // Each arithmetic diagnostic in turn: its preferred fix, applied, removes it from the next publication.
    for (let guard = 0; guard < 10; guard++) {
      const d = p.diagnostics.find((x) => ARITH_RULES.includes(String(x.code)));
      if (!d) break;
      const actions = await codeActionsFor(c, uri, d);
      const preferred = actions.find((a) => a.isPreferred)!;
      assert.ok(preferred, `${d.code}: a preferred fix`);
      const before = c.docs.get(uri)!.version;
      assert.ok(await c.applyEdit(preferred.edit!));
      p = c.latest(uri)!;
      assert.equal(p.version, before + 1);
      assert.ok(!p.diagnostics.some((x) => x.code === d.code && x.range.start.line === d.range.start.line), `${d.code} gone`);
    }
    assert.deepEqual(
      p.diagnostics.filter((x) => ARITH_RULES.includes(String(x.code))),
      [],
    );
    await c.dispose();
  });

  it('plain text and Markdown: checked when they look like a report, silent otherwise, language untouched', async () => {
    const c = await startPair();
    const txt = await c.open('file:///tmp/report.txt', 'plaintext', read(ERRORS_2023));
    assert.ok(txt.diagnostics.length >= 5);
    const md = await c.open('file:///tmp/report.md', 'markdown', read(CLEAN_MD));
    assert.deepEqual(md.diagnostics, []);
    const broken = read(CLEAN_MD).replace('一、总体情况', '一、工作总体情况概述');
    const md2 = await c.open('file:///tmp/report2.md', 'markdown', broken);
    assert.deepEqual(
      codes(md2.diagnostics).map((x) => x.split(' ')[1]),
      ['section.wording'],
    );
    const notes = await c.open('file:///tmp/notes.md', 'markdown', '# Shopping\n\n- apples\n- pears\n');
    assert.deepEqual(notes.diagnostics, []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/notes.md' } }), []);
    // Other languages are not looked at.
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/x.js' }, position: { line: 0, character: 0 } }), null);
    await c.dispose();
  });

  it('incremental edits: the diagnostics follow each version; a burst ends on the last version', async () => {
    const c = await startPair();
    const uri = 'file:///tmp/burst.nianbao';
    const p1 = await c.open(uri, 'nianbao', read(CLEAN_TXT));
    assert.deepEqual(p1.diagnostics, []);
    // Type over the first 表四 number five times without waiting: the last version is published, and
    // nothing is published out of order (a version a newer one overtook may be skipped when checks are slow).
    const text = read(CLEAN_TXT);
    const line = text.split('\n').findIndex((l) => /^\d+(\t\d+){14}$/.test(l.trim()));
    assert.ok(line > 0, 'the 表四 row');
    const final = c.diagnostics(uri, (p) => p.version === 6);
    for (const digit of ['9', '8', '7', '6', '5']) await c.send(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: digit }]);
    const last = await final;
    assert.ok(
      last.diagnostics.some((d) => d.code === 'table.group-total'),
      codes(last.diagnostics).join(', '),
    );
    assert.equal(c.text(uri).split('\n')[line]![0], '5');
    const versions = c.published.filter((x) => x.uri === uri).map((x) => x.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'published in version order',
    );
    await c.dispose();
  });

  it('code actions for a diagnostic of an older version use the current text', async () => {
    const c = await startPair();
    const uri = 'file:///tmp/stale.nianbao';
    const p = await c.open(uri, 'nianbao', read(ERRORS_2023));
    const d = p.diagnostics.find((x) => x.code === 'table.group-total')!;
    // Insert a line at the top: the old diagnostic's offsets are stale now.
    await c.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.deepEqual(
      (await codeActionsFor(c, uri, d)).filter((a) => a.isPreferred),
      [],
      'no fix at the stale place',
    );
    const shifted = {
      ...d,
      range: {
        start: { line: d.range.start.line + 1, character: d.range.start.character },
        end: { line: d.range.end.line + 1, character: d.range.end.character },
      },
    };
    const [fix] = (await codeActionsFor(c, uri, shifted)).filter((a) => a.isPreferred);
    const edit = fix!.edit!.documentChanges![0]! as { textDocument: { version: number } };
    assert.equal(edit.textDocument.version, 2);
    await c.dispose();
  });

  it('source.fixAll.nianbao, as on save, and the recompute-totals command through workspace/applyEdit', async () => {
    const c = await startPair();
    const uri = 'file:///tmp/fixall.nianbao';
    const p = await c.open(uri, 'nianbao', read(ERRORS_2023));
    const [fixAll] = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: p.diagnostics[0]!.range,
      context: { diagnostics: [], only: [FIX_ALL_KIND] },
    });
    assert.equal(fixAll!.kind, FIX_ALL_KIND);
    assert.ok(await c.applyEdit(fixAll!.edit!));
    const after = c.latest(uri)!;
    assert.equal(after.version, 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => ARITH_RULES.includes(String(d.code))),
      [],
    );
    assert.ok(!after.diagnostics.some((d) => d.code === 'text.artifact'));

    const uri2 = 'file:///tmp/recompute.nianbao';
    await c.open(uri2, 'nianbao', read(ERRORS_2023));
    const next = c.diagnostics(uri2, (x) => x.version === 2);
    const res = await c.request<{ applied: boolean; edits: number }>('workspace/executeCommand', { command: COMMANDS.recomputeTotals, arguments: [uri2] });
    assert.equal(res.applied, true);
    assert.ok(res.edits >= 2);
    const recomputed = await next;
    assert.deepEqual(
      recomputed.diagnostics.filter((d) => ARITH_RULES.includes(String(d.code))),
      [],
    );
    await c.dispose();
  });

  it('hover and inlay hints over the protocol', async () => {
    const c = await startPair({ locale: 'en' });
    const uri = 'file:///tmp/hover.nianbao';
    const p = await c.open(uri, 'nianbao', read(ERRORS_2023));
    const d = p.diagnostics.find((x) => x.code === 'table.group-total')!;
    assert.match(d.message, /should be 1/);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    assert.match((h.contents as { value: string }).value, /expected \*\*1\*\*, actual \*\*2\*\*/);
    const hints = await c.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
    });
    assert.deepEqual(
      hints.map((x) => x.label),
      ['= 2', 'should be 6', 'should be 1'],
    );
    c.settings = { inlayHints: { enabled: false } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(uri);
    assert.deepEqual(
      await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } }),
      [],
    );
    await c.dispose();
  });

  it('settings through workspace/configuration, re-read on change; and pushed settings for clients without it', async () => {
    const c = await startPair({ settings: { rules: { 'text.artifact': 'off' } } });
    const uri = 'file:///tmp/settings.nianbao';
    const p = await c.open(uri, 'nianbao', read(ERRORS_2023));
    assert.ok(!p.diagnostics.some((d) => d.code === 'text.artifact'));
    c.settings = { rules: { 'table.group-total': 'warning', table: { identity: 'off' } } };
    const next = c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'text.artifact'));
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await next;
    assert.equal(after.version, 1);
    assert.equal(after.diagnostics.find((d) => d.code === 'table.group-total')!.severity, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'table.identity'));
    await c.dispose();

    // A client with no workspace/configuration (a minimal Neovim setup): defaults, then what it pushes.
    const caps = { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, configuration: false } };
    const n = await startPair({ capabilities: caps, initializationOptions: { settings: { rules: { 'section.wording': 'off' } } } });
    const q = await n.open(uri, 'nianbao', read(ERRORS_2023));
    assert.ok(!q.diagnostics.some((d) => d.code === 'section.wording'));
    const pushed = n.diagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'text.artifact'));
    await n.conn.sendNotification('workspace/didChangeConfiguration', { settings: { nianbao: { rules: { 'text.artifact': 'off' } } } });
    await pushed;
    await n.dispose();
  });

  it('.nianbaorc.json beside the report, reloaded when it changes; a bad one is reported once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-lsp-'));
    const file = join(dir, 'report.txt');
    copyFileSync(join(ROOT, ERRORS_2023), file);
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "rules": { "text.artifact": "off" } }');
    const c = await startPair();
    const uri = pathToFileURL(file).href;
    const p = await c.open(uri, 'plaintext', read(ERRORS_2023));
    assert.ok(!p.diagnostics.some((d) => d.code === 'text.artifact'));
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "rules": { "no.such.rule": "off" } }');
    const next = c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'text.artifact'));
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.nianbaorc.json')).href, type: 2 }] });
    await next;
    await c.until(() => c.messages.length > 0);
    assert.equal(c.messages.length, 1);
    assert.match(c.messages[0]!, /no\.such\.rule/);
    await c.dispose();
  });

  it("commands: a template in the year's format, check all reports in the workspace, the rule's page", async () => {
    const c = await startPair({ workspaceFolders: [{ uri: pathToFileURL(join(ROOT, 'examples')).href, name: 'examples' }] });
    const t2020 = await c.request<string>('workspace/executeCommand', { command: COMMANDS.template, arguments: [2020, '某某局'] });
    assert.match(t2020, /^某某局2020年政府信息公开工作年度报告/);
    assert.ok(t2020.includes('本年新制作数量') && !t2020.includes('本年制发件数'));
    const t2024 = await c.request<string>('workspace/executeCommand', { command: COMMANDS.template, arguments: [2024] });
    assert.ok(t2024.includes('本年制发件数') && t2024.includes('申请人逾期未按收费通知要求缴纳费用'));
    await assert.rejects(c.request('workspace/executeCommand', { command: COMMANDS.template, arguments: [2010] }));

    const summary = await c.request<WorkspaceSummary>('workspace/executeCommand', {
      command: COMMANDS.checkWorkspace,
      arguments: [],
    });
    assert.equal(summary.reports, 4);
    assert.equal(summary.error, 6);
    assert.equal(summary.uncheckedTables, 0, 'the examples read with certainty');
    // A report whose 表三 is read with uncertainty: counted.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-unsure-'));
    writeFileSync(
      join(dir, '某局2022年政府信息公开工作年度报告.txt'),
      read(CLEAN_TXT).replace('\t（一）予以公开\t10\t5\t0\t1\t1\t1\t18', '\t（一）予以公开\t10\t5\t1\t1\t1\t18'),
    );
    const unsure = await c.request<WorkspaceSummary>('workspace/executeCommand', { command: COMMANDS.checkWorkspace, arguments: [pathToFileURL(dir).href] });
    assert.deepEqual([unsure.reports, unsure.uncheckedTables], [1, 1]);
    const files = new Set(c.published.map((x) => decodeURIComponent(x.uri)));
    assert.ok([...files].some((f) => f.endsWith('白沙镇人民政府2023年政府信息公开工作年度报告.txt')));
    assert.ok(
      c.published.every((x) => x.version === undefined),
      'files not open: no version',
    );

    const shown = await c.request<boolean>('workspace/executeCommand', { command: COMMANDS.showRuleDoc, arguments: ['table.row-total'] });
    assert.equal(shown, true);
    assert.match(c.shownDocuments[0]!, /docs\/rules\/table\.row-total\.md$/);
    await c.dispose();
  });

  it("showTables: the tables as read, as text and JSON, in the client's language; null for no open report", async () => {
    for (const locale of ['zh-CN', 'en']) {
      const c = await startPair({ locale });
      const uri = 'file:///tmp/tables.nianbao';
      await c.open(uri, 'nianbao', read(ERRORS_2023));
      const r = await c.request<TablesAsRead | null>('workspace/executeCommand', { command: COMMANDS.showTables, arguments: [uri] });
      assert.ok(r);
      assert.equal(r.version, 1);
      assert.equal(r.json.version, 1);
      assert.deepEqual(
        r.json.tables.map((t) => t.id),
        ['active', 'requests', 'review'],
      );
      if (locale === 'en') {
        assert.match(r.text, /\(1\) Disclosed/);
        assert.match(r.text, /^format 2021 · year 2023/m);
      } else {
        for (const row of ['（一）予以公开', '（七）总计', '四、结转下年度继续办理']) assert.ok(r.text.includes(row), row);
        assert.match(r.text, /^格式 2021年版 · 2023年度/m);
      }
      assert.equal(r.text.split('\n')[0], '/tmp/tables.nianbao');
      // `{ uri }` too; a document not open: null.
      const again = await c.request<TablesAsRead | null>('workspace/executeCommand', { command: COMMANDS.showTables, arguments: [{ uri }] });
      assert.equal(again!.text, r.text);
      assert.equal(await c.request('workspace/executeCommand', { command: COMMANDS.showTables, arguments: ['file:///tmp/not-open.nianbao'] }), null);
      await c.dispose();
    }
  });

  it('status notifications for clients that ask: format, year and counts; cleared on close', async () => {
    const c = await startPair({ initializationOptions: { statusNotification: true } });
    const uri = 'file:///tmp/status.nianbao';
    await c.open(uri, 'nianbao', read(ERRORS_2023));
    await c.until(() => c.notifications.some((n) => n.method === STATUS_NOTIFICATION));
    const status = c.notifications.filter((n) => n.method === STATUS_NOTIFICATION).map((n) => n.params as StatusParams);
    assert.deepEqual(status.pop(), { uri, version: 1, isReport: true, format: '2021', year: 2023, error: 4, warning: 2, info: 1, hint: 0, uncheckedTables: 0 });
    // 表三 with a row one cell short: read with uncertainty, counted as a table not checked.
    const unsure = 'file:///tmp/status-unsure.nianbao';
    await c.open(unsure, 'nianbao', read(CLEAN_TXT).replace('\t（一）予以公开\t10\t5\t0\t1\t1\t1\t18', '\t（一）予以公开\t10\t5\t1\t1\t1\t18'));
    const ofUnsure = () => c.notifications.map((n) => n.params as StatusParams).filter((p) => p.uri === unsure && p.version === 1);
    await c.until(() => ofUnsure().length > 0);
    assert.equal(ofUnsure().pop()!.uncheckedTables, 1);
    const cleared = c.diagnostics(uri, (x) => x.diagnostics.length === 0);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
    await c.until(() => (c.notifications.filter((n) => n.method === STATUS_NOTIFICATION).pop()!.params as StatusParams).version === null);
    const last = c.notifications.filter((n) => n.method === STATUS_NOTIFICATION).pop()!.params as StatusParams;
    assert.equal(last.version, null);
    await c.dispose();
  });
});
