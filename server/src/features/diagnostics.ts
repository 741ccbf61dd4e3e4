/**
 * Diagnostics: a document's findings as LSP diagnostics (converted in convert.ts), none for a plain
 * text or Markdown file that is not a report; and their counts by severity, for the status bar.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Locale, Severity } from '../core';
import type { Analysis } from '../service/analysis';
import { toDiagnostic, type DiagnosticOptions } from './convert';

export function toDiagnostics(a: Analysis, locale: Locale, options: DiagnosticOptions = {}): Diagnostic[] {
  if (!a.isReport) return [];
  return a.result.findings.map((f) => toDiagnostic(a, f, locale, options));
}

/** Counts by severity, for the status bar. */
export function counts(a: Analysis): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  if (a.isReport) for (const f of a.result.findings) c[f.severity]++;
  return c;
}
