/**
 * The language server on any connection: stdio or node-ipc from `server.ts`, an in-process stream
 * pair in the tests. It only wires LSP messages to the features; every answer is read off the one
 * cached analysis of the document's current version.
 *
 * Diagnostics are pushed (`textDocument/publishDiagnostics`, with the document version). A change
 * is checked at once when checking the document is fast (a 10 KB report takes well under a
 * millisecond) or when it comes after a pause; only while edits come faster than a slow check does
 * the server wait, never longer than a check takes nor longer than `nianbao.debounceMs`, and a newer
 * version cancels the wait. Large documents are checked on a worker thread.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, reportTemplate, ruleDocUrl, ruleById } from '../core';
import { codeActions, fixAllAction, recomputeAction, FIX_ALL_KIND, RECOMPUTE_KIND, type ActionOptions } from '../features/codeActions';
import { templateText } from '../features/commands';
import { COMMANDS, STATUS_NOTIFICATION, type StatusParams, type WorkspaceSummary } from '../features/protocol';
import { editCount, offsetOf, offsetsOf } from '../features/convert';
import { counts, toDiagnostics } from '../features/diagnostics';
import { performance } from 'node:perf_hooks';
import { analyse, AnalysisCache, finishAnalysis, handlesLanguage, type Analysis } from './analysis';
import { BackgroundChecker, Cancelled } from './worker';

/** A text this long is checked on a worker thread, so the server keeps answering while it is checked. */
export const LARGE_DOCUMENT = 400_000;
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { inlayHints } from '../features/inlayHints';
import { localeOfInitialize, T, t, type Locale } from '../features/locale';
import { ConfigLookup } from '../host/config';
import { configFor, defaultSettings, readSettings, type Settings } from './settings';
import { documentSymbols, symbolInformation } from '../features/symbols';
import { languageOfPath, readText, workspaceReportFiles } from './workspace';
import { VERSION } from '../version';

export const SERVER_NAME = 'nianbao';
export const SERVER_VERSION = VERSION;
export { STATUS_NOTIFICATION, type StatusParams } from '../features/protocol';
/** A check slower than this is debounced (by at most its own duration and `debounceMs`). */
export const FAST_CHECK_MS = 4;
interface InitOptions {
  locale?: string;
  statusNotification?: boolean;
  /** Settings for clients that have no `workspace/configuration` (the `nianbao` section). */
  settings?: unknown;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments({
    create: TextDocument.create,
    update(doc, changes, version) {
      // vscode-languageserver-textdocument keeps a stale line table when an edit joins a "\r" and a
      // "\n" (the two become one line break): where either text has a carriage return, rebuild it.
      const carriage = doc.getText().includes('\r') || changes.some((c) => c.text.includes('\r'));
      const next = TextDocument.update(doc, changes, version);
      return carriage ? TextDocument.create(next.uri, next.languageId, version, next.getText()) : next;
    },
  });
  const cache = new AnalysisCache();
  const configFiles = new ConfigLookup();
  let locale: Locale = 'zh';
  let caps: ClientCapabilities = {};
  let statusNotification = false;
  let pullConfiguration = false;
  let globalSettings: Settings = defaultSettings();
  let settingsGeneration = 0;
  const settingsByUri = new Map<string, Settings>();
  const pendingSettings = new Map<string, Promise<Settings>>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document last changed, to tell typing from an edit after a pause. */
  const lastChange = new Map<string, number>();
  /** Documents that had diagnostics published, and whether they were non-empty. */
  const published = new Map<string, boolean>();
  /** Files whose diagnostics come from "check all reports" (kept when the file is closed). */
  const diskChecked = new Set<string>();
  const shownConfigErrors = new Set<string>();
  let folders: string[] = [];

  const actionOptions = (): ActionOptions => ({
    documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!caps.window?.showDocument?.support,
  });

  // ------------------------------------------------------------------ settings

