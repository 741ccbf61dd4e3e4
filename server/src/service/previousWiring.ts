/**
 * Last year's report in the server's life: each check of an open report tells the lookup
 * (previous.ts) what the report now says; a report edited, closed, or a report file created,
 * changed or deleted on disk has the reports that look at it checked again, so their diagnostics
 * are pushed anew (this year's carry-over clears when last year's 四 is fixed).
 */
import type { FileSystemWatcher } from 'vscode-languageserver';
import { parse } from '../core';
import { REPORT_EXTENSIONS } from '../host/files';
import type { Analysis, PreviousFinder } from './analysis';
import { type Change, pathOfUri, PreviousReports } from './previous';
import type { OpenDocuments } from './scheduler';

export class PreviousWiring {
  readonly reports: PreviousReports;
  /** Checks an open report again (the scheduler's `schedule`), set once the scheduler exists. */
  recheck: (uri: string) => void = () => {};

  constructor(
    private readonly documents: OpenDocuments,
    reports = new PreviousReports(),
  ) {
    this.reports = reports;
    // An open report's extract, made when a report of its body first looks at it.
    reports.reportOf = (uri, config) => {
      const doc = documents.get(uri);
      return doc ? parse(doc.getText(), { format: config.format ?? 'auto' }) : null;
    };
  }

  /** The lookup for files checked from disk ("check all reports"): nothing remembered for them. */
  forFilesOnDisk(): PreviousFinder {
    const reports = this.reports;
    return {
      get generation() {
        return reports.generation;
      },
      lookup: (uri, report, config) => reports.lookup(uri, report, config, false),
    };
  }

  /** The report files to be told of (`workspace/didChangeWatchedFiles`). */
  watchers(): FileSystemWatcher[] {
    return [{ globPattern: `**/*.{${REPORT_EXTENSIONS.map((x) => x.slice(1)).join(',')}}` }];
  }

  /** An open report was checked: when what it says for the next year changed, the reports that look at it are checked again. */
  checked(a: Analysis): void {
    const change = this.reports.seen(a.uri, a.isReport ? a.result.report : null);
    if (change) this.recheckDependents(a.uri, change);
  }

  /** An open report closed: its file speaks for it again. */
  closed(uri: string): void {
    const change = this.reports.closed(uri);
    if (change) this.recheckDependents(uri, change);
  }

  /** Report files changed on disk (uris). */
  filesChanged(uris: string[]): void {
    const paths = uris.map(pathOfUri).filter((p): p is string => p !== null);
    this.reports.filesChanged(paths);
    const again = new Set<string>();
    for (const p of paths) for (const uri of this.reports.dependents(p)) again.add(uri);
    for (const uri of again) if (this.documents.get(uri)) this.recheck(uri);
  }

  private recheckDependents(uri: string, change: Change): void {
    const path = pathOfUri(uri);
    if (!path) return;
    for (const other of this.reports.dependents(path, change)) if (other !== uri && this.documents.get(other)) this.recheck(other);
  }
}
