/** The engine: text → report model → findings, with severities and ignore directives applied. */
import { analyse, type Arith } from './arith';
import type { Config } from './config';
import type { CrossYear } from './crossyear/series';
import { applyDirectives, parseDirectives } from './directives';
import type { Finding } from './finding';
import { msg } from './i18n';
import type { Report } from './model';
import { type Head, parse } from './parse';
import { RULES } from './rules';

export interface CheckResult {
  report: Report;
  arith: Arith;
  findings: Finding[];
}

export interface CheckOptions {
  config?: Config;
  /** Last year's report (or the gap before this one), for the rules across years. */
  crossyear?: CrossYear;
}

export function checkReport(report: Report, options: CheckOptions = {}): CheckResult {
  const arith = analyse(report);
  const overrides = options.config?.rules ?? {};
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const setting = overrides[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    let found: ReturnType<(typeof RULES)[number]['check']>;
    try {
      found = rule.check({
        report,
        arith,
        ...(options.crossyear ? { crossyear: options.crossyear } : {}),
        ...(options.config ? { config: options.config } : {}),
      });
    } catch (e) {
      // A rule that fails must not take the others down: say so as a finding.
      findings.push({
        rule: rule.id,
        severity: 'warning',
        message: msg(`规则 ${rule.id} 运行出错：${(e as Error).message}`, `Rule ${rule.id} failed: ${(e as Error).message}`),
        range: [0, 0],
      });
      continue;
    }
    for (const f of found) findings.push({ rule: rule.id, severity: setting, ...f });
  }
  const { directives } = parseDirectives(report);
  const kept = applyDirectives(report, findings, directives);
  kept.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.rule.localeCompare(b.rule));
  return { report, arith, findings: kept };
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const report = parse(text, { format: options.config?.format ?? 'auto' });
  return checkReport(report, options);
}

/** Whether a text looks like an annual report at all (a title, a section heading, or a table). */
export function looksLikeReport(report: Report): boolean {
  return report.sections.some((s) => s.heading) || report.tables.length > 0 || titleSaysReport(report.title);
}

/**
 * Whether a report's head alone shows it looks like a report (a section heading, or the title):
 * then `looksLikeReport` says so too, whatever its tables. False is no proof of the contrary: a
 * text with only a table looks like a report, and only `parse` finds its table.
 */
export function headLooksLikeReport(head: Head): boolean {
  return head.headings > 0 || titleSaysReport(head.title);
}

function titleSaysReport(title: Report['title']): boolean {
  return !!title && /政府信息公开|政务公开/.test(title.text);
}