  function settingsFor(uri: string): Settings | Promise<Settings> {
    if (!pullConfiguration) return globalSettings;
    const hit = settingsByUri.get(uri);
    if (hit) return hit;
    const pending = pendingSettings.get(uri);
    if (pending) return pending;
    const generation = settingsGeneration;
    const p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'nianbao' })
      .then(
        (raw) => readSettings(raw),
        () => defaultSettings(),
      )
      .then((s) => {
        if (generation === settingsGeneration) {
          settingsByUri.set(uri, s);
          pendingSettings.delete(uri);
        }
        return s;
      });
    pendingSettings.set(uri, p);
    return p;
  }

  function fileConfig(uri: string) {
    if (!uri.startsWith('file:')) return null;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return null;
    }
    const { config, error } = configFiles.forFile(path);
    if (error && !shownConfigErrors.has(error)) {
      shownConfigErrors.add(error);
      void connection.window.showWarningMessage(t(T.configError(error), locale));
    }
    return config;
  }

  function analysisWith(doc: TextDocument, settings: Settings): Analysis {
    return cache.get(doc, configFor(settings, fileConfig(doc.uri)));
  }

  /** The analysis of a document's current version, for requests. */
  async function analysisOf(uri: string): Promise<{ a: Analysis; settings: Settings } | null> {
    const doc = documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return null;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return null;
    if (isLarge(current) && !cache.has(current, configFor(settings, fileConfig(uri)))) {
      // A large document is being checked in the background: answer from its last check meanwhile.
      validateInBackground(current, settings);
      const last = cache.peek(uri);
      return last ? { a: last, settings } : null;
    }
    return { a: analysisWith(current, settings), settings };
  }

  // ------------------------------------------------------------------ large documents

  const background = new Map<string, BackgroundChecker>();
  /** The version each background check is for. */
  const backgroundVersion = new Map<string, number>();
  const workerScript = typeof __filename === 'string' ? __filename : '';
  const isLarge = (doc: TextDocument) => doc.getText().length > LARGE_DOCUMENT && workerScript.endsWith('.js');

  /** Checks a large document on a worker thread and publishes when done, unless a newer version came. */
  function validateInBackground(doc: TextDocument, settings: Settings): void {
    const uri = doc.uri;
    const version = doc.version;
    if (backgroundVersion.get(uri) === version) return;
    const config = configFor(settings, fileConfig(uri));
    let checker = background.get(uri);
    if (!checker) background.set(uri, (checker = new BackgroundChecker(workerScript)));
    backgroundVersion.set(uri, version);
    const text = doc.getText();
    const t0 = performance.now();
    checker.check(text, config).then(
      (result) => {
        backgroundVersion.delete(uri);
        const current = documents.get(uri);
        if (!current || current.version !== version) return;
        const a = finishAnalysis(doc, text, config, result, performance.now() - t0);
        cache.store(a);
        publish(a);
      },
      (e: Error) => {
        if (backgroundVersion.get(uri) === version) backgroundVersion.delete(uri);
        if (!(e instanceof Cancelled)) connection.console.error(`nianbao: ${e.message}`);
      },
    );
  }

  // ------------------------------------------------------------------ diagnostics

  function publish(a: Analysis): void {
    const diagnostics = toDiagnostics(a, locale, { relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation });
    const before = published.get(a.uri);
    // A text that is not a report: one empty publication, then silence until it becomes one.
    if (!(before === false && !diagnostics.length && !a.isReport)) {
      connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics });
    }
    published.set(a.uri, diagnostics.length > 0);
    sendStatus(a.uri, a.version, a);
  }

  function sendStatus(uri: string, version: number | null, a: Analysis | null): void {
    if (!statusNotification) return;
    const c = a ? counts(a) : { error: 0, warning: 0, info: 0, hint: 0 };
    const params: StatusParams = {
      uri,
      version,
      isReport: !!a?.isReport,
      format: a?.result.report.format ?? 'unknown',
      year: a?.result.report.year ?? null,
      ...c,
    };
    void connection.sendNotification(STATUS_NOTIFICATION, params);
  }

  function cancel(uri: string): void {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
  }

  /** Checks a document's current version and publishes the result. */
  function validate(uri: string, settings: Settings): void {
    cancel(uri);
    const doc = documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return;
    if (isLarge(doc)) validateInBackground(doc, settings);
    else publish(analysisWith(doc, settings));
  }

  /** Checks a changed document: at once when checks are fast, else after a wait no longer than a check takes. */
  function schedule(uri: string): void {
    cancel(uri);
    const doc = documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return;
    const settings = settingsFor(uri);
    if (settings instanceof Promise) {
      // The first check of a document waits for its settings; later changes find them at once.
      void settings.then((s) => {
        const current = documents.get(uri);
        if (current && !timers.has(uri) && !cache.peek(uri, current.version)) validate(uri, s);
      });
      return;
    }
    const cost = cache.expectedCost(doc);
    // Wait only while edits come faster than a check takes (typing): then one check serves them all.
    // An edit after a pause is checked at once, however slow the check.
    const now = performance.now();
    const gap = now - (lastChange.get(uri) ?? -Infinity);
    lastChange.set(uri, now);
    const delay = cost < FAST_CHECK_MS || gap > cost ? 0 : Math.min(settings.debounceMs, Math.ceil(cost));
    if (delay <= 0) validate(uri, settings);
    else
      timers.set(
        uri,
        setTimeout(() => validate(uri, settings), delay),
      );
  }

  function recheckAll(): void {
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri);
  }

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    locale = localeOfInitialize(params);
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    statusNotification = opts.statusNotification === true;
    pullConfiguration = !!caps.workspace?.configuration;
    if (opts.settings !== undefined) globalSettings = readSettings(opts.settings);
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params.rootUri) folders = [params.rootUri];
    const literal = !!caps.textDocument?.codeAction?.codeActionLiteralSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'nianbao' },
        foldingRangeProvider: true,
        codeActionProvider: literal ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND] } : true,
        hoverProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    // Warm the checker up (the first check of a process runs cold): the first real edit is then fast.
    setTimeout(() => void check(reportTemplate(2023)), 0);
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    }
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.nianbaorc.json' }] });
    }
    if (caps.workspace?.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => f.uri));
          folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        });
      } catch {
        // the client sends no folder changes
      }
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsGeneration++;
    settingsByUri.clear();
    pendingSettings.clear();
    if (!pullConfiguration) {
      const s = (change.settings ?? {}) as { nianbao?: unknown };
      globalSettings = readSettings(s.nianbao ?? globalSettings);
    }
    recheckAll();
    if (caps.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  });

  connection.onDidChangeWatchedFiles(() => {
    configFiles.clear();
    shownConfigErrors.clear();
    recheckAll();
  });

  connection.onShutdown(() => {
    for (const uri of [...timers.keys()]) cancel(uri);
    for (const checker of background.values()) checker.dispose();
    background.clear();
  });

  // ------------------------------------------------------------------ documents

  documents.onDidChangeContent((e) => schedule(e.document.uri));

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    cancel(uri);
    cache.delete(uri);
    background.get(uri)?.dispose();
    background.delete(uri);
    backgroundVersion.delete(uri);
    lastChange.delete(uri);
    if (diskChecked.has(uri)) {
      // Checked with "check all reports": back to the file on disk.
      void checkFile(uri).then((a) => {
        if (!a?.isReport) connection.sendDiagnostics({ uri, diagnostics: [] });
      });
      sendStatus(uri, null, null);
      return;
    }
    if (published.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    published.delete(uri);
    settingsByUri.delete(uri);
    sendStatus(uri, null, null);
  });

  // ------------------------------------------------------------------ requests

  connection.onDocumentSymbol(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    return caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? documentSymbols(r.a, locale) : symbolInformation(r.a, locale);
  });

  connection.onFoldingRanges(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    return r ? foldingRanges(r.a) : null;
  });

  connection.onCodeAction(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    return r ? codeActions(r.a, params, locale, actionOptions()) : null;
  });

  connection.onHover(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    const formats = caps.textDocument?.hover?.contentFormat;
    const markdown = !formats || formats.includes('markdown');
    return hover(r.a, offsetOf(r.a, params.position), locale, markdown);
  });

  connection.languages.inlayHint.on(async (params) => {
    const r = await analysisOf(params.textDocument.uri);
    if (!r) return null;
    return inlayHints(r.a, offsetsOf(r.a, params.range), locale, r.settings.inlayHints.enabled);
  });

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.recomputeTotals:
      case COMMANDS.fixAll: {
        const uri = typeof args[0] === 'string' ? args[0] : (args[0] as { uri?: string } | undefined)?.uri;
        if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document uri');
        const r = await analysisOf(uri);
        if (!r) return { applied: false, edits: 0 };
        const opts = actionOptions();
        const action = params.command === COMMANDS.fixAll ? fixAllAction(r.a, locale, opts) : recomputeAction(r.a, locale, opts);
        if (!action?.edit) return { applied: false, edits: 0 };
        const edits = editCount(action.edit);
        const res = await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
        return { applied: res.applied, edits };
      }
      case COMMANDS.template: {
        const text = templateText(args[0], args[1]);
        if (text === null) throw new ResponseError(ErrorCodes.InvalidParams, t(T.noTemplateYear, locale));
        return text;
      }
      case COMMANDS.checkWorkspace:
        return checkWorkspace(args.filter((x): x is string => typeof x === 'string'));
      case COMMANDS.showRuleDoc: {
        const rule = typeof args[0] === 'string' ? args[0] : '';
        if (!ruleById(rule)) throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule: ${rule}`);
        const res = await connection.window.showDocument({ uri: ruleDocUrl(rule), external: true });
        return res.success;
      }
      default:
        throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command: ${params.command}`);
    }
  });

  // ------------------------------------------------------------------ reports on disk

  /** Checks a file from disk and publishes its diagnostics (no version: the file is not open). */
  async function checkFile(uri: string): Promise<Analysis | null> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return null;
    }
    const text = readText(path);
    if (text === null) return null;
    const settings = await settingsFor(uri);
    const doc = { uri, version: 0, languageId: languageOfPath(path), getText: () => text };
    const a = analyse(doc, configFor(settings, fileConfig(uri)));
    if (documents.get(uri)) return a; // opened meanwhile: the open document speaks
    if (a.isReport) {
      connection.sendDiagnostics({
        uri,
        diagnostics: toDiagnostics(a, locale, { relatedInformation: !!caps.textDocument?.publishDiagnostics?.relatedInformation }),
      });
      published.set(uri, a.result.findings.length > 0);
      diskChecked.add(uri);
    }
    return a;
  }

  async function checkWorkspace(roots: string[]): Promise<WorkspaceSummary> {
    const dirs = (roots.length ? roots : folders).flatMap((u) => {
      try {
        return [fileURLToPath(u)];
      } catch {
        return [];
      }
    });
    const summary: WorkspaceSummary = { files: 0, reports: 0, error: 0, warning: 0, info: 0, hint: 0 };
    for (const path of workspaceReportFiles(dirs)) {
      const uri = pathToFileURL(path).href;
      const open = [...documents.all()].find((d) => d.uri === uri || sameFile(d.uri, path));
      summary.files++;
      let a: Analysis | null;
      if (open) a = (await analysisOf(open.uri))?.a ?? null;
      else a = await checkFile(uri);
      if (!a?.isReport) continue;
      summary.reports++;
      const c = counts(a);
      summary.error += c.error;
      summary.warning += c.warning;
      summary.info += c.info;
      summary.hint += c.hint;
    }
    return summary;
  }

  function sameFile(uri: string, path: string): boolean {
    try {
      return uri.startsWith('file:') && fileURLToPath(uri) === path;
    } catch {
      return false;
    }
  }

  documents.listen(connection);
  connection.listen();
}
