/**
 * Pushing diagnostics (`textDocument/publishDiagnostics`, with the document version) and, for
 * clients that ask, the `nianbao/status` notification. A text that is not a report gets one empty
 * publication, then silence until it becomes one.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { uncheckedTables } from '../core';
import { counts, toDiagnostics } from '../features/diagnostics';
import { STATUS_NOTIFICATION, type StatusParams } from '../features/protocol';
import type { Analysis } from './analysis';
import type { Session } from './session';

export interface DiagnosticsSink {
  sendDiagnostics(params: PublishDiagnosticsParams): void;
  sendNotification(method: string, params: unknown): unknown;
}

export class Publisher {
  /** Documents that had diagnostics published, and whether they were non-empty. */
  private readonly published = new Map<string, boolean>();

  constructor(
    private readonly sink: DiagnosticsSink,
    private readonly session: Session,
  ) {}

  /** An open document's diagnostics, and its status. */
  publish(a: Analysis): void {
    const diagnostics = this.diagnostics(a);
    const before = this.published.get(a.uri);
    // A text that is not a report: one empty publication, then silence until it becomes one.
    if (!(before === false && !diagnostics.length && !a.isReport)) {
      this.sink.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics });
    }
    this.published.set(a.uri, diagnostics.length > 0);
    this.status(a.uri, a.version, a);
  }

  /** A report on disk (not open): its diagnostics, without a version. */
  publishFile(a: Analysis): void {
    this.sink.sendDiagnostics({ uri: a.uri, diagnostics: this.diagnostics(a) });
    this.published.set(a.uri, a.result.findings.length > 0);
  }

  /** Clears a file's diagnostics. */
  clear(uri: string): void {
    this.sink.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An open document closed: its diagnostics cleared (when it had any published) and its status. */
  closed(uri: string): void {
    if (this.published.has(uri)) this.clear(uri);
    this.published.delete(uri);
    this.status(uri, null, null);
  }

  /** The status notification: the format, year and counts, tables not checked among them (none for a closed document). */
  status(uri: string, version: number | null, a: Analysis | null): void {
    if (!this.session.statusNotification) return;
    const c = a ? counts(a) : { error: 0, warning: 0, info: 0, hint: 0 };
    const params: StatusParams = {
      uri,
      version,
      isReport: !!a?.isReport,
      format: a?.result.report.format ?? 'unknown',
      year: a?.result.report.year ?? null,
      ...c,
      uncheckedTables: a?.isReport ? uncheckedTables(a.result.report) : 0,
    };
    void this.sink.sendNotification(STATUS_NOTIFICATION, params);
  }

  private diagnostics(a: Analysis) {
    return toDiagnostics(a, this.session.locale, { relatedInformation: this.session.relatedInformation });
  }
}
