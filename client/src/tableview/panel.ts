/**
 * 打开表格视图: the report's tables beside its text, as Markdown's preview sits beside Markdown. One
 * webview panel per report, for any document the server checks (a file, an untitled draft, the
 * read-only text of a .pdf or .docx): it follows the report's edits once they pause, marks the cell
 * under the text cursor, and jumps to a cell in the text on Enter or a click.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { localeFrom } from '../../../server/src/core/i18n';
import type { ShownReport } from '../../../server/src/core/show';
import { COMMANDS as SERVER, type TablesAsRead } from '../../../server/src/features/protocol';
import { cellAt, renderBody, renderPage } from './render';

export const TABLE_VIEW_TYPE = 'nianbao.tableView';

/** How long the view waits after an edit of its report before it asks again (the server checks in between). */
const REFRESH_MS = 300;

/** What the page sends: a cell to show in the text. */
interface Jump {
  type: 'jump';
  line: number;
  character: number;
  length: number;
}

class TableView {
  private shown: ShownReport | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(
    readonly report: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private readonly onDispose: () => void,
  ) {
    panel.onDidDispose(() => {
      clearTimeout(this.timer);
      this.onDispose();
    });
    // A hidden webview is dropped (no context kept): drawn again when shown.
    let visible = panel.visible;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible && !visible) void this.load(true);
      visible = e.webviewPanel.visible;
    });
    panel.webview.onDidReceiveMessage((m: Jump) => {
      if (m?.type === 'jump' && Number.isInteger(m.line) && Number.isInteger(m.character)) void this.jump(m);
    });
  }

  /** Asks the server for the tables and draws the whole page (first time) or the body (after). */
  async load(first: boolean): Promise<void> {
    const ask = ++this.asked;
    const answer = (await vscode.commands.executeCommand(SERVER.showTables, this.report.toString()).then(
      (x) => x,
      () => null,
    )) as TablesAsRead | null | undefined;
    if (ask !== this.asked) return; // a newer request is on its way
    this.shown = answer?.json ?? null;
    const locale = localeFrom(vscode.env.language);
    if (first) {
      this.panel.webview.html = renderPage(this.shown, {
        locale,
        nonce: randomBytes(16).toString('base64'),
        cspSource: this.panel.webview.cspSource,
        title: titleOf(this.report),
      });
    } else {
      await this.panel.webview.postMessage({ type: 'update', body: renderBody(this.shown, locale) });
    }
    this.cursorMoved();
  }

  /** The report changed: ask again once the edits pause. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(false), REFRESH_MS);
  }

  /** The text cursor moved (or the page was redrawn): mark the cell under it. */
  cursorMoved(): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.report.toString());
    if (!editor || !this.shown) return;
    const p = editor.selection.active;
    void this.panel.webview.postMessage({ type: 'cursor', id: cellAt(this.shown, p.line + 1, p.character) });
  }

  /** Shows the cell in the text: its span selected, in the editor beside the view (or a new one). */
  private async jump(m: Jump): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(this.report);
    const start = doc.validatePosition(new vscode.Position(m.line - 1, m.character));
    const end = doc.positionAt(doc.offsetAt(start) + Math.max(0, m.length | 0));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: new vscode.Range(start, end),
    });
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function titleOf(report: vscode.Uri): string {
  const name = path.posix.basename(report.path) || report.toString();
  return vscode.l10n.t('Tables: {0}', name);
}

/** The table views, one per report, and the events they follow. */
export class TableViews implements vscode.Disposable {
  private readonly views = new Map<string, TableView>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.views.get(e.document.uri.toString())?.changed()),
      vscode.window.onDidChangeTextEditorSelection((e) => this.views.get(e.textEditor.document.uri.toString())?.cursorMoved()),
      vscode.workspace.onDidCloseTextDocument((d) => this.views.get(d.uri.toString())?.panel.dispose()),
    ];
  }

  /** Opens (or reveals) the view of a report beside it, the focus staying in the text. */
  async open(report: vscode.Uri): Promise<void> {
    const key = report.toString();
    const existing = this.views.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      await existing.load(false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TABLE_VIEW_TYPE,
      titleOf(report),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    const view = new TableView(report, panel, () => this.views.delete(key));
    this.views.set(key, view);
    await view.load(true);
  }

  dispose(): void {
    for (const v of this.views.values()) v.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
