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

const RE = /^<!--\s*nianbao-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->$/;

export function parseDirectives(report: Report): { directives: Directive[]; unknown: { offset: number; body: string }[] } {
  const directives: Directive[] = [];
  const unknown: { offset: number; body: string }[] = [];
  for (const d of report.directives) {
    const m = RE.exec(d.body);
    if (!m) {
      unknown.push({ offset: d.range[0], body: d.body });
      continue;
    }
    const rules = m[2]!
      .split(/[\s,，]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    directives.push({ kind: m[1] as DirectiveKind, rules, line: report.lines.lineAt(d.range[0]), offset: d.range[0] });
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
