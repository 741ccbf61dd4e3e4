/**
 * 以年报视图打开 (Open as Report View): a .pdf, .doc, .docx or web page opened as the report
 * nianbao reads in it. The custom editor (priority `option`: offered by "Open With…" and the
 * explorer's menu, never instead of the default) shows a short page — what was read, the counts, or
 * why nothing could be — and opens beside it the read-only `nianbao-import:` text document the
 * server checks, squiggles and all. 导入为可编辑文本 (Import as Editable Text) writes that text
 * beside the original as NAME.txt (never over a file without asking) and opens it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IMPORT_SCHEME, IMPORT_TEXT_REQUEST, type ImportText, type ImportTextParams } from '../../server/src/features/protocol';

/** The custom editor's view type. */
export const REPORT_VIEW = 'nianbao.reportView';

/** The files the report view opens. */
const VIEWABLE = /\.(pdf|docx?|docm|html?|shtml|xhtml)$/i;

/** The text view of an original: `nianbao-import:/<name> (report view)?<original uri>`. */
export function viewUriOf(original: vscode.Uri): vscode.Uri {
  const name = path.posix.basename(original.path);
  return vscode.Uri.from({ scheme: IMPORT_SCHEME, path: `/${vscode.l10n.t('{0} (report view)', name)}`, query: original.toString() });
}

/** The original file of a view. */
function originalOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query);
}

/** The report views' texts, asked of the server (`nianbao/importText`), kept while their documents are open. */
class ImportContent implements vscode.TextDocumentContentProvider {
  private readonly answers = new Map<string, ImportText>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  /** The server's reading of an original (asked again with `fresh`). */
  async answer(view: vscode.Uri, fresh = false): Promise<ImportText> {
    const key = view.toString();
    const known = this.answers.get(key);
    if (known && !fresh) return known;
    const params: ImportTextParams = { uri: view.query };
    let a: ImportText;
    try {
      a = await this.client.sendRequest<ImportText>(IMPORT_TEXT_REQUEST, params);
    } catch (e) {
      a = { message: e instanceof Error ? e.message : String(e) };
    }
    this.answers.set(key, a);
    return a;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const a = await this.answer(uri);
    return a.text ?? a.message ?? '';
  }

  /** The original changed on disk: its open view is read again. */
  reread(view: vscode.Uri): void {
    this.answers.delete(view.toString());
    this.changed.fire(view);
  }

  forget(view: vscode.Uri): void {
    this.answers.delete(view.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens an original's text view beside the page (or in front). */
async function showView(original: vscode.Uri, column = vscode.ViewColumn.Beside): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(viewUriOf(original));
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

/** The custom editor: a page saying what was read, with its two buttons; the text view opened beside it. */
class ReportViewProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly content: ImportContent) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const original = document.uri;
    panel.webview.options = { enableScripts: true };
    panel.webview.html = page(panel.webview, original, null);
    panel.webview.onDidReceiveMessage((m: { command?: string }) => {
      if (m.command === 'show') void showView(original);
      else if (m.command === 'import') void vscode.commands.executeCommand('nianbao.importAsText', original);
      else if (m.command === 'reread') void reread(this.content, original, panel);
    });
    const answer = await this.content.answer(viewUriOf(original), true);
    panel.webview.html = page(panel.webview, original, answer);
    if (answer.text !== undefined) await showView(original);
  }
}

