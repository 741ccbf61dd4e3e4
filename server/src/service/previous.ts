/**
 * Last year's report for an open report, found as the CLI's index pass finds it (cli/index-pass.ts):
 * the reports around it are read through the same readers, kept as their compact extracts, and
 * paired by body and year (or by the config's `pairs`) with `pairReports`; the rule context gets
 * what the CLI would give it over the same folder.
 *
 * Where: the report's folder and its subfolders (a folder named after a year, "2022" or "2022年",
 * stands for its parent: reports filed by year), and the ends of the config's `pairs` naming it.
 * When: lazily, when a report is checked; an extract is read once per file version and kept. An
 * open document's text wins over its file on disk. How much: at most `filesPerFolder` files
 * listed, files over `bytesPerFile` passed over, at most `bytesPerLookup` read for the first time
 * in one lookup (the rest on the next), at most `extracts` extracts kept.
 *
 * What changes: an open report whose extract changes, a report file created, changed or deleted
 * (workspace/didChangeWatchedFiles), a report closed (its file speaks again). Each bumps a
 * generation; the reports that looked where the change is (`dependents`) are checked again.
 */
import { type Dirent, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bodyFromTitle,
  type Config,
  headExtract,
  type CrossYear,
  type Extract,
  type Indexed,
  looksLikeReport,
  pairReports,
  parse,
  type Report,
  sameBody,
} from '../core';
import { thisYear } from '../core/rules/crossyear-util';
import { NOTES_BESIDE_REPORTS, REPORT_EXTENSIONS } from '../host/files';
import { readReport } from '../host/read';

export interface PreviousLimits {
  /** Report files listed under one folder (its own files first, then its subfolders', breadth first). */
  filesPerFolder: number;
  /** Folders listed under one folder, itself included (a report saved in a home folder does not walk the disk). */
  foldersPerFolder: number;
  /** A larger file is not read (a report is tens of KB; a PDF a few MB). */
  bytesPerFile: number;
  /** Bytes read for the first time in one lookup; the files left are read by the next lookup. */
  bytesPerLookup: number;
  /** Extracts kept (about 6 KB each). */
  extracts: number;
}

export const PREVIOUS_LIMITS: PreviousLimits = {
  filesPerFolder: 200,
  foldersPerFolder: 100,
  bytesPerFile: 16 * 1024 * 1024,
  bytesPerLookup: 64 * 1024 * 1024,
  extracts: 2000,
};

/** What a report is checked against, and a key that changes when it does. */
export interface PreviousLookup {
  crossyear?: CrossYear;
  key: string;
}

/** A folder named after a year: its reports' other years are beside it, in the parent. */
const YEAR_FOLDER = /^(?:19|20)\d{2}(?:年度?)?$/u;

/** The file path of a `file:` uri, or null. */
export function pathOfUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The folder whose tree is looked in for a report's other years. */
export function lookupRoot(file: string): string {
  const dir = dirname(file);
  return YEAR_FOLDER.test(basename(dir)) ? dirname(dir) : dir;
}

function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((x) => lower.endsWith(x)) && !NOTES_BESIDE_REPORTS.test(name);
}

/** Report files under a folder, its own first, then its subfolders' (breadth first): at most `limit` files from at most `folders` folders. */
export function listReports(root: string, limit: number, folders: number): string[] {
  const out: string[] = [];
  const queue = [root];
  for (let seen = 0; queue.length && out.length < limit && seen < folders; seen++) {
    const dir = queue.shift()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) queue.push(join(dir, e.name));
      else if (e.isFile() && isReportFile(e.name) && out.length < limit) out.push(join(dir, e.name));
    }
  }
  return out;
}

/** Whether a path is a file on disk (a document whose file is gone, or never was, looks nowhere). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a file's name says it cannot be last year's report nor the one before a gap: it names
 * another body ("青禾县市场监督管理局2022年…") or a year not before this one. Only reading and
 * parsing are saved (a few milliseconds a report, a tenth of a second or more a PDF); a file whose
 * name says neither is read.
 */
function ruledOutByName(path: string, self: Extract): boolean {
  if (!self.body || self.year === null) return false;
  const name = basename(path).replace(/\.[^.]+$/u, '');
  const year = /(?:19|20)\d{2}/u.exec(name);
  if (year && Number(year[0]) >= self.year) return true;
  const body = bodyFromTitle(name);
  return !!body && !sameBody(body, self.body);
}

/** The same for an open report, by what its title says (none: it is no report). */
function ruledOutByHead(head: Head | null, self: Extract): boolean {
  if (!head) return true;
  if (!self.body || self.year === null || !head.body || head.year === null) return false;
  return head.year >= self.year || !sameBody(head.body, self.body);
}

/**
 * Whether two pieces of plain data (an extract: objects, arrays, strings, numbers, booleans, null)
 * are equal, as their JSON would be, without writing the JSON (a 1 MB report's extract at each edit).
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** A report's body and year as its title and period give them: what pairing reports by name needs. */
type Head = Pick<Extract, 'body' | 'year'>;

