/** Checking one file, with its findings made plain data (positions computed), so a worker can send it. */
import {
  applyFixes,
  check,
  type CrossYear,
  defaultConfig,
  LineMap,
  looksLikeReport,
  preferredFixes,
  type CheckResult,
  type Config,
  type Finding,
  type Locale,
  type Msg,
} from '../core';
import type { ConfigLookup } from '../host/config';
import { writeAtomic } from '../host/files';
import { readReport, type SourceMap } from '../host/read';
import type { SourceLocation } from '../readers';
import { explainPictures } from '../host/pictures';
import { displayPath, type Rendered, type Writer } from './output';
import { markedTables, type MarkedTable } from './marked';
import { fingerprints } from './fingerprint';

export interface OutFix {
  range: [number, number];
  text: string;
  title: Msg;
}

/** Where a finding or a related place is in the report text: 1-based lines and columns, and its offsets. */
export interface OutSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: [number, number];
}

export interface OutFinding extends OutSpan {
  code: string;
  severity: Finding['severity'];
  message: Msg;
  fix?: OutFix;
  suggestions?: OutFix[];
  /** Where in the document the finding is (a .docx or web page): a table cell, or an element. */
  source?: SourceLocation;
  /** Other places that explain it: in this file, or in another (`file` set: last year's report). */
  related?: OutRelated[];
  /** The same for the same finding when lines are inserted above it (SARIF partialFingerprints). */
  fingerprint?: string;
}

export interface OutRelated extends OutSpan {
  /** Another file's path as the output shows it; absent for a place in this file. */
  file?: string;
  message: Msg;
}

export interface Outcome {
  index: number;
  file: string;
  display: string;
  bytes: number;
  /** Set when the file could not be read or is not a report. */
  error?: string;
  /** A config problem stops the whole run. */
  fatal?: string;
  format?: string;
  year?: number | null;
  /** The encoding the file was decoded from ("utf-8", "gb18030"…). */
  encoding?: string;
  /** Set when --fix was asked for a file nianbao does not write back (a .docx, a web page, text not in UTF-8). */
  notFixed?: boolean;
  /** A file --fix never writes (a .docx, a web page, text not in UTF-8): its findings are not marked fixable in text output. */
  readOnly?: boolean;
  /** How many tables were read, and how many of them so unsurely that no sum was checked. */
  tables?: number;
  tablesNotChecked?: number;
  findings?: OutFinding[];
  fixed?: number;
  /** The tables marked with the findings, for the HTML report (only when asked, and only for a report with errors). */
  marked?: MarkedTable[];
}

/** Findings per rule: [error, warning, info, hint]. */
export type Tally = Record<string, [number, number, number, number]>;

/** A checked file as the thread that writes the output needs it: rendered, and counted for the summary. */
export interface Result
  extends Pick<
    Outcome,
    'index' | 'file' | 'display' | 'bytes' | 'error' | 'fatal' | 'fixed' | 'tables' | 'tablesNotChecked' | 'encoding' | 'notFixed' | 'format' | 'year'
  > {
  rendered?: Rendered;
  tally?: Tally;
}

const SEVERITY_SLOT = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/** Renders an outcome's findings for the output (on the thread that checked it) and counts them. */
export function finish(o: Outcome, writer: Writer): Result {
  const r: Result = { index: o.index, file: o.file, display: o.display, bytes: o.bytes };
  if (o.error !== undefined) r.error = o.error;
  if (o.fatal !== undefined) r.fatal = o.fatal;
  if (o.fixed !== undefined) r.fixed = o.fixed;
  if (o.tables !== undefined) r.tables = o.tables;
  if (o.tablesNotChecked !== undefined) r.tablesNotChecked = o.tablesNotChecked;
  if (o.encoding !== undefined) r.encoding = o.encoding;
  if (o.notFixed) r.notFixed = true;
  if (o.format !== undefined) r.format = o.format;
  if (o.year !== undefined) r.year = o.year;
  if (!o.findings) return r;
  const tally: Tally = {};
  for (const f of o.findings) (tally[f.code] ??= [0, 0, 0, 0])[SEVERITY_SLOT[f.severity]]++;
  r.tally = tally;
  r.rendered = writer.render(o);
  return r;
}

/** The span of [start, end) positions (0-based) over `range`. */
function span(s: { line: number; character: number }, e: { line: number; character: number }, range: [number, number]): OutSpan {
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, offset: range };
}

function plain(f: Finding, lm: LineMap, map: SourceMap | undefined): OutFinding {
  const source = map?.locate(f.range[0]);
  const fix = (x: NonNullable<Finding['fix']>): OutFix => ({ range: x.range, text: x.text, title: x.title });
  return {
    code: f.rule,
    severity: f.severity,
    message: f.message,
    ...span(lm.positionAt(f.range[0]), lm.positionAt(f.range[1]), f.range),
    ...(f.fix ? { fix: fix(f.fix) } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map(fix) } : {}),
    ...(source ? { source } : {}),
    ...(f.related?.length ? { related: f.related.map((r) => relatedPlace(r, lm)) } : {}),
  };
}

