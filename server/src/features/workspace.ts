/**
 * Reports on disk, for "check all reports in the workspace": which files to look at (the CLI's
 * choice: .txt, .md, .markdown, .nianbao, no hidden folders, no node_modules) and reading them as
 * UTF-8 text, the way the editor would open them.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.nianbao'];
/** File names the client opens as `nianbao`: `*政府信息公开*年度报告*.txt`. */
export const REPORT_FILE_NAME = /政府信息公开.*年度报告.*\.txt$/i;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The language a file opens in (as the client's file associations set it). */
export function languageOfPath(path: string): 'nianbao' | 'markdown' | 'plaintext' {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.nianbao') || REPORT_FILE_NAME.test(basename(path))) return 'nianbao';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  return 'plaintext';
}

/** Candidate report files under the roots, in a stable order, at most `limit`. */
export function findReportFiles(roots: string[], limit = 10_000): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (out.length >= limit) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && REPORT_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x))) out.push(p);
    }
  };
  for (const r of roots) walk(r);
  return out;
}

/** A file's text, or null for what is not UTF-8 text (binary, GBK, too large, unreadable). */
export function readText(path: string): string | null {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return null;
    const buf = readFileSync(path);
    if (buf.includes(0)) return null;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}
