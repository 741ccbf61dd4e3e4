/**
 * Reports on disk, for "check all reports in the workspace": the files the CLI would check
 * (host/files.ts), read as the CLI reads them (host/read.ts), in the language the editor would
 * open them in.
 */
import { basename } from 'node:path';
import { findReportFiles } from '../host/files';
import { readReport } from '../host/read';

/** At most this many files are checked by "check all reports". */
export const MAX_WORKSPACE_FILES = 10_000;

/** File names the client opens as `nianbao`: `*政府信息公开*年度报告*.txt`. */
export const REPORT_FILE_NAME = /政府信息公开.*年度报告.*\.txt$/i;

/** The language a file opens in (as the client's file associations set it). */
export function languageOfPath(path: string): 'nianbao' | 'markdown' | 'plaintext' {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.nianbao') || REPORT_FILE_NAME.test(basename(path))) return 'nianbao';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  return 'plaintext';
}

/** Candidate report files under the workspace folders, in a stable order. */
export function workspaceReportFiles(roots: string[]): string[] {
  return findReportFiles(roots, { limit: MAX_WORKSPACE_FILES });
}

/** A file's text, or null for what is not a report to check (binary, not UTF-8, empty, too large, unreadable). */
export function readText(path: string): string | null {
  const r = readReport(path);
  return 'error' in r ? null : r.text;
}
