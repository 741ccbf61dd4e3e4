/**
 * "Check all reports in the workspace": the files the CLI would check (host/files.ts), read as the
 * CLI reads them (host/read.ts) in the language the editor would open them in, checked and
 * published; an open document answers for its file. A report closed after such a check goes back
 * to its diagnostics on disk.
 */
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { uncheckedTables } from '../core';
import { counts } from '../features/diagnostics';
import type { WorkspaceSummary } from '../features/protocol';
import { findReportFiles, TEXT_REPORT_EXTENSIONS } from '../host/files';
import { readReport } from '../host/read';
import { analyse, type Analysis, type PreviousFinder } from './analysis';
import type { Publisher } from './publisher';
import type { CheckScheduler, OpenDocuments } from './scheduler';
import type { SettingsStore } from './settingsStore';

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

/** Candidate report files under the workspace folders, in a stable order (plain text: a .docx's diagnostics need its own view, issue 14). */
export function workspaceReportFiles(roots: string[]): string[] {
  return findReportFiles(roots, { limit: MAX_WORKSPACE_FILES, extensions: TEXT_REPORT_EXTENSIONS });
}

/** A file's text, or null for what is not a report to check (binary, not UTF-8, empty, too large, unreadable). */
export function readText(path: string): string | null {
  const r = readReport(path);
  return 'error' in r ? null : r.text;
}

export interface WorkspaceDeps {
  documents: OpenDocuments;
  scheduler: Pick<CheckScheduler, 'analysisOf'>;
  settings: SettingsStore;
  publisher: Publisher;
  /** Last year's report for each file checked (the rules across years, as in `nianbao check DIR`). */
  previous?: PreviousFinder;
}

export class WorkspaceCheck {
  private folders: string[] = [];
  /** Files whose diagnostics come from "check all reports" (kept when the file is closed). */
  private readonly diskChecked = new Set<string>();

  constructor(private readonly deps: WorkspaceDeps) {}

  /** The workspace folders at initialize (or its root). */
  initialize(params: InitializeParams): void {
    this.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!this.folders.length && params.rootUri) this.folders = [params.rootUri];
  }

  foldersChanged(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => f.uri));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
  }

  /** Checks every report under the folders (the workspace's when none are given) and publishes their diagnostics. */
  async checkAll(roots: string[]): Promise<WorkspaceSummary> {
    const dirs = (roots.length ? roots : this.folders).flatMap((u) => {
      try {
        return [fileURLToPath(u)];
      } catch {
        return [];
      }
    });
    const summary: WorkspaceSummary = { files: 0, reports: 0, error: 0, warning: 0, info: 0, hint: 0, uncheckedTables: 0 };
    for (const path of workspaceReportFiles(dirs)) {
      const uri = pathToFileURL(path).href;
      const open = this.deps.documents.all().find((d) => d.uri === uri || sameFile(d.uri, path));
      summary.files++;
      let a: Analysis | null;
      if (open) a = (await this.deps.scheduler.analysisOf(open.uri))?.a ?? null;
      else a = await this.checkFile(uri);
      if (!a?.isReport) continue;
      summary.reports++;
      const c = counts(a);
      summary.error += c.error;
      summary.warning += c.warning;
      summary.info += c.info;
      summary.hint += c.hint;
      summary.uncheckedTables += uncheckedTables(a.result.report);
    }
    return summary;
  }

  /** A document closed: when it was checked from disk, its file is checked again (true); else false. */
  closed(uri: string): boolean {
    if (!this.diskChecked.has(uri)) return false;
    void this.checkFile(uri).then((a) => {
      if (!a?.isReport) this.deps.publisher.clear(uri);
    });
    return true;
  }

  /** Checks a file from disk and publishes its diagnostics (no version: the file is not open). */
  private async checkFile(uri: string): Promise<Analysis | null> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return null;
    }
    const text = readText(path);
    if (text === null) return null;
    const settings = await this.deps.settings.settingsFor(uri);
    const doc = { uri, version: 0, languageId: languageOfPath(path), getText: () => text };
    const a = analyse(doc, this.deps.settings.configFor(uri, settings), this.deps.previous);
    if (this.deps.documents.get(uri)) return a; // opened meanwhile: the open document speaks
    if (a.isReport) {
      this.deps.publisher.publishFile(a);
      this.diskChecked.add(uri);
    }
    return a;
  }
}

function sameFile(uri: string, path: string): boolean {
  try {
    return uri.startsWith('file:') && fileURLToPath(uri) === path;
  } catch {
    return false;
  }
}
