/**
 * Core results → LSP types, in one place (rust-analyzer's `to_proto`): offsets → positions and
 * ranges (in the analysed version's text, LSP's counting: core/position.ts), findings →
 * diagnostics, edits → text edits and workspace edits, outline kinds → symbol kinds. The features
 * call these and convert nothing themselves.
 */
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  SymbolKind,
  TextDocumentEdit,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { localize, ruleDocUrl, type Edit, type Finding, type Fix, type Locale, type OutlineKind, type Severity } from '../core';
import type { Analysis } from '../service/analysis';

/** The `source` of every diagnostic. */
export const SOURCE = 'nianbao';

// ------------------------------------------------------------------ positions

/** An offset → an LSP position in the analysed version's text. */
export function positionOf(a: Analysis, offset: number): Position {
  return a.doc.positionAt(offset);
}

/** Offsets [start, end) → an LSP range in the analysed version's text. */
export function rangeOf(a: Analysis, range: readonly [number, number]): Range {
  return { start: positionOf(a, range[0]), end: positionOf(a, range[1]) };
}

/** An LSP position → an offset in the analysed version's text. */
export function offsetOf(a: Analysis, position: Position): number {
  return a.doc.offsetAt(position);
}

/** An LSP range → offsets [start, end). */
export function offsetsOf(a: Analysis, range: Range): [number, number] {
  return [offsetOf(a, range.start), offsetOf(a, range.end)];
}

// ------------------------------------------------------------------ diagnostics

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

/**
 * A finding as a diagnostic: its rule id as `code`, the rule's page as `codeDescription`,
 * `source: "nianbao"`, and its fixes as data (offsets plus the document version), so that a code
 * action needs no server state and is valid for exactly that version.
 */
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
      (r): DiagnosticRelatedInformation =>
        r.file && r.start && r.end
          ? // A place in another file (last year's report): its uri, and the position found where it was read.
            {
              location: { uri: /^[a-z][a-z0-9+.-]*:\/\//i.test(r.file) ? r.file : pathToFileURL(r.file).href, range: { start: r.start, end: r.end } },
              message: localize(r.message, locale),
            }
          : { location: { uri: a.uri, range: rangeOf(a, r.range) }, message: localize(r.message, locale) },
    );
  }
  return d;
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<DiagnosticData>;
  return typeof d.version === 'number' && Array.isArray(d.range) && d.range.length === 2;
}

// ------------------------------------------------------------------ edits

export interface EditOptions {
  /** Versioned `documentChanges` instead of `changes` in workspace edits. */
  documentChanges?: boolean;
}

export function textEdit(a: Analysis, e: Edit): TextEdit {
  return { range: rangeOf(a, e.range), newText: e.text };
}

/** Edits to the analysed version as one workspace edit (versioned when the client takes `documentChanges`). */
export function workspaceEdit(a: Analysis, edits: Edit[], options: EditOptions = {}): WorkspaceEdit {
  const textEdits = edits.map((e) => textEdit(a, e));
  if (options.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: a.uri, version: a.version }, textEdits)] };
  return { changes: { [a.uri]: textEdits } };
}

/** How many text edits a workspace edit holds. */
export function editCount(edit: WorkspaceEdit): number {
  return edit.documentChanges
    ? edit.documentChanges.reduce((n, c) => n + ('edits' in c ? c.edits.length : 0), 0)
    : Object.values(edit.changes ?? {}).reduce((n, es) => n + es.length, 0);
}

// ------------------------------------------------------------------ symbols

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.String,
  table: SymbolKind.Struct,
  block: SymbolKind.Object,
  group: SymbolKind.Array,
};

export function symbolKindOf(kind: OutlineKind): SymbolKind {
  return SYMBOL_KIND[kind];
}
