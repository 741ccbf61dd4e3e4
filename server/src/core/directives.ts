/**
 * Ignore directives, keyed by rule id. Plain text has no comment syntax, so one syntax serves text
 * and Markdown alike (invisible when Markdown is rendered):
 *
 *   <!-- nianbao-disable RULE[, RULE…] -->            from here on (no ids: every rule)
 *   <!-- nianbao-enable RULE[, RULE…] -->             from here on again
 *   <!-- nianbao-disable-line RULE[, RULE…] -->       on this line
 *   <!-- nianbao-disable-next-line RULE[, RULE…] -->  on the next line
 *   <!-- nianbao-disable-file RULE[, RULE…] -->       in the whole file
 */
import type { Finding } from './finding';
import type { Report } from './model';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty: every rule. */
  rules: string[];
  line: number;
  offset: number;
}

export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];

/** A directive's body read word by word; ranges are offsets into the body. */
export interface ParsedDirective {
  /** null: the word after "nianbao-" is no known kind (the directive does nothing). */
  kind: DirectiveKind | null;
  kindText: string;
  kindRange: [number, number];
  rules: { id: string; range: [number, number] }[];
}

const HEAD = /^<!--\s*nianbao-/;

export function parseDirective(body: string): ParsedDirective {
  const head = HEAD.exec(body);
  const from = head ? head[0].length : 0;
  // The kind is the whole run of letters and hyphens: "disable-lien" is no "disable" with a rule "-lien".
  let k = from;
  while (k < body.length && /[A-Za-z-]/.test(body[k]!)) k++;
  const kindText = body.slice(from, k);
  const kind = (DIRECTIVE_KINDS as readonly string[]).includes(kindText) ? (kindText as DirectiveKind) : null;
  const close = body.endsWith('-->') ? body.length - 3 : body.length;
  const rules: ParsedDirective['rules'] = [];
  for (const m of body
    .slice(0, close)
    .slice(k)
    .matchAll(/[^\s,，]+/g))
    rules.push({ id: m[0], range: [k + m.index!, k + m.index! + m[0].length] });
  return { kind, kindText, kindRange: [from, k], rules };
}

/** The directives that take effect; `unknown`: those whose kind is not known (directive.unknown reports them). */
export function parseDirectives(report: Report): { directives: Directive[]; unknown: { offset: number; body: string }[] } {
  const directives: Directive[] = [];
  const unknown: { offset: number; body: string }[] = [];
  for (const d of report.directives) {
    const p = parseDirective(d.body);
    if (p.kind === null) {
      unknown.push({ offset: d.range[0], body: d.body });
      continue;
    }
    directives.push({ kind: p.kind, rules: p.rules.map((r) => r.id), line: report.lines.lineAt(d.range[0]), offset: d.range[0] });
  }
  return { directives, unknown };
}

const applies = (d: Directive, rule: string) => d.rules.length === 0 || d.rules.includes(rule);

/** Drops the findings that directives silence (a finding counts by the line it starts on). */
export function applyDirectives(report: Report, findings: Finding[], directives: Directive[]): Finding[] {
  if (!directives.length) return findings;
  const sorted = [...directives].sort((a, b) => a.offset - b.offset);
  return findings.filter((f) => {
    const line = report.lines.lineAt(f.range[0]);
    let disabled = false;
    for (const d of sorted) {
      if (!applies(d, f.rule)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-line' && d.line === line) return false;
      if (d.kind === 'disable-next-line' && nextContentLine(report, d.line) === line) return false;
      if (d.offset <= f.range[0]) {
        if (d.kind === 'disable') disabled = true;
        if (d.kind === 'enable') disabled = false;
      }
    }
    return !disabled;
  });
}

/** The line after a directive's line (normalized lines: a CRLF line counts one empty line after it). */
function nextContentLine(report: Report, line: number): number {
  let l = line + 1;
  while (l < report.lines.count && report.lines.text(l) === '' && report.text[report.lines.start(l) - 1] === '\r') l++;
  return l;
}
