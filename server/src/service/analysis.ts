/**
 * One check per document version: the report model, its arithmetic and its findings, shared by
 * every feature (diagnostics, outline, folding, hover, inlay hints, code actions). Offsets stay
 * offsets here; each analysis keeps an immutable snapshot of its text to convert them to positions.
 */
import { performance } from 'node:perf_hooks';
import { type CheckResult, type Config, type CrossYear, checkReport, looksLikeReport, parse, type Report } from '../core';
import { LineMap } from '../core/position';
import { configKey } from './settings';

/** The languages the server looks at: `nianbao` always; plain text (VS Code's `plaintext`, Neovim's and Emacs's `text`) and Markdown when they look like a report. */
export const LANGUAGES = ['nianbao', 'plaintext', 'text', 'markdown'] as const;

/** Plain text or Markdown larger than this is not looked at (a log file is not a report). */
export const MAX_GUESS_LENGTH = 2_000_000;

export interface Analysis {
  uri: string;
  version: number;
  languageId: string;
  /** Positions in the text of this version (offsets are converted with it). Never changes. */
  doc: LineMap;
  text: string;
  result: CheckResult;
  /** Whether the document is a report to check: language `nianbao`, or plain text / Markdown that looks like one. */
  isReport: boolean;
  config: Config;
  /** How long parsing and checking took, in milliseconds. */
  cost: number;
  /** Last year's report (or the gap before this one) the rules across years were given. */
  crossyear?: CrossYear;
  /** A key of `crossyear` (changes when it does): absent or '' when no lookup was made. */
  crossKey?: string;
}

/** Finds last year's report for a report (service/previous.ts). */
export interface PreviousFinder {
  /** Bumped when an answer may have changed. */
  readonly generation: number;
  lookup(uri: string, report: Report, config: Config): { crossyear?: CrossYear; key: string };
}

export interface DocLike {
  uri: string;
  version: number;
  languageId: string;
  getText(): string;
}

/** Whether the server looks at a language at all. */
export function handlesLanguage(languageId: string): boolean {
  return (LANGUAGES as readonly string[]).includes(languageId);
}

/** Whether a document is not looked at by size alone (plain text this long is a log, not a report). */
function tooLargeToGuess(doc: DocLike, text: string): boolean {
  return doc.languageId !== 'nianbao' && text.length > MAX_GUESS_LENGTH;
}

/** Checks a document (no cache), with last year's report when a finder is given. */
export function analyse(doc: DocLike, config: Config, previous?: PreviousFinder): Analysis {
  const text = doc.getText();
  const t0 = performance.now();
  const report = parse(tooLargeToGuess(doc, text) ? '' : text, { format: config.format ?? 'auto' });
  const found = previous?.lookup(doc.uri, report, config);
  const result = checkReport(report, found?.crossyear ? { config, crossyear: found.crossyear } : { config });
  return finishAnalysis(doc, text, config, result, performance.now() - t0, found);
}

/** An analysis from a check made elsewhere (a worker thread, for a large document). */
export function finishAnalysis(
  doc: DocLike,
  text: string,
  config: Config,
  result: CheckResult,
  cost: number,
  found?: { crossyear?: CrossYear; key: string },
): Analysis {
  const isReport = !tooLargeToGuess(doc, text) && (doc.languageId === 'nianbao' || (handlesLanguage(doc.languageId) && looksLikeReport(result.report)));
  return {
    uri: doc.uri,
    version: doc.version,
    languageId: doc.languageId,
    doc: new LineMap(text),
    text,
    result,
    isReport,
    config,
    cost,
    ...(found?.crossyear ? { crossyear: found.crossyear } : {}),
    crossKey: found?.key ?? '',
  };
}

/**
 * What a check costs, for the debounce: milliseconds per 1,000 characters over the recent checks
 * (their lower median, so that a cold start or a pause for garbage collection does not count).
 */
export class CostModel {
  private rates: number[] = [];
  constructor(private readonly keep = 15) {}

  record(length: number, ms: number): void {
    this.rates.push(ms / Math.max(1, length / 1000));
    if (this.rates.length > this.keep) this.rates.shift();
  }

  /** The expected cost of checking a text of this length, in milliseconds (0 before any check). */
  estimate(length: number): number {
    if (!this.rates.length) return 0;
    const sorted = [...this.rates].sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1]! * Math.max(1, length / 1000);
  }
}

/** How many documents keep their analysis in memory; the others are checked again when asked about. */
export const MAX_ANALYSES = 12;

/** The latest analysis of each document, by uri + version + config. */
export class AnalysisCache {
  /** In order of use, the most recent last: only the last `limit` are kept (a check is cheap to redo). */
  private entries = new Map<string, { analysis: Analysis; key: string; generation: number }>();
  readonly costs = new CostModel();
  /** Adjusts a fresh analysis before it is kept (a report view's findings as its original's: features/importView.ts). */
  refine: ((a: Analysis) => void) | null = null;
  constructor(
    private readonly limit = MAX_ANALYSES,
    /** Last year's report for each document checked; none in tests of one document. */
    readonly previous?: PreviousFinder,
  ) {}

  get(doc: DocLike, config: Config): Analysis {
    const hit = this.hit(doc, config);
    if (hit) {
      this.entries.delete(doc.uri);
      this.entries.set(doc.uri, hit);
      return hit.analysis;
    }
    const analysis = analyse(doc, config, this.previous);
    this.refine?.(analysis);
    this.put(analysis, configKey(config));
    this.costs.record(analysis.text.length, analysis.cost);
    return analysis;
  }

  /** Whether a cached analysis was given what last year's report is now (asked again only after a change somewhere). */
  private current(hit: { analysis: Analysis; generation: number }, config: Config): boolean {
    const previous = this.previous;
    if (!previous || hit.generation === previous.generation) return true;
    if (previous.lookup(hit.analysis.uri, hit.analysis.result.report, config).key !== (hit.analysis.crossKey ?? '')) return false;
    hit.generation = previous.generation;
    return true;
  }

  /** Stores an analysis made elsewhere (a background check). */
  store(analysis: Analysis): void {
    this.refine?.(analysis);
    this.put(analysis, configKey(analysis.config));
    this.costs.record(analysis.text.length, analysis.cost);
  }

  private put(analysis: Analysis, key: string): void {
    this.entries.delete(analysis.uri);
    this.entries.set(analysis.uri, { analysis, key, generation: this.previous?.generation ?? 0 });
    // Memory stays flat with many documents open: the least recently used analysis goes.
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Whether the cache holds exactly this version under this config. */
  has(doc: DocLike, config: Config): boolean {
    return !!this.hit(doc, config);
  }

  /** The cached entry of exactly this version, language and config, given what last year's report is now. */
  private hit(doc: DocLike, config: Config): { analysis: Analysis; key: string; generation: number } | undefined {
    const hit = this.entries.get(doc.uri);
    const fresh =
      !!hit && hit.analysis.version === doc.version && hit.key === configKey(config) && hit.analysis.languageId === doc.languageId && this.current(hit, config);
    return fresh ? hit : undefined;
  }

  /** The cached analysis of exactly this version, if any (whatever the config). */
  peek(uri: string, version?: number): Analysis | undefined {
    const hit = this.entries.get(uri)?.analysis;
    return hit && (version === undefined || hit.version === version) ? hit : undefined;
  }

  /** The expected cost of checking a document as it is now. */
  expectedCost(doc: DocLike): number {
    return this.costs.estimate(doc.getText().length);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
