/**
 * The extension in a real VS Code (`npm run test:vscode` on a desktop; in CI inside code-server's
 * extension host, see test/e2e/host.js): activation on plain text that looks like a report and on
 * the nianbao language, diagnostics awaited on `onDidChangeDiagnostics` (never on sleeps), their
 * messages in the display language, the outline, hover, code actions and their kinds, the palette
 * commands, fix-all on save, settings that change severities while the report is open.
 * The workspace is a fresh copy of examples/ (the first workspace folder).
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'nianbao.nianbao';
const WORKSPACE = process.env.NIANBAO_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const DRAFT = join(WORKSPACE, 'errors', '白沙镇人民政府2023年政府信息公开工作年度报告.txt');
const SHIMEN = join(WORKSPACE, 'errors', '石门街道办事处2022年政府信息公开工作年度报告.txt');
const CLEAN_MD = join(WORKSPACE, '云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md');
const ARITH = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];
/** The language the extension and its server speak: Chinese for a Chinese display language, else English. */
const ZH = vscode.env.language.toLowerCase().startsWith('zh');
const say = (zh: string, en: string) => (ZH ? zh : en);

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');
const has = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => code(d) === rule);

/** Resolves with the document's diagnostics once `pred` holds for them (now or after a change). */
function diagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = ours(uri);
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.toString()} did not arrive: [${ours(uri).map(code).join(', ')}]`));
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

/** Resolves with the next document opened that satisfies `pred`. */
function opened(pred: (d: vscode.TextDocument) => boolean, timeoutMs = 20_000): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('the document was not opened'));
    }, timeoutMs);
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!pred(d)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(d);
    });
  });
}

/**
 * Resolves once `holds()` is true of the configuration the extension host sees (now or after a
 * change). The host learns settings from the workbench, so the editor (its save participants) has them too.
 */
function configured(holds: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('the setting did not take effect'));
    }, timeoutMs);
    const sub = vscode.workspace.onDidChangeConfiguration(() => {
      if (!holds()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

async function open(path: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(doc);
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Every unsaved change dropped (so that closing the editors asks nothing). */
async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  }
}

export function defineTests(): void {
  suite(`nianbao in VS Code (display language ${vscode.env.language})`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);

    const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'nianbao' });
    const onSave = () => editorConfig().get<Record<string, string>>('codeActionsOnSave')?.['source.fixAll.nianbao'];

    suiteSetup(async () => {
      assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
      // Fix on save, asked for from the start: writing the workspace settings opens them as JSONC,
      // which activates VS Code's JSON and TypeScript extensions, and a code action provider
      // registered while a save runs cancels its code actions. (No other test saves a report.)
      await editorConfig().update('codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      await configured(() => onSave() === 'explicit');
    });

    suiteTeardown(async () => {
      await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    });

    teardown(async () => {
      await revertAll();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    // (The workbench creates plain-text models of its own at startup, so `onLanguage:plaintext` may
    // have activated the extension before the first test: which event did it cannot be observed here.)
    test('plain text that looks like a report is checked and keeps its language; other plain text is left alone', async () => {
      for (const language of ['nianbao', 'plaintext', 'markdown']) assert.ok(extension!.packageJSON.activationEvents.includes(`onLanguage:${language}`));
      const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '会议纪要\n\n今天下雨。\n' });
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: readFileSync(DRAFT, 'utf8') });
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'plaintext');
      await diagnostics(doc.uri, has('table.group-total'));
      assert.ok(extension!.isActive);
      // The server answers in order: the text that is no report (opened first) was looked at and left alone.
      assert.deepEqual(ours(other.uri), []);
    });

    test('a file named like a report opens as 政府信息公开年报 and gets its diagnostics, in the display language', async () => {
      assert.ok((await vscode.languages.getLanguages()).includes('nianbao'));
      const editor = await open(DRAFT);
      assert.equal(editor.document.languageId, 'nianbao');
      // Chinese punctuation (，（）：) is not flagged as look-alike characters in a report.
      const editorConfig = vscode.workspace.getConfiguration('editor', editor.document);
      assert.equal(editorConfig.get('unicodeHighlight.ambiguousCharacters'), false);
      const ds = await diagnostics(editor.document.uri, has('table.group-total'));
      const group = ds.find((d) => code(d) === 'table.group-total')!;
      assert.equal(group.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(group.range.start.line, 374);
      assert.equal(editor.document.getText(group.range), '2');
      assert.match(String((group.code as { target: vscode.Uri }).target), /docs\/rules\/table\.group-total\.md$/);
      assert.equal(group.message, say('“行政复议·总计”应为 1（1+0+0+0），实为 2', '“Reconsideration · total” should be 1 (1+0+0+0), not 2'));
      const artifact = ds.find((d) => code(d) === 'text.artifact')!;
      assert.equal(artifact.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(artifact.message, ZH ? /Word 书签残留/ : /a Word bookmark/);
    });

    test('a Markdown report keeps its language and is checked; a clean one has no problem', async () => {
      const editor = await open(CLEAN_MD);
      assert.equal(editor.document.languageId, 'markdown');
      const uri = editor.document.uri;
      // Break the 行政复议 total (1+1+0+0 = 2): a diagnostic comes; mend it: it goes.
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('| 行政复议 |'));
      const cell = new vscode.Range(line, editor.document.lineAt(line).text.length - 3, line, editor.document.lineAt(line).text.length - 2);
      assert.equal(editor.document.getText(cell), '2');
      await editor.edit((b) => b.replace(cell, '3'));
      const ds = await diagnostics(uri, has('table.group-total'));
      assert.deepEqual(ds.find((d) => code(d) === 'table.group-total')!.range, cell);
      await editor.edit((b) => b.replace(cell, '2'));
      await diagnostics(uri, (x) => x.length === 0);
    });

    test('quick fixes: kind quickfix, the preferred fix first, disable-for-line; applied, the number is right', async () => {
      const editor = await open(DRAFT);
      const uri = editor.document.uri;
      const ds = await diagnostics(uri, has('table.group-total'));
      const d = ds.find((x) => code(x) === 'table.group-total')!;
      const actions = await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title).join(' | ');
      for (const a of actions) assert.ok(a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind), `${a.title}: ${a.kind?.value}`);
      assert.equal(actions[0]?.isPreferred, true, titles);
      const fix = actions[0]!;
      assert.equal(fix.title, say('将“行政复议·总计”改为 1', 'Change “Reconsideration · total” to 1'));
      assert.ok(
        actions.some((a) => a.title === say('在本行停用 table.group-total', 'Disable table.group-total for this line')),
        titles,
      );
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      await diagnostics(uri, (x) => !x.some((y) => code(y) === 'table.group-total'));
      assert.equal(editor.document.getText(d.range), '1');
    });

    test('disable for this line: the directive is written and the diagnostic goes', async () => {
      const editor = await open(DRAFT);
      const uri = editor.document.uri;
      const d = (await diagnostics(uri, has('table.group-total'))).find((x) => code(x) === 'table.group-total')!;
      const title = say('在本行停用 table.group-total', 'Disable table.group-total for this line');
      const action = (await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === title);
      assert.ok(action?.edit);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      await diagnostics(uri, (x) => x.length > 0 && !x.some((y) => code(y) === 'table.group-total'));
      assert.match(editor.document.getText(), /<!-- nianbao-disable-(next-)?line table\.group-total -->/);
    });

    test('source actions: source.fixAll.nianbao and source.nianbao.recomputeTotals', async () => {
      const editor = await open(DRAFT);
      const uri = editor.document.uri;
      await diagnostics(uri, (x) => x.some((d) => ARITH.includes(code(d))));
      const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
      const fixAll = await codeActions(uri, all, vscode.CodeActionKind.SourceFixAll.value);
      assert.deepEqual(
        fixAll.map((a) => a.kind?.value),
        ['source.fixAll.nianbao'],
      );
      assert.equal(fixAll[0]!.title, say('修复全部可自动修复的年报问题', 'Fix all auto-fixable report problems'));
      const recompute = await codeActions(uri, all, 'source.nianbao.recomputeTotals');
      assert.deepEqual(
        recompute.map((a) => a.kind?.value),
        ['source.nianbao.recomputeTotals'],
      );
      // Not offered unasked (the lightbulb shows quick fixes only).
      const unasked = await codeActions(uri, all);
      assert.ok(!unasked.some((a) => a.kind && vscode.CodeActionKind.Source.contains(a.kind)), unasked.map((a) => a.kind?.value).join(', '));
    });

    test('the outline: the title, then the six sections', async () => {
      const editor = await open(DRAFT);
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri))!;
      const sections = symbols.flatMap((s) => [s, ...s.children]).filter((s) => s.kind === vscode.SymbolKind.Module);
      assert.deepEqual(
        sections.map((s) => s.name.slice(0, 2)),
        ['一、', '二、', '三、', '四、', '五、', '六、'],
      );
      const third = sections[2]!;
      assert.ok(
        third.children.some((c) => c.kind === vscode.SymbolKind.Struct),
        'section 三 has its table',
      );
    });

    test('hover on a wrong total shows the arithmetic', async () => {
      const editor = await open(DRAFT);
      const ds = await diagnostics(editor.document.uri, has('table.group-total'));
      const d = ds.find((x) => code(x) === 'table.group-total')!;
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start))!;
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, ZH ? /应为 \*\*1\*\*，实为 \*\*2\*\*/ : /expected \*\*1\*\*, actual \*\*2\*\*/);
      assert.match(text, /1 \+ .*0 \+ .*0 \+ .*0 = \*\*1\*\*/);
    });

    test('command 重新计算全部合计 (recompute all totals) mends every total', async () => {
      const editor = await open(DRAFT);
      await diagnostics(editor.document.uri, (x) => x.some((d) => ARITH.includes(code(d))));
      await vscode.commands.executeCommand('nianbao.recomputeTotals');
      await diagnostics(editor.document.uri, (x) => !x.some((d) => ARITH.includes(code(d))));
      assert.ok(editor.document.isDirty);
    });

    test('command 修复全部可自动修复的年报问题 (fix all) applies every preferred fix', async () => {
      const editor = await open(DRAFT);
      await diagnostics(editor.document.uri, has('text.artifact'));
      await vscode.commands.executeCommand('nianbao.fixAll');
      await diagnostics(editor.document.uri, (x) => !x.some((d) => code(d) === 'text.artifact' || ARITH.includes(code(d))));
      assert.ok(!editor.document.getText().includes('[bookmark: _GoBack]'));
    });

    test('command 打开表格视图 (open table view) opens a webview beside the report, the focus staying in the text', async () => {
      const editor = await open(DRAFT);
      await diagnostics(editor.document.uri, has('table.group-total'));
      await vscode.commands.executeCommand('nianbao.openTableView');
      // The tabs reach the extension host from the workbench a moment later: wait for the view's.
      const find = () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nianbao.tableView'));
      for (let i = 0; i < 100 && !find(); i++) await new Promise((r) => setTimeout(r, 100));
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      const view = find();
      assert.ok(view, tabs.map((t) => t.label).join(', '));
      assert.ok(view.label.includes(say('表格：', 'Tables: ')), view.label);
      assert.notEqual(
        view.group.viewColumn,
        vscode.window.tabGroups.all.find((g) =>
          g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === editor.document.uri.toString()),
        )?.viewColumn,
      );
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    });

    test('command 显示识别的表格 (show the tables as read) opens them beside the report and follows its edits', async () => {
      const editor = await open(DRAFT);
      const ds = await diagnostics(editor.document.uri, has('table.group-total'));
      const shown = opened((d) => d.uri.scheme === 'nianbao-tables');
      await vscode.commands.executeCommand('nianbao.showTables');
      const view = await shown;
      assert.equal(view.uri.query, editor.document.uri.toString());
      assert.ok(view.getText().includes(say('（一）予以公开', '(1) Disclosed')), view.getText().slice(0, 400));
      // An edit of the report: the view is asked again once the edits pause.
      const before = view.getText();
      const changed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          sub.dispose();
          reject(new Error('the tables view did not follow the edit'));
        }, 20_000);
        const sub = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document.uri.toString() !== view.uri.toString() || e.document.getText() === before) return;
          clearTimeout(timer);
          sub.dispose();
          resolve();
        });
      });
      const d = ds.find((x) => code(x) === 'table.group-total')!;
      await editor.edit((b) => b.replace(d.range, '7'));
      await changed;
    });

    test("command 从模板新建年度报告 (new report from template) opens a report of the year's format", async () => {
      const created = opened((d) => d.isUntitled && d.languageId === 'nianbao');
      const run = vscode.commands.executeCommand('nianbao.newReport');
      // Answer the year picker and the name box as a person pressing Enter would: last year's report, no name.
      let doc: vscode.TextDocument | undefined;
      void created.then(
        (d) => (doc = d),
        () => {},
      );
      for (let i = 0; i < 100 && !doc; i++) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await new Promise((r) => setTimeout(r, 100));
      }
      await run;
      const d = await created;
      const year = new Date().getFullYear() - 1;
      assert.match(d.getText().split('\n')[0]!, new RegExp(`${year}年政府信息公开工作年度报告$`));
      assert.ok(d.getText().includes(year >= 2021 ? '本年制发件数' : '本年新制作数量'));
      // A blank template is a report: checked, each empty table one hint (table.empty), not a warning per cell.
      await diagnostics(d.uri, has('table.empty'));
    });

    test("the template command of the server gives the year's format", async () => {
      const text = (await vscode.commands.executeCommand<string>('nianbao.server.template', 2020, '某某局'))!;
      assert.ok(text.startsWith('某某局2020年政府信息公开工作年度报告'));
      assert.ok(text.includes('本年新制作数量'));
    });

    test('command 检查工作区中的全部年报 (check all reports) puts files that are not open in the Problems view', async () => {
      const uri = vscode.Uri.file(SHIMEN);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
      await vscode.commands.executeCommand('nianbao.checkWorkspace');
      await diagnostics(uri, has('format.mismatch'));
    });

    test('source.fixAll.nianbao on save', async () => {
      assert.equal(onSave(), 'explicit');
      const editor = await open(DRAFT);
      await diagnostics(editor.document.uri, has('text.artifact'));
      // A change so that the save is real.
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await editor.document.save();
      const state = () =>
        `in the editor ${editor.document.getText().includes('[bookmark: _GoBack]') ? 'not fixed' : 'fixed'} (version ${editor.document.version}${editor.document.isDirty ? ', unsaved' : ''}), ` +
        `on disk ${readFileSync(DRAFT, 'utf8').includes('[bookmark: _GoBack]') ? 'not fixed' : 'fixed'}`;
      await diagnostics(editor.document.uri, (x) => !x.some((d) => code(d) === 'text.artifact' || ARITH.includes(code(d)))).catch((e: Error) => {
        throw new Error(`${e.message}; ${state()}`);
      });
      assert.ok(!editor.document.getText().includes('[bookmark: _GoBack]'));
      assert.ok(!readFileSync(DRAFT, 'utf8').includes('[bookmark: _GoBack]'), 'the file on disk is fixed');
    });

    test('settings change severities while the report is open: off, and warning → error', async () => {
      const editor = await open(SHIMEN);
      const uri = editor.document.uri;
      await diagnostics(uri, (x) => has('format.mismatch')(x) && has('text.artifact')(x));
      const warning = (ds: vscode.Diagnostic[]) => ds.find((d) => code(d) === 'text.artifact')?.severity;
      assert.equal(warning(ours(uri)), vscode.DiagnosticSeverity.Warning);
      const config = vscode.workspace.getConfiguration('nianbao');
      await config.update('rules', { 'format.mismatch': 'off', 'text.artifact': 'error' }, vscode.ConfigurationTarget.Workspace);
      try {
        await diagnostics(uri, (x) => !has('format.mismatch')(x) && warning(x) === vscode.DiagnosticSeverity.Error);
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await diagnostics(uri, (x) => has('format.mismatch')(x) && warning(x) === vscode.DiagnosticSeverity.Warning);
    });
  });
}
