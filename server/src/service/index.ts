/**
 * The language server on any connection: stdio or node-ipc from `server.ts`, an in-process stream
 * pair in the tests. `startServer` composes the parts and wires LSP messages to them; every answer
 * is read off the one cached analysis of the document's current version.
 *
 *   session.ts        what the client said at initialize
 *   settingsStore.ts  each document's settings and config file
 *   analysis.ts       the analysis of each document version, cached
 *   scheduler.ts      when documents are checked (debounce, cancellation, worker thread)
 *   worker.ts         the worker-thread transport
 *   publisher.ts      diagnostics and status pushed to the client
 *   workspace.ts      "check all reports in the workspace"
 *   previous.ts       last year's report for each open report (the rules across years)
 *   ../features/      one adapter per LSP feature; convert.ts converts to LSP types
 */
import {
  CodeActionKind,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  type TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, check, reportTemplate } from '../core';
import { codeActions, FIX_ALL_KIND, RECOMPUTE_KIND } from '../features/codeActions';
import { TIDY_KIND } from '../features/tidy';
import { executeCommand, type CommandContext } from '../features/commands';
import { offsetOf, offsetsOf } from '../features/convert';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { HtmlChecks } from '../features/htmlDocument';
import { ImportStore, importHover } from '../features/importView';
import { inlayHints } from '../features/inlayHints';
import { T, t } from '../features/locale';
import { COMMANDS, IMPORT_TEXT_REQUEST, type ImportTextParams, importedFrom } from '../features/protocol';
import { documentSymbols, symbolInformation } from '../features/symbols';
import { VERSION } from '../version';
import { AnalysisCache } from './analysis';
import { openDocuments } from './documents';
import { PreviousWiring } from './previousWiring';
import { Publisher } from './publisher';
import { CheckScheduler } from './scheduler';
import { Session } from './session';
import { SettingsStore } from './settingsStore';
import { WorkspaceCheck } from './workspace';

export const SERVER_NAME = 'nianbao';
export const SERVER_VERSION = VERSION;
export { STATUS_NOTIFICATION, type StatusParams } from '../features/protocol';
export { FAST_CHECK_MS, LARGE_DOCUMENT } from './scheduler';

/** The parts of a server, composed once per connection. */
interface Parts {
  connection: Connection;
  session: Session;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  scheduler: CheckScheduler;
  publisher: Publisher;
  workspace: WorkspaceCheck;
  previous: PreviousWiring;
  /** The originals read for report views (`nianbao-import:`). */
  imports: ImportStore;
  /** Web pages open in the editor (language `html`). */
  pages: HtmlChecks;
}

export function startServer(connection: Connection): void {
  const parts = createServer(connection);
  onLifecycle(parts);
  onDocuments(parts);
  onRequests(parts);
  parts.documents.listen(connection);
  connection.listen();
}

/** Composes the parts of a server on a connection (nothing is listened to yet). */
function createServer(connection: Connection): Parts {
  const session = new Session();
  const documents = openDocuments();
  const previous = new PreviousWiring(documents);
  const cache = new AnalysisCache(undefined, previous.reports);
  const imports = new ImportStore();
  cache.refine = (a) => imports.refine(a.uri, a.result);
  const settings = new SettingsStore(
    (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }),
    (error) => void connection.window.showWarningMessage(t(T.configError(error), session.locale)),
  );
  const publisher = new Publisher(connection, session);
  const scheduler = new CheckScheduler({
    documents,
    cache,
    settings,
    publish: (a) => {
      publisher.publish(a);
      previous.checked(a);
    },
    error: (message) => connection.console.error(message),
  });
  const workspace = new WorkspaceCheck({ documents, scheduler, settings, publisher, previous: previous.forFilesOnDisk() });
  previous.recheck = (uri) => scheduler.schedule(uri);
  const pages = new HtmlChecks({
    sendDiagnostics: (p) => void connection.sendDiagnostics(p),
    configOf: async (uri) => settings.configFor(uri, await settings.settingsFor(uri)),
    status: (uri, version, a) => publisher.status(uri, version, a),
    locale: () => session.locale,
  });
  return { connection, session, documents, settings, scheduler, publisher, workspace, previous, imports, pages };
}

function initializeResult(session: Session): InitializeResult {
  const literal = !!session.caps.textDocument?.codeAction?.codeActionLiteralSupport;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'nianbao' },
      foldingRangeProvider: true,
      codeActionProvider: literal ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND, TIDY_KIND] } : true,
      hoverProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
  };
}

