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
/**
 * A check expected to take longer than this runs on a worker thread, so the server keeps answering
 * meanwhile; a shorter one runs at once on the main thread, which is faster to diagnostics (the
 * result of a 1 MB check costs 16–45 ms to copy back from a worker). What a check costs depends on
 * the text's tables and runs of digits more than on its length, so the expectation is the
 * document's own last check scaled to its length (see `expectedCost`).
 */
export const WORKER_FROM_MS = 100;
/** Idle worker threads kept for the documents checked on them most recently (see `keepIdleWorkers`). */
export const MAX_IDLE_WORKERS = 1;
/** Before any check has been timed: a text this long is checked on a worker thread. */
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
  /** Each document's background checker, the most recently used last. */
  private readonly background = new Map<string, BackgroundChecker>();
  /** The version each background check is for. */
  private readonly backgroundVersion = new Map<string, number>();
  /** Each document's last checks (at most 3): ms per character, on either thread, without the copies. */
  private readonly lastCost = new Map<string, number[]>();
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
    this.lastCost.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
    for (const checker of this.background.values()) checker.dispose();
    this.background.clear();
  }

  /**
   * What checking the document as it is now is expected to cost, in ms: the cheapest of its last
   * three checks per character, scaled to its length (one check slowed by a busy machine or a
   * garbage collection does not send a small document to a worker thread, which costs ~10 MB); for
   * a document not checked yet, the recent checks' cost per character; before any check, by length
   * alone (over LARGE_DOCUMENT characters: a worker's).
   */
  expectedCost(doc: TextDocument): number {
    const length = doc.getText().length;
    const rates = this.lastCost.get(doc.uri);
    if (rates) return Math.min(...rates) * Math.max(1, length);
    const rate = this.deps.cache.expectedCost(doc);
    if (rate > 0) return rate;
    return length > LARGE_DOCUMENT ? Number.POSITIVE_INFINITY : 0;
  }

  /** Whether the document is checked on a worker thread (only when running bundled: a worker runs the bundle). */
  private isLarge(doc: TextDocument): boolean {
    return this.workerScript.endsWith('.js') && this.expectedCost(doc) > WORKER_FROM_MS;
  }

  private timed(a: Analysis): Analysis {
    this.record(a.uri, a.text.length, a.cost);
    return a;
  }

  private record(uri: string, length: number, ms: number): void {
    const rates = this.lastCost.get(uri) ?? [];
    rates.push(ms / Math.max(1, length));
    if (rates.length > 3) rates.shift();
    this.lastCost.set(uri, rates);
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
    else this.deps.publish(this.timed(this.analysisWith(doc, settings)));
  }

  /**
   * A worker that has checked a document stays for its next check (starting one costs more than a
   * check of 1 MB); only the most recently used documents' stay: each idle worker holds 10 MB or
   * more, and a few slow checks among fifty open reports would otherwise keep fifty threads.
   */
  private keepIdleWorkers(): void {
    let idle = 0;
    for (const checker of [...this.background.values()].reverse()) if (checker.idle && ++idle > MAX_IDLE_WORKERS) checker.release();
  }

  /** Checks a large document on a worker thread and publishes when done, unless a newer version came. */
  private validateInBackground(doc: TextDocument, settings: Settings): void {
    const uri = doc.uri;
    const version = doc.version;
    if (this.backgroundVersion.get(uri) === version) return;
    const config = this.deps.settings.configFor(uri, settings);
    const checker = this.background.get(uri) ?? new BackgroundChecker(this.workerScript);
    this.background.delete(uri);
    this.background.set(uri, checker);
    this.backgroundVersion.set(uri, version);
    const text = doc.getText();
    const t0 = performance.now();
    // Last year's report as found for the last check (the title seldom changes while typing).
    const last = this.deps.cache.peek(uri);
    const found = last ? this.deps.cache.previous?.lookup(uri, last.result.report, config) : undefined;
    checker.check(text, config, found?.crossyear).then(
      ({ result, ms }) => {
        this.backgroundVersion.delete(uri);
        this.keepIdleWorkers();
        this.record(uri, text.length, ms);
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