/**
 * The head of a report's text (see `headExtract`), or null for a text that is not a report. A
 * report's own lookup pairs it with this alone: its cells, sentences and tables decide nothing
 * about its own last year (they tell duplicates of its year apart, which matters to the next
 * year's report), and making them costs a 1 MB report ~10 ms an edit.
 */
function headOf(report: Report): Extract | null {
  return looksLikeReport(report) ? headExtract(report) : null;
}

/** The extract of a report's text, or null for a text that is not a report (made once per version: `thisYear` keeps it). */
function extractOf(report: Report): Extract | null {
  return looksLikeReport(report) ? thisYear(report) : null;
}

/**
 * What changed of an open report, for whom it matters: its body before and after (null: none), or
 * null for every report that looks in its folder (a client that tells of no file changes: a report
 * opened is when the files on disk are looked at again).
 */
export interface Change {
  bodies: (string | null)[] | null;
}

interface Stored {
  /** The file's modification time and size when read. */
  stamp: string;
  extract: Extract | null;
}

interface Looked {
  /** generation | body | year | pairs: the same for the same answer. */
  key: string;
  /** The report's body as its title names it (null: none). */
  body: string | null;
  result: PreviousLookup;
  root: string;
  /** Files paired by hand with this report. */
  paired: string[];
}

export class PreviousReports {
  /** Each file's extract as read from disk, by path (in order of use). */
  private readonly disk = new Map<string, Stored>();
  /**
   * Each open report's head and extract of its current text, by path. The extract is made when a
   * report of the same body looks at it (`extract` undefined until then: most edits change what no
   * other open report reads).
   */
  private readonly open = new Map<string, { uri: string; head: Head | null; extract?: Extract | null }>();
  /** An open document's report as it now reads (parsed with the config given), for an extract made late. */
  reportOf: (uri: string, config: Config) => Report | null = () => null;
  /** Report files under each folder looked in. */
  private readonly listings = new Map<string, string[]>();
  /** Each open report's last lookup, by uri. */
  private readonly looked = new Map<string, Looked>();
  /** Bumped by every change that may change a lookup's answer. */
  generation = 0;
  /** Whether the client tells of file changes (else files are checked by their stamps at each new lookup). */
  watching = false;
  /** Files read from disk and bytes read, over the server's life (the cap's test reads them). */
  readonly stats = { filesRead: 0, bytesRead: 0 };

  constructor(private readonly limits: PreviousLimits = PREVIOUS_LIMITS) {}

  /**
   * Last year's report for a report (`uri` a file), as the CLI would pair it over its folder.
   * `remember`: kept for `dependents` and the next lookup (an open report); not for a file checked
   * from disk by "check all reports", which nothing re-checks.
   */
  lookup(uri: string, report: Report, config: Config, remember = true): PreviousLookup {
    const file = pathOfUri(uri);
    if (!file) return { key: '' };
    const self = headOf(report);
    if (!self) return { key: 'none' };
    const paired = (config.pairs ?? []).filter(([, self]) => self === file).map(([last]) => last);
    const key = `${this.generation}|${self.body}|${self.year}|${paired.join('\n')}`;
    const before = this.looked.get(uri);
    if (before && before.key === key) return before.result;
    if ((!paired.length && (!self.body || self.year === null)) || !isFile(file))
      return remember ? this.remember(uri, { key, body: self.body, result: { key: 'none' }, root: lookupRoot(file), paired }) : { key: 'none' };
    const root = lookupRoot(file);
    const candidates = new Set([...this.listing(root), ...paired]);
    for (const [path, o] of this.open) if (o.head && path.startsWith(root + sep)) candidates.add(path);
    candidates.delete(file);
    for (const path of candidates) {
      if (paired.includes(path)) continue;
      const o = this.open.get(path);
      // An open report by what its title says (another body, or a year not before this one); a file by its name.
      if (o ? ruledOutByHead(o.head, self) : ruledOutByName(path, self)) candidates.delete(path);
    }
    const indexed: Indexed[] = [{ file, extract: self }];
    const budget = { bytes: this.limits.bytesPerLookup };
    for (const path of candidates) {
      const extract = this.extractFor(path, budget, config);
      if (extract) indexed.push({ file: path, extract });
    }
    const crossyear = pairReports(
      indexed,
      paired.map((last) => [last, file]),
    ).get(file);
    const result: PreviousLookup = crossyear ? { crossyear, key: JSON.stringify(crossyear) } : { key: 'none' };
    return remember ? this.remember(uri, { key, body: self.body, result, root, paired }) : result;
  }

