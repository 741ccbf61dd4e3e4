/**
 * The VS Code client: starts the nianbao language server over IPC for `nianbao` documents and for
 * plain text and Markdown (the server checks those only when they look like a report, and leaves
 * their language alone), shows the report's format, year and counts as a language status item, and
 * adds the palette commands, among them the table view and a read-only text of the tables as read.
 * It also opens .pdf, .doc, .docx and web pages as report views (importView.ts) and sends open web
 * pages to the server, which checks those that hold a report. Everything about reports happens in
 * the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
// Shared with the server: constants and types only, nothing of the server is bundled.
import {
  COMMANDS as SERVER,
  IMPORT_SCHEME,
  SERVER_EXEC_ARGV,
  STATUS_NOTIFICATION,
  type StatusParams as Status,
  type TablesAsRead,
  type WorkspaceSummary,
} from '../../server/src/features/protocol';
// The format registry (declarations and pure functions only): the format a year's report uses.
import { formatById, formatForYear } from '../../server/src/core/formats/registry';
import { localeFrom, localize } from '../../server/src/core/i18n';
import { offerReportLanguage, ReportStatus, untitledReportUri } from './firstUse';
import { TableViews } from './tableview/panel';
import { registerReportView } from './importView';

const LANGUAGES = ['nianbao', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // The read-only report views of .pdf, .doc, .docx and web pages (importView.ts).
      { scheme: IMPORT_SCHEME },
      // Web pages: checked through the HTML reader when they hold a report (server: features/htmlDocument.ts).
      { scheme: 'file', language: 'html' },
    ],
    initializationOptions: { locale: vscode.env.language, statusNotification: true },
    diagnosticCollectionName: 'nianbao',
  };
  client = new LanguageClient('nianbao', vscode.l10n.t('nianbao Language Server'), serverOptions, clientOptions);
  registerReportView(context, client);

  const statuses = new Map<string, Status>();
  const status = new ReportStatus();
  context.subscriptions.push(status);

  const refresh = () => {
    const editor = vscode.window.activeTextEditor;
    const s = editor ? statuses.get(editor.document.uri.toString()) : undefined;
    status.show(editor?.document.uri, s);
  };

  const tableViews = new TableViews();
  context.subscriptions.push(
    tableViews,
    vscode.commands.registerCommand('nianbao.openTableView', (uri?: vscode.Uri) => openTableView(tableViews, statuses, uri)),
  );

  const tables = new TablesView();
  context.subscriptions.push(
    tables,
    vscode.workspace.registerTextDocumentContentProvider(TABLES_SCHEME, tables),
    vscode.workspace.onDidChangeTextDocument((e) => tables.sourceChanged(e.document.uri)),
    vscode.commands.registerCommand('nianbao.showTables', () => showTables(tables)),
  );

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidCloseTextDocument((d) => {
      statuses.delete(d.uri.toString());
      refresh();
    }),
    vscode.commands.registerCommand('nianbao.newReport', newReport),
    vscode.commands.registerCommand('nianbao.recomputeTotals', () => editDocument(SERVER.recomputeTotals, vscode.l10n.t('All totals already add up.'))),
    vscode.commands.registerCommand('nianbao.fixAll', () => editDocument(SERVER.fixAll, vscode.l10n.t('Nothing to fix automatically.'))),
    vscode.commands.registerCommand('nianbao.checkWorkspace', checkWorkspace),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (s: Status) => {
      // The server sends URIs in its own spelling: key them the way VS Code spells them.
      const key = vscode.Uri.parse(s.uri).toString();
      if (s.version === null) statuses.delete(key);
      else statuses.set(key, s);
      refresh();
      const doc = s.isReport ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key) : undefined;
      if (doc) void offerReportLanguage(context, doc);
    }),
  );
  refresh();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

/** Runs a server command that edits the active document (it applies the edit through `workspace/applyEdit`). */
async function editDocument(command: string, nothingToDo: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return;
  }
  const result = (await vscode.commands.executeCommand(command, editor.document.uri.toString())) as { applied: boolean; edits: number } | undefined;
  if (!result || result.edits === 0) void vscode.window.showInformationMessage(nothingToDo);
}

/** The scheme of the read-only views of a report's tables as read: `nianbao-tables:/<name>?<report uri>`. */
const TABLES_SCHEME = 'nianbao-tables';

/** How long the view waits after an edit of its report before it asks again (the server checks in between). */
const TABLES_REFRESH_MS = 300;

/**
 * The tables as read, one virtual document per report (the server's `showTables`, the text of
 * `nianbao show`). A view open beside its report follows its edits, once they pause.
 */