/** Initialize, registrations, settings and config-file changes, shutdown. */
function onLifecycle({ connection, session, settings, scheduler, workspace, previous }: Parts): void {
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = session.initialize(params);
    settings.initialize(session.pullConfiguration, opts.settings);
    workspace.initialize(params);
    return initializeResult(session);
  });

  connection.onInitialized(() => {
    const caps = session.caps;
    // Warm the checker up (the first check of a process runs cold): the first real edit is then fast.
    setTimeout(() => void check(reportTemplate(2023)), 0);
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    }
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.nianbaorc.json' }] });
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: previous.watchers() });
      previous.reports.watching = true;
    }
    if (caps.workspace?.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => workspace.foldersChanged(e));
      } catch {
        // the client sends no folder changes
      }
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    scheduler.recheckAll();
    if (session.caps.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // Report files: the reports that look at them are checked again; config files: every report.
    const reports = params.changes.filter((c) => !c.uri.endsWith(CONFIG_FILE));
    previous.filesChanged(reports.map((c) => c.uri));
    if (reports.length === params.changes.length) return;
    settings.filesChanged();
    scheduler.recheckAll();
  });

  connection.onShutdown(() => scheduler.dispose());
}

/** Changes are scheduled for checking; a closed document's state goes (or its file's diagnostics come back). */
function onDocuments({ documents, settings, scheduler, publisher, workspace, previous, imports, pages }: Parts): void {
  documents.onDidChangeContent((e) => {
    if (e.document.languageId === 'html') pages.schedule(e.document);
    else scheduler.schedule(e.document.uri);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    if (e.document.languageId === 'html') {
      pages.closed(uri);
      settings.forget(uri);
      return;
    }
    scheduler.closed(uri);
    previous.closed(uri);
    if (workspace.closed(uri)) {
      // Checked with "check all reports": back to the file on disk.
      publisher.status(uri, null, null);
      return;
    }
    publisher.closed(uri);
    settings.forget(uri);
    const original = importedFrom(uri);
    if (original) imports.forget(original);
  });
}

/** The feature requests, each answered by its adapter from the current analysis. */
function onRequests({ connection, session, scheduler, workspace, settings, imports }: Parts): void {
  const analysisOf = (uri: string) => scheduler.analysisOf(uri);

  connection.onDocumentSymbol(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    return session.caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport
      ? documentSymbols(r.a, session.locale)
      : symbolInformation(r.a, session.locale);
  });

  connection.onFoldingRanges(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    return r ? foldingRanges(r.a) : null;
  });

  connection.onCodeAction(async (params) => {
    // A report view is read-only: its fixes could not be applied (导入为可编辑文本 makes a text to fix).
    if (importedFrom(params.textDocument.uri)) return null;
    const r = await analysisOf(params.textDocument.uri);
    return r ? codeActions(r.a, params, session.locale, session.actionOptions) : null;
  });

  connection.onHover(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    const formats = session.caps.textDocument?.hover?.contentFormat;
    const markdown = !formats || formats.includes('markdown');
    const offset = offsetOf(r.a, params.position);
    return importHover(imports, r.a, offset, session.locale, markdown, hover(r.a, offset, session.locale, markdown));
  });

  // A report view's text: the file read as `nianbao import` reads it, with the config that applies to it.
  connection.onRequest(IMPORT_TEXT_REQUEST, async (params: ImportTextParams) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const config = settings.configFor(uri, await settings.settingsFor(uri));
    return imports.read(uri, config, session.locale);
  });

  connection.languages.inlayHint.on(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    return inlayHints(r.a, offsetsOf(r.a, params.range), session.locale, r.settings.inlayHints.enabled);
  });

  const commands: CommandContext = {
    get locale() {
      return session.locale;
    },
    get actionOptions() {
      return session.actionOptions;
    },
    analysisOf: async (uri) => (await analysisOf(uri))?.a ?? null,
    applyEdit: async (label, edit) => (await connection.workspace.applyEdit({ label, edit })).applied,
    checkWorkspace: (roots) => workspace.checkAll(roots),
    showExternal: async (url) => (await connection.window.showDocument({ uri: url, external: true })).success,
  };
  connection.onExecuteCommand((params) => executeCommand(params.command, params.arguments ?? [], commands));
}
