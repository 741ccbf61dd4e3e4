/** Shared by the tests: reading files, and findings as a person reads them in a problem list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineMap, localize, type CheckResult, type Finding } from '../server/src/core';

export const ROOT = join(__dirname, '..');

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** "line:col severity rule" for each finding: what a problem list shows, minus the message. */
export function summary(text: string, findings: Finding[]): string[] {
  const lm = new LineMap(text);
  return findings.map((f) => {
    const p = lm.positionAt(f.range[0]);
    return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule}`;
  });
}

export function messages(result: CheckResult, rule?: string): string[] {
  return result.findings.filter((f) => !rule || f.rule === rule).map((f) => localize(f.message, 'zh'));
}

export const ARITH_RULES = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];