class TablesView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** The view of a report. */
  static uriOf(report: vscode.Uri): vscode.Uri {
    const name = path.posix.basename(report.path) || report.toString();
    return vscode.Uri.from({ scheme: TABLES_SCHEME, path: `/${vscode.l10n.t('{0} (tables as read)', name)}`, query: report.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const shown = (await vscode.commands.executeCommand(SERVER.showTables, uri.query)) as TablesAsRead | null | undefined;
    return shown?.text ?? vscode.l10n.t('The report is not open, or the text is not an annual report: no tables to show.');
  }

  /** A document changed: if it is a report with its view open, the view refreshes once the edits pause. */
  sourceChanged(report: vscode.Uri): void {
    if (report.scheme === TABLES_SCHEME) return;
    const view = TablesView.uriOf(report);
    const key = view.toString();
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(view);
      }, TABLES_REFRESH_MS),
    );
  }

  /** Asks for a view again now. */
  refresh(view: vscode.Uri): void {
    this.changed.fire(view);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.changed.dispose();
  }
}

/** 显示识别的表格: the active report's tables as read, in a read-only view beside it. */
async function showTables(tables: TablesView): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.uri.scheme === TABLES_SCHEME) {
    tables.refresh(editor.document.uri);
    return;
  }
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return;
  }
  const view = TablesView.uriOf(editor.document.uri);
  const doc = await vscode.workspace.openTextDocument(view);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}

/** 从模板新建年度报告: pick a year (the format follows from it), name the body, open an untitled report. */
async function newReport(): Promise<void> {
  const last = new Date().getFullYear() - 1;
  const years: (vscode.QuickPickItem & { year: number })[] = [];
  const locale = localeFrom(vscode.env.language);
  // From next year back to the first year a format covers.
  for (let y = last + 1; ; y--) {
    const format = formatForYear(y);
    if (format === null) break;
    years.push({
      label: vscode.l10n.t('{0} annual report', String(y)),
      description: localize(formatById(format)!.name, locale),
      year: y,
      picked: y === last,
    });
  }
  const pick = await pickOne(
    years,
    years.find((y) => y.picked),
    vscode.l10n.t('The year the report covers'),
  );
  if (!pick) return;
  const body = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('The name of the government body (optional)'),
    placeHolder: vscode.l10n.t('e.g. 某某县人民政府办公室'),
  });
  if (body === undefined) return;
  const text = (await vscode.commands.executeCommand(SERVER.template, pick.year, body)) as string;
  // An untitled draft already named like a report file: saving proposes that name.
  let doc = await vscode.workspace.openTextDocument(await untitledReportUri(pick.year, body));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), text);
  await vscode.workspace.applyEdit(edit);
  if (doc.languageId !== 'nianbao') doc = await vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
  await vscode.window.showTextDocument(doc);
}

/**
 * 打开表格视图: the tables of a report (the editor title's button passes its document, the palette
 * takes the active editor's) in a view beside it.
 */
async function openTableView(views: TableViews, statuses: Map<string, Status>, uri?: vscode.Uri): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target || (!statuses.get(target.toString())?.isReport && !LANGUAGES.includes(vscode.window.activeTextEditor?.document.languageId ?? ''))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return;
  }
  await views.open(target);
}

/**
 * A single-choice picker with `active` highlighted, so that Enter takes it (`showQuickPick` ignores
 * `picked` unless many can be picked, and would offer the first item: the year not yet over).
 */
function pickOne<T extends vscode.QuickPickItem>(items: T[], active: T | undefined, placeholder: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<T>();
    qp.items = items;
    if (active) qp.activeItems = [active];
    qp.placeholder = placeholder;
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0] ?? qp.activeItems[0]);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** 检查工作区中的全部年报: the server reads and checks every report file; the results land in the Problems view. */
async function checkWorkspace(): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first.'));
    return;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the annual reports in the workspace…') },
    async () => (await vscode.commands.executeCommand(SERVER.checkWorkspace)) as WorkspaceSummary | undefined,
  );
  if (!summary) return;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const unchecked = summary.uncheckedTables;
  void vscode.window.showInformationMessage(
    unchecked > 0
      ? vscode.l10n.t(
          '{0} reports checked ({1} files looked at): {2} errors, {3} warnings; {4} tables read with uncertainty were not checked.',
          summary.reports,
          summary.files,
          summary.error,
          summary.warning,
          unchecked,
        )
      : vscode.l10n.t('{0} reports checked ({1} files looked at): {2} errors, {3} warnings.', summary.reports, summary.files, summary.error, summary.warning),
  );
}
