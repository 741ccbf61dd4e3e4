/**
 * SARIF `partialFingerprints` (SARIF 2.1.0 §3.27.17): what makes a finding the same finding after
 * the report is edited elsewhere, so a code-scanning service keeps its history (dismissed, fixed,
 * new) when lines are inserted above it. A finding on a table cell is known by its rule, file and
 * cell (table / block / row / column ids from the format declaration); any other by its rule, file
 * and its line's text with white space removed. A count tells apart findings of the same rule on
 * the same cell or line text.
 */
import { createHash } from 'node:crypto';
import { cellAt, type Finding, type Report } from '../core';

/** The key SARIF results carry their fingerprint under (versioned: a new recipe gets a new key). */
export const FINGERPRINT_KEY = 'nianbao/v1';

/** Where a finding is, independent of line numbers: its cell, or its line's text. */
function place(f: Finding, report: Report): string {
  const hit = cellAt(report, f.range[0]);
  if (hit) return `cell:${hit.table.decl.id}/${hit.block.decl.slot}/${hit.row.decl.id}/${hit.cell.col.id}`;
  const text = report.text;
  const start = text.lastIndexOf('\n', f.range[0] - 1) + 1;
  let end = text.indexOf('\n', f.range[0]);
  if (end === -1) end = text.length;
  return `line:${text.slice(start, end).replace(/\s+/g, '')}`;
}

/** One fingerprint per finding, in order. */
export function fingerprints(findings: readonly Finding[], report: Report, file: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.rule}\u0000${file}\u0000${place(f, report)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
