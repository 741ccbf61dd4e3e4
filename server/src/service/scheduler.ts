/**
 * When documents are checked. A change is checked at once when checking the document is fast (a
 * 10 KB report takes well under a millisecond) or when it comes after a pause; only while edits
 * come faster than a slow check does the scheduler wait, never longer than a check takes nor longer
 * than `nianbao.debounceMs`, and a newer version cancels the wait. Large documents are checked on a
 * worker thread (worker.ts), a newer version cancelling the older check. Requests read the same
 * cached analysis of the current version.
 */
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, type AnalysisCache, finishAnalysis, handlesLanguage } from './analysis';
import type { Settings } from './settings';
import type { SettingsStore } from './settingsStore';
import { BackgroundChecker, Cancelled } from './worker';

/** A check slower than this is debounced (by at most its own duration and `debounceMs`). */
export const FAST_CHECK_MS = 4;
/** A text this long is checked on a worker thread, so the server keeps answering while it is checked. */
export const LARGE_DOCUMENT = 400_000;

export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

export interface SchedulerDeps {
  documents: OpenDocuments;
  cache: AnalysisCache;
  settings: SettingsStore;
  /** A check's result, for the current version. */
  publish(a: Analysis): void;
  error(message: string): void;
  /** The script a worker thread runs (the bundled server; none when run from sources). */
  workerScript?: string;
}

export class CheckScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** When each document last changed, to tell typing from an edit after a pause. */
  private readonly lastChange = new Map<string, number>();
  private readonly background = new Map<string, BackgroundChecker>();
  /** The version each background check is for. */
  private readonly backgroundVersion = new Map<string, number>();
  private readonly workerScript: string;

  constructor(private readonly deps: SchedulerDeps) {
    this.workerScript = deps.workerScript ?? (typeof __filename === 'string' ? __filename : '');
  }

  /** The analysis of a document's current version under these settings (checked now when not cached). */
  analysisWith(doc: TextDocument, settings: Settings): Analysis {
    return this.deps.cache.get(doc, this.deps.settings.configFor(doc.uri, settings));
  }

  /** The analysis of a document's current version, for requests. */
  async analysisOf(uri: string): Promise<{ a: Analysis; settings: Settings } | null> {
    const { documents, cache } = this.deps;
    const doc = documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return null;
    const settings = await this.deps.settings.settingsFor(uri);
    const current = documents.get(uri);
    if (!current) return null;
    if (this.isLarge(current) && !cache.has(current, this.deps.settings.configFor(uri, settings))) {
      // A large document is being checked in the background: answer from its last check meanwhile.
      this.validateInBackground(current, settings);
      const last = cache.peek(uri);
      return last ? { a: last, settings } : null;
    }
    return { a: this.analysisWith(current, settings), settings };
  }

  /** Checks a changed document: at once when checks are fast, else after a wait no longer than a check takes. */
  schedule(uri: string): void {
    this.cancel(uri);
    const doc = this.deps.documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return;
    const settings = this.deps.settings.settingsFor(uri);
    if (settings instanceof Promise) {
      // The first check of a document waits for its settings; later changes find them at once.
      void settings.then((s) => {
        const current = this.deps.documents.get(uri);
        if (current && !this.timers.has(uri) && !this.deps.cache.peek(uri, current.version)) this.validate(uri, s);
      });
      return;
    }
    const cost = this.deps.cache.expectedCost(doc);
    // Wait only while edits come faster than a check takes (typing): then one check serves them all.
    // An edit after a pause is checked at once, however slow the check.
    const now = performance.now();
    const gap = now - (this.lastChange.get(uri) ?? -Infinity);
    this.lastChange.set(uri, now);
    const delay = cost < FAST_CHECK_MS || gap > cost ? 0 : Math.min(settings.debounceMs, Math.ceil(cost));
    if (delay <= 0) this.validate(uri, settings);
    else
      this.timers.set(
        uri,
        setTimeout(() => this.validate(uri, settings), delay),
      );
  }

  /** Settings or config files changed: every open document is checked again. */
  recheckAll(): void {
    this.deps.cache.clear();
    for (const doc of this.deps.documents.all()) this.schedule(doc.uri);
  }

  /** A document closed: its wait, its cached analysis and its background check go. */
  closed(uri: string): void {
    this.cancel(uri);
    this.deps.cache.delete(uri);
    this.background.get(uri)?.dispose();
    this.background.delete(uri);
    this.backgroundVersion.delete(uri);
    this.lastChange.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    for (const checker of this.background.values()) checker.dispose();
    this.background.clear();
  }

  private isLarge(doc: TextDocument): boolean {
    return doc.getText().length > LARGE_DOCUMENT && this.workerScript.endsWith('.js');
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Checks a document's current version and publishes the result. */
  private validate(uri: string, settings: Settings): void {
    this.cancel(uri);
    const doc = this.deps.documents.get(uri);
    if (!doc || !handlesLanguage(doc.languageId)) return;
    if (this.isLarge(doc)) this.validateInBackground(doc, settings);
    else this.deps.publish(this.analysisWith(doc, settings));
  }

  /** Checks a large document on a worker thread and publishes when done, unless a newer version came. */
  private validateInBackground(doc: TextDocument, settings: Settings): void {
    const uri = doc.uri;
    const version = doc.version;
    if (this.backgroundVersion.get(uri) === version) return;
    const config = this.deps.settings.configFor(uri, settings);
    let checker = this.background.get(uri);
    if (!checker) this.background.set(uri, (checker = new BackgroundChecker(this.workerScript)));
    this.backgroundVersion.set(uri, version);
    const text = doc.getText();
    const t0 = performance.now();
    // Last year's report as found for the last check (the title seldom changes while typing).
    const last = this.deps.cache.peek(uri);
    const found = last ? this.deps.cache.previous?.lookup(uri, last.result.report, config) : undefined;
    checker.check(text, config, found?.crossyear).then(
      (result) => {
        this.backgroundVersion.delete(uri);
        const current = this.deps.documents.get(uri);
        if (!current || current.version !== version) return;
        const a = finishAnalysis(doc, text, config, result, performance.now() - t0, found);
        this.deps.cache.store(a);
        this.deps.publish(a);
      },
      (e: Error) => {
        if (this.backgroundVersion.get(uri) === version) this.backgroundVersion.delete(uri);
        if (!(e instanceof Cancelled)) this.deps.error(`nianbao: ${e.message}`);
      },
    );
  }
}