  /**
   * An open report's current text, checked: the change, when what it says for the next year may
   * have changed (the reports that look at it are to be checked again), else null. Its extract is
   * made now only when an open report of its body looks at it (before or after the change); else
   * later, when one does (`extractFor`).
   */
  seen(uri: string, report: Report | null): Change | null {
    const file = pathOfUri(uri);
    if (!file) return null;
    const head = report ? headOf(report) : null;
    const before = this.open.get(file);
    const disk = this.disk.get(file)?.extract;
    const was: Head | null = before ? before.head : (disk ?? null);
    const bodies = [was?.body ?? null, head?.body ?? null];
    if (!this.watched(file, uri, bodies)) {
      // No open report of its body (before or after) looks at it: nobody's answer changes. (Unless
      // the client tells of no file changes: then a report opened is when files on disk are looked
      // at again.)
      this.open.set(file, head ? { uri, head } : { uri, head, extract: null });
      if (before || this.watching) return null;
      this.generation++;
      return { bodies: null };
    }
    const extract = report ? extractOf(report) : null;
    if (before && before.extract !== undefined && sameData(before.extract, extract)) return null;
    this.open.set(file, { uri, head, extract });
    // Opened unchanged from its file: the answer is the same.
    if (!before && this.watching && sameData(extract, disk ?? null)) return null;
    this.generation++;
    return { bodies: !before && !this.watching ? null : bodies };
  }

  /** Whether an open report other than `uri` looks where `file` is and cares for one of these bodies. */
  private watched(file: string, uri: string, bodies: (string | null)[]): boolean {
    return this.dependents(file, { bodies }).some((other) => other !== uri);
  }

  /** An open report closed: its file speaks again. */
  closed(uri: string): Change | null {
    this.looked.delete(uri);
    const file = pathOfUri(uri);
    const open = file ? this.open.get(file) : undefined;
    if (!file || !open) return null;
    this.open.delete(file);
    this.generation++;
    return { bodies: [open.head?.body ?? null, this.disk.get(file)?.extract?.body ?? null] };
  }

  /** Files created, changed or deleted on disk (workspace/didChangeWatchedFiles). */
  filesChanged(paths: string[]): void {
    for (const path of paths) {
      this.disk.delete(path);
      for (const root of [...this.listings.keys()]) if (path.startsWith(root + sep)) this.listings.delete(root);
    }
    if (paths.length) this.generation++;
  }

  /** The open reports (uris) whose last lookup looked where a file is. */
  dependents(path: string, change?: Change): string[] {
    const out: string[] = [];
    for (const [uri, l] of this.looked) {
      if (l.paired.includes(path)) out.push(uri);
      else if (!path.startsWith(l.root + sep)) continue;
      // A report changed in the editor matters only to the reports of its body (before or after the
      // change): opening fifty reports of one folder does not check the other forty-nine again each time.
      else if (!change?.bodies || (l.body !== null && change.bodies.some((b) => b !== null && sameBody(b, l.body!)))) out.push(uri);
    }
    return out;
  }

  /** What a report's last lookup found (for the hover). */
  lastLookup(uri: string): PreviousLookup | undefined {
    return this.looked.get(uri)?.result;
  }

  private remember(uri: string, looked: Looked): PreviousLookup {
    this.looked.set(uri, looked);
    return looked.result;
  }

  private listing(root: string): string[] {
    let files = this.watching ? this.listings.get(root) : undefined;
    if (!files) {
      files = listReports(root, this.limits.filesPerFolder, this.limits.foldersPerFolder);
      this.listings.set(root, files);
    }
    return files;
  }

  /** A file's extract: the open document's, else the one read from disk (read now if its stamp changed and the budget allows). */
  private extractFor(path: string, budget: { bytes: number }, config: Config): Extract | null {
    const o = this.open.get(path);
    if (o) {
      if (o.extract === undefined) {
        // Made now, from the document as it reads (parsed as the looking report's config says: reports looked at together share a folder).
        const report = this.reportOf(o.uri, config);
        o.extract = report ? extractOf(report) : null;
      }
      return o.extract;
    }
    const kept = this.disk.get(path);
    if (kept && this.watching) return this.use(path, kept).extract;
    let size: number;
    let stamp: string;
    try {
      const st = statSync(path);
      if (!st.isFile()) return null;
      size = st.size;
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      this.disk.delete(path);
      return null;
    }
    if (kept && kept.stamp === stamp) return this.use(path, kept).extract;
    if (size > this.limits.bytesPerFile) return this.use(path, { stamp, extract: null }).extract;
    if (size > budget.bytes) return null;
    budget.bytes -= size;
    this.stats.filesRead++;
    this.stats.bytesRead += size;
    const read = readReport(path);
    let extract: Extract | null = null;
    if (!('error' in read)) {
      // As the CLI's index pass reads it (the format as this report's config sets it: reports looked at together share a folder).
      const report = parse(read.text, { format: config.format });
      extract = extractOf(report);
    }
    return this.use(path, { stamp, extract }).extract;
  }

  private use(path: string, stored: Stored): Stored {
    this.disk.delete(path);
    this.disk.set(path, stored);
    while (this.disk.size > this.limits.extracts) this.disk.delete(this.disk.keys().next().value!);
    return stored;
  }
}