function relatedPlace(r: NonNullable<Finding['related']>[number], lm: LineMap): OutRelated {
  return {
    ...(r.file ? { file: displayPath(r.file) } : {}),
    message: r.message,
    ...span(r.start ?? lm.positionAt(r.range[0]), r.end ?? lm.positionAt(r.range[1]), r.range),
  };
}

function withFingerprints(findings: OutFinding[], prints: string[]): OutFinding[] {
  findings.forEach((f, k) => {
    f.fingerprint = prints[k]!;
  });
  return findings;
}

/** Where each file's config comes from: the file named with `--config`, else the nearest `.nianbaorc.json` above it, else the defaults. */
export interface Configs {
  explicit: Config | null;
  lookup: ConfigLookup;
}

/** A report file read and checked, or why it could not be: unreadable or not a report (`error`), or a malformed config (`fatal`). */
export type Checked =
  | { error: string; fatal?: undefined; bytes: number }
  | { fatal: string; error?: undefined; bytes: number }
  | {
      error?: undefined;
      fatal?: undefined;
      bytes: number;
      text: string;
      config: Config;
      result: CheckResult;
      /** How the file was read: its type, encoding and map back to the source. */
      read: ReadInfo;
    };

export interface ReadInfo {
  kind: 'text' | 'docx' | 'html' | 'pdf' | 'doc';
  encoding: string;
  sourceMap?: SourceMap;
}

/** Reads a file and checks it with the config that applies to it (shared by `check` and `show`). */
export function readAndCheck(file: string, configs: Configs, crossyear?: CrossYear): Checked {
  const read = readReport(file);
  if ('error' in read) return { error: read.error, bytes: 0 };
  const found = configs.explicit ? { config: configs.explicit, error: null } : configs.lookup.forFile(file);
  // A malformed config file stops the run: its reports would be checked with rules they turn off.
  if (found.error !== null) return { fatal: found.error, bytes: read.bytes };
  const config = found.config ?? defaultConfig();
  const result = check(read.text, crossyear ? { config, crossyear } : { config });
  // A table drawn as a picture is not missing: it cannot be read (see host/pictures.ts).
  result.findings = explainPictures(result.findings, result.report, read.pictures);
  if (!looksLikeReport(result.report)) {
    return {
      bytes: read.bytes,
      error: '不像政府信息公开工作年度报告：没有找到标题、章节标题或统计表 / does not look like an annual report (no title, section headings or tables)',
    };
  }
  const info: ReadInfo = { kind: read.kind, encoding: read.encoding };
  if (read.sourceMap) info.sourceMap = read.sourceMap;
  return { bytes: read.bytes, text: read.text, config, result, read: info };
}

/** Tables read, and those read so unsurely that their sums were not checked (one `table.unreadable` each). */
export function tableCounts(result: CheckResult): { tables: number; tablesNotChecked: number } {
  const tables = result.report.tables;
  return { tables: tables.length, tablesNotChecked: tables.filter((t) => t.confidence === 'uncertain').length };
}

/**
 * `markIn`: the locale to mark a report's tables in for the HTML report (when it has errors); none
 * otherwise. `fingerprinted`: each finding gets its SARIF fingerprint (a hash each: only SARIF shows them).
 */
export function checkOne(index: number, file: string, configs: Configs, doFix: boolean, crossyear?: CrossYear, markIn?: Locale, fingerprinted = true): Outcome {
  const base = { index, file, display: displayPath(file), bytes: 0 };
  const read = readAndCheck(file, configs, crossyear);
  if (read.error !== undefined) return { ...base, bytes: read.bytes, error: read.error };
  if (read.fatal !== undefined) return { ...base, bytes: read.bytes, fatal: read.fatal };
  const { config } = read;
  let { text, result } = read;
  let fixed = 0;
  // Only UTF-8 text is written back: a .docx or a web page is not its text, and other encodings would change.
  const writable = read.read.kind === 'text' && read.read.encoding === 'utf-8';
  if (doFix && writable) {
    // Fixes can make further fixes possible (a filled blank lets a total be checked): a few passes.
    for (let pass = 0; pass < 4; pass++) {
      const fixes = preferredFixes(result.findings);
      if (!fixes.length) break;
      const applied = applyFixes(text, fixes);
      if (applied.text === text) break;
      fixed += new Set(applied.applied.map((f) => `${f.range}:${f.text}`)).size;
      text = applied.text;
      result = check(text, crossyear ? { config, crossyear } : { config });
    }
    if (text !== read.text) writeAtomic(file, text);
  }
  const lm = new LineMap(text);
  return {
    ...base,
    bytes: read.bytes,
    format: result.report.format,
    year: result.report.year,
    encoding: read.read.encoding,
    ...(doFix && !writable ? { notFixed: true } : {}),
    ...(writable ? {} : { readOnly: true }),
    ...tableCounts(result),
    findings: fingerprinted
      ? withFingerprints(
          result.findings.map((f) => plain(f, lm, read.read.sourceMap)),
          fingerprints(result.findings, result.report, displayPath(file)),
        )
      : result.findings.map((f) => plain(f, lm, read.read.sourceMap)),
    fixed,
    ...(markIn && result.findings.some((f) => f.severity === 'error') ? { marked: markedTables(result, markIn) } : {}),
  };
}
