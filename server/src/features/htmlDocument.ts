/**
 * A web page opened in the editor (language `html`): checked as it is opened and edited, through the
 * HTML reader, when the page holds a report. A finding is squiggled on the page's source only where
 * every character of it was found there again (readers/html-positions.ts); the others — a blank
 * cell, a missing section, text the page hides — are not placed near enough, but said in one
 * information note at the top, with the way to see them: the report view. No fixes: the page is
 * not its text (as `nianbao check --fix` leaves web pages alone).
 */
import { type Diagnostic, DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult, type Config, type Finding, type Locale, LineMap, looksLikeReport } from '../core';
import { htmlPositions } from '../readers/html-positions';
import type { Analysis } from '../service/analysis';
import { SOURCE, toDiagnostic } from './convert';

/** Pages longer than this are not looked at (a report's page is tens of KB). */
const MAX_PAGE = 4_000_000;

/** Edits closer together than this are checked once. */
const PAUSE_MS = 250;

export interface HtmlDeps {
  sendDiagnostics(p: PublishDiagnosticsParams): void;
  /** The config for a document. */
  configOf(uri: string): Promise<Config>;
  /** The status bar's notification (format, year, counts). */
  status(uri: string, version: number | null, a: Analysis | null): void;
  locale(): Locale;
}

/** A page checked: the findings placed on its source, and those that could not be. */
export function checkPage(uri: string, version: number, source: string, config: Config): { a: Analysis; unplaced: Finding[] } | null {
  if (source.length > MAX_PAGE) return null;
  const p = htmlPositions(source);
  if ('error' in p) return null;
  const result: CheckResult = check(p.text, { config });
  if (!looksLikeReport(result.report)) return null;
  const placed: Finding[] = [];
  const unplaced: Finding[] = [];
  for (const f of result.findings) {
    const range = p.toSource(f.range);
    if (!range) {
      unplaced.push(f);
      continue;
    }
    const related = f.related?.flatMap((r) => {
      if (r.file) return [r];
      const to = p.toSource(r.range);
      return to ? [{ ...r, range: to }] : [];
    });
    const { fix: _fix, suggestions: _suggestions, ...rest } = f;
    placed.push({ ...rest, range, ...(related?.length ? { related } : {}) });
  }
  const a: Analysis = {
    uri,
    version,
    languageId: 'html',
    doc: new LineMap(source),
    text: source,
    result: { ...result, findings: placed },
    isReport: true,
    config,
    cost: 0,
  };
  return { a, unplaced };
}

/** The one note for the findings not placed on the source. */
function unplacedNote(unplaced: Finding[], locale: Locale): Diagnostic {
  const rules = [...new Set(unplaced.map((f) => f.rule))].join(', ');
  const n = unplaced.length;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'html.unplaced',
    message:
      locale === 'en'
        ? `${n} more problem(s) (${rules}) cannot be placed on this page's source (a blank cell, a missing section…): right-click the file and choose “Open as Report View” to see them in the text nianbao read.`
        : `另有 ${n} 处问题（${rules}）无法在网页源码中标出位置（如空白单元格、缺少的章节）：在资源管理器中右键该文件，选“以年报视图打开”，可在读出的文字中查看。`,
  };
}

/** The web pages open in the editor, checked after each pause in the edits. */
export class HtmlChecks {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Pages that had diagnostics published. */
  private readonly published = new Set<string>();

  constructor(private readonly deps: HtmlDeps) {}

  schedule(doc: TextDocument): void {
    clearTimeout(this.timers.get(doc.uri));
    const first = !this.published.has(doc.uri);
    this.timers.set(
      doc.uri,
      setTimeout(() => void this.run(doc), first ? 0 : PAUSE_MS),
    );
  }

  private async run(doc: TextDocument): Promise<void> {
    this.timers.delete(doc.uri);
    const config = await this.deps.configOf(doc.uri);
    const checked = checkPage(doc.uri, doc.version, doc.getText(), config);
    if (!checked) {
      if (this.published.delete(doc.uri)) this.deps.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    const locale = this.deps.locale();
    const diagnostics = checked.a.result.findings.map((f) => toDiagnostic(checked.a, f, locale));
    if (checked.unplaced.length) diagnostics.push(unplacedNote(checked.unplaced, locale));
    this.published.add(doc.uri);
    this.deps.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    this.deps.status(doc.uri, doc.version, { ...checked.a, result: { ...checked.a.result, findings: [...checked.a.result.findings, ...checked.unplaced] } });
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.published.delete(uri)) {
      this.deps.sendDiagnostics({ uri, diagnostics: [] });
      this.deps.status(uri, null, null);
    }
  }
}
