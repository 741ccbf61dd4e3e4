/**
 * The extension in a real VS Code: open an example draft, wait for its diagnostics (on
 * `onDidChangeDiagnostics`, never on sleeps), run the quick fix, check the text; outline, hover,
 * the recompute command, fix-all on save, settings, plain text that looks like a report.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';

const WORKSPACE = process.env.NIANBAO_TEST_WORKSPACE!;
const DRAFT = join(WORKSPACE, 'errors', '白沙镇人民政府2023年政府信息公开工作年度报告.txt');
const ARITH = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');

/** Resolves with the document's diagnostics once `pred` holds for them (now or after a change). */
function diagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = ours(uri);
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.fsPath} did not arrive: ${ours(uri).map(code).join(', ')}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = ours(uri);
      if (!pred(ds)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    });
  });
}

async function open(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(doc);
}

export function defineTests(): void {
  suite('nianbao in VS Code', () => {
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a draft named like a report opens as 政府信息公开年报 and gets its diagnostics', async () => {
      const editor = await open(DRAFT);
      assert.equal(editor.document.languageId, 'nianbao');
      const ds = await diagnostics(editor.document.uri, (x) => x.some((d) => code(d) === 'table.group-total'));
      const group = ds.find((d) => code(d) === 'table.group-total')!;
      assert.equal(group.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(group.range.start.line, 374);
      assert.match(String((group.code as { target: vscode.Uri }).target), /docs\/rules\/table\.group-total\.md$/);
    });

    test('the quick fix for a wrong total, applied, puts the number right and the diagnostic goes', async () => {
      const editor = await open(DRAFT);
      const uri = editor.document.uri;
      const ds = await diagnostics(uri, (x) => x.some((d) => code(d) === 'table.group-total'));
      const d = ds.find((x) => code(x) === 'table.group-total')!;
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value))!;
      const fix = actions.find((a) => a.isPreferred && a.diagnostics?.some((x) => code(x) === 'table.group-total'))!;
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await diagnostics(uri, (x) => !x.some((y) => code(y) === 'table.group-total'));
      assert.equal(editor.document.getText(d.range), '1');
    });

    test('the outline: the six sections', async () => {
      const editor = await open(DRAFT);
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri))!;
      const sections = symbols.filter((s) => s.kind === vscode.SymbolKind.Module).map((s) => s.name);
      assert.equal(sections.length, 6, sections.join(' | '));
    });

    test('hover on a total shows its computation', async () => {
      const editor = await open(DRAFT);
      const ds = await diagnostics(editor.document.uri, (x) => x.some((d) => code(d) === 'table.result-total'));
      const d = ds.find((x) => code(x) === 'table.result-total')!;
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start))!;
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /(应为|expected)/);
    });

    test('重新计算全部合计 mends every total', async () => {
      const editor = await open(DRAFT);
      await diagnostics(editor.document.uri, (x) => x.some((d) => ARITH.includes(code(d))));
      await vscode.commands.executeCommand('nianbao.recomputeTotals');
      await diagnostics(editor.document.uri, (x) => !x.some((d) => ARITH.includes(code(d))));
    });

    test('source.fixAll.nianbao on save', async () => {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      const config = vscode.workspace.getConfiguration('editor', { languageId: 'nianbao' });
      await config.update('codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      try {
        const editor = await open(DRAFT);
        await diagnostics(editor.document.uri, (x) => x.some((d) => code(d) === 'text.artifact'));
        // A change so that the save is real.
        await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
        await editor.document.save();
        await diagnostics(editor.document.uri, (x) => !x.some((d) => code(d) === 'text.artifact' || ARITH.includes(code(d))));
        assert.ok(!editor.document.getText().includes('[bookmark: _GoBack]'));
      } finally {
        await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      }
    });

    test('a rule turned off in the settings disappears', async () => {
      const editor = await open(join(WORKSPACE, 'errors', '石门街道办事处2022年政府信息公开工作年度报告.txt'));
      const uri = editor.document.uri;
      await diagnostics(uri, (x) => x.some((d) => code(d) === 'format.mismatch'));
      const config = vscode.workspace.getConfiguration('nianbao');
      await config.update('rules', { 'format.mismatch': 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        await diagnostics(uri, (x) => x.length > 0 && !x.some((d) => code(d) === 'format.mismatch'));
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    test('plain text that looks like a report is checked and keeps its language', async () => {
      const text = (await vscode.workspace.openTextDocument(vscode.Uri.file(DRAFT))).getText();
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'plaintext');
      await diagnostics(doc.uri, (x) => x.some((d) => code(d) === 'table.group-total'));
    });

    test('the template command of the server gives the year\'s format', async () => {
      const text = (await vscode.commands.executeCommand<string>('nianbao.server.template', 2020, '某某局'))!;
      assert.ok(text.includes('本年新制作数量'));
    });
  });
}
