/**
 * Findings → LSP diagnostics. Each diagnostic carries its rule id as `code`, the rule's page as
 * `codeDescription`, `source: "nianbao"`, and its fixes as data (offsets plus the document version),
 * so that a code action needs no server state and is valid for exactly that version.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { localize, ruleDocUrl, type Edit, type Finding, type Fix, type Locale, type Severity } from '../core';
import { rangeOf, type Analysis } from '../service/analysis';

export const SOURCE = 'nianbao';

/** A fix as it travels in `Diagnostic.data`: offsets into the version `DiagnosticData.version`, its title in the client's language. */
export interface WireFix {
  range: [number, number];
  text: string;
  title: string;
  more?: Edit[];
}

export interface DiagnosticData {
  /** The document version the offsets belong to. */
  version: number;
  /** The finding's own range, in offsets. */
  range: [number, number];
  fix?: WireFix;
  suggestions?: WireFix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityOf(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

export function wireFix(f: Fix, locale: Locale): WireFix {
  return { range: [f.range[0], f.range[1]], text: f.text, title: localize(f.title, locale), ...(f.more?.length ? { more: f.more } : {}) };
}

export interface DiagnosticOptions {
  /** The client shows related information (else it is left out). */
  relatedInformation?: boolean;
}

export function toDiagnostic(a: Analysis, f: Finding, locale: Locale, options: DiagnosticOptions = {}): Diagnostic {
  const data: DiagnosticData = { version: a.version, range: [f.range[0], f.range[1]] };
  if (f.fix) data.fix = wireFix(f.fix, locale);
  if (f.suggestions?.length) data.suggestions = f.suggestions.map((s) => wireFix(s, locale));
  const d: Diagnostic = {
    range: rangeOf(a, f.range),
    severity: severityOf(f.severity),
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: SOURCE,
    message: localize(f.message, locale),
    data,
  };
  if (options.relatedInformation && f.related?.length) {
    d.relatedInformation = f.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri: a.uri, range: rangeOf(a, r.range) }, message: localize(r.message, locale) }),
    );
  }
  return d;
}

/** The diagnostics of a document: none for a plain text or Markdown file that is not a report. */
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

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<DiagnosticData>;
  return typeof d.version === 'number' && Array.isArray(d.range) && d.range.length === 2;
}