/** 重新读取: the original read again (it changed on disk), the page and the view with it. */
async function reread(content: ImportContent, original: vscode.Uri, panel: vscode.WebviewPanel): Promise<void> {
  const view = viewUriOf(original);
  const answer = await content.answer(view, true);
  panel.webview.html = page(panel.webview, original, answer);
  content.reread(view);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page of the custom editor: reading…, what was read, or why nothing could be. */
function page(webview: vscode.Webview, original: vscode.Uri, a: ImportText | null): string {
  const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const name = path.posix.basename(original.path);
  const e = escapeHtml;
  let body: string;
  if (!a) body = `<p>${e(vscode.l10n.t('Reading {0}…', name))}</p>`;
  else if (a.text === undefined) body = `<p class="error" role="alert">${e(vscode.l10n.t('{0} cannot be checked: {1}', name, a.message ?? ''))}</p>`;
  else {
    const format = a.format && a.format !== 'unknown' ? vscode.l10n.t('{0} format', a.format) : vscode.l10n.t('format unknown');
    const year = a.year ? vscode.l10n.t('year {0}', String(a.year)) : vscode.l10n.t('year unknown');
    const counts = vscode.l10n.t('{0} errors, {1} warnings, {2} notes.', a.error ?? 0, a.warning ?? 0, (a.info ?? 0) + (a.hint ?? 0));
    const unchecked = a.uncheckedTables ? `<p>${e(vscode.l10n.t('Tables read with uncertainty (their sums not checked): {0}', a.uncheckedTables))}</p>` : '';
    body = `<p>${e(vscode.l10n.t('{0} read as an annual report: {1}, {2}.', name, format, year))}</p>
<p class="counts">${e(counts)}</p>${unchecked}
<p>${e(vscode.l10n.t('The text beside shows the problems where they are. It is read-only: to correct the report, import it as a text file.'))}</p>
<p><button id="show">${e(vscode.l10n.t('Show the Report Text'))}</button> <button id="import">${e(vscode.l10n.t('Import as Editable Text'))}</button></p>`;
  }
  const again = a ? `<p><button id="reread" class="secondary">${e(vscode.l10n.t('Read Again'))}</button></p>` : '';
  return `<!DOCTYPE html><html lang="${e(vscode.env.language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:1em 2em;line-height:1.6}
button{font:inherit;color:var(--vscode-button-foreground);background:var(--vscode-button-background);border:none;padding:.4em 1em;margin:.2em .4em .2em 0;cursor:pointer}
button:hover{background:var(--vscode-button-hoverBackground)}button.secondary{color:var(--vscode-button-secondaryForeground);background:var(--vscode-button-secondaryBackground)}
.error{color:var(--vscode-errorForeground)}.counts{font-weight:bold}</style></head>
<body><h2>${e(vscode.l10n.t('Report View: {0}', name))}</h2>${body}${again}
<script nonce="${nonce}">const vscode=acquireVsCodeApi();for(const id of ['show','import','reread']){const b=document.getElementById(id);if(b)b.addEventListener('click',()=>vscode.postMessage({command:id}));}</script>
</body></html>`;
}

/** The file a command is about: the one it was given, else the active view's or page's original. */
function originalFrom(arg: unknown): vscode.Uri | undefined {
  const given = arg instanceof vscode.Uri ? arg : undefined;
  const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri =
    given ??
    (active instanceof vscode.TabInputCustom || active instanceof vscode.TabInputText ? active.uri : undefined) ??
    vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  if (uri.scheme === IMPORT_SCHEME) return originalOf(uri);
  return uri.scheme === 'file' && VIEWABLE.test(uri.path) ? uri : undefined;
}

/** nianbao: 以年报视图打开: the file given (explorer), the active one, or one picked. */
async function openReportView(arg: unknown): Promise<void> {
  let original = originalFrom(arg);
  if (!original) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Open as Report View'),
      filters: { [vscode.l10n.t('Reports')]: ['pdf', 'doc', 'docx', 'html', 'htm'] },
    });
    original = picked?.[0];
    if (!original) return;
  }
  await vscode.commands.executeCommand('vscode.openWith', original, REPORT_VIEW);
}

/** A name beside `wanted` that no file has: "NAME (2).txt", "NAME (3).txt"… */
async function freeName(wanted: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(wanted, '..');
  const stem = path.posix.basename(wanted.path, '.txt');
  for (let n = 2; ; n++) {
    const candidate = vscode.Uri.joinPath(dir, `${stem} (${n}).txt`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** 导入为可编辑文本: the view's text written beside the original as NAME.txt, asked before a file is replaced, and opened. */
async function importAsText(content: ImportContent, arg: unknown): Promise<void> {
  const original = originalFrom(arg);
  if (!original) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .pdf, .doc, .docx or web page as a report view first.'));
    return;
  }
  const a = await content.answer(viewUriOf(original));
  if (a.text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be checked: {1}', path.posix.basename(original.path), a.message ?? ''));
    return;
  }
  const ext = path.posix.extname(original.path);
  let target = original.with({ path: `${original.path.slice(0, original.path.length - ext.length)}.txt` });
  if (await exists(target)) {
    const overwrite = vscode.l10n.t('Overwrite');
    const another = vscode.l10n.t('Save under a New Name');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Overwrite it?', path.posix.basename(target.path)),
      { modal: true },
      overwrite,
      another,
    );
    if (choice === another) target = await freeName(target);
    else if (choice !== overwrite) return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(a.text));
  await vscode.window.showTextDocument(target, { preview: false });
}

/** Registers the report view, its text documents and its two commands. */
export function registerReportView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const content = new ImportContent(client);
  context.subscriptions.push(
    content,
    vscode.workspace.registerTextDocumentContentProvider(IMPORT_SCHEME, content),
    vscode.window.registerCustomEditorProvider(REPORT_VIEW, new ReportViewProvider(content), {
      supportsMultipleEditorsPerDocument: false,
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === IMPORT_SCHEME) content.forget(d.uri);
    }),
    vscode.commands.registerCommand('nianbao.openReportView', openReportView),
    vscode.commands.registerCommand('nianbao.importAsText', (arg: unknown) => importAsText(content, arg)),
  );
}
