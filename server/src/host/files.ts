/**
 * Report files on disk, for the CLI (`nianbao check DIR`) and the server ("check all reports in the
 * workspace"): which files to look at, and writing a fixed report back.
 */
import { type Dirent, readdirSync, renameSync, type Stats, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READABLE_EXTENSIONS, TEXT_EXTENSIONS } from '../readers';
import { ioMessage } from './read';

/** The extensions of report files: plain text and Markdown, the extension's own `.nianbao`, Word .docx and web pages. */
export const REPORT_EXTENSIONS = READABLE_EXTENSIONS;
/** The plain-text ones (an editor shows their text as nianbao reads it). */
export const TEXT_REPORT_EXTENSIONS = TEXT_EXTENSIONS;

/**
 * Notes kept beside reports, not reports themselves: `examples/errors/*.errors.md` lists what each
 * example report gets wrong, `test/fixtures/layouts/*.notes.md` describes each layout. A directory
 * walk leaves them out (the CLI would call each "not an annual report"); named alone, they are read.
 */
export const NOTES_BESIDE_REPORTS = /\.(errors|notes)\.md$/;

export interface FileError {
  file: string;
  message: string;
}

export interface FindOptions {
  /** At most this many files (the server's workspace check stops there). */
  limit?: number;
  /** Where a path that cannot be read is reported; without it, such paths are passed over. */
  errors?: FileError[];
  /** The extensions a walk picks up (REPORT_EXTENSIONS by default). */
  extensions?: string[];
}

/**
 * The report files under the given paths, in a stable order (names sorted by UTF-16 units, depth
 * first): a file named is taken as it is; a directory is walked, leaving out hidden entries,
 * `node_modules`, files of other extensions and the notes beside reports.
 */
export function findReportFiles(paths: string[], options: FindOptions = {}): string[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const out: string[] = [];
  const fail = (file: string, e: unknown) => options.errors?.push({ file, message: ioMessage(e) });
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      fail(dir, e);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && isReportName(e.name, options.extensions ?? REPORT_EXTENSIONS)) out.push(p);
    }
  };
  for (const p of paths) {
    if (out.length >= limit) break;
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      fail(p, e);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

function isReportName(name: string, extensions: string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((x) => lower.endsWith(x)) && !NOTES_BESIDE_REPORTS.test(name);
}

/** Writes through a temporary file and a rename, so a crash never leaves half a report. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.nianbao-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing left behind */
    }
    throw e;
  }
}
