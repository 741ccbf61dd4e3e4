/**
 * What must hold of any check, whatever the text: the invariants the property tests and the fuzzer
 * assert. Each returns a list of problems (empty when all is well), so a failure says everything
 * wrong at once.
 */
import { applyFixes, check, preferredFixes, RULE_IDS, type CheckResult, type Finding, type Fix } from '../../server/src/core';
import type { Cell, Range, Report } from '../../server/src/core/model';
import { onBoundary } from '../../server/src/core/text';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function rangeProblems(text: string, r: Range | undefined, what: string): string[] {
  if (!Array.isArray(r) || r.length !== 2) return [`${what}: not a range: ${JSON.stringify(r)}`];
  const [s, e] = r;
  const out: string[] = [];
  if (!Number.isInteger(s) || !Number.isInteger(e)) out.push(`${what}: offsets not integers: [${s}, ${e}]`);
  else if (s < 0 || e > text.length || s > e) out.push(`${what}: [${s}, ${e}] outside [0, ${text.length}] or reversed`);
  else {
    if (!onBoundary(text, s)) out.push(`${what}: start ${s} splits a surrogate pair`);
    if (!onBoundary(text, e)) out.push(`${what}: end ${e} splits a surrogate pair`);
  }
  return out;
}

function fixProblems(text: string, f: Fix, what: string): string[] {
  const out = rangeProblems(text, f.range, `${what} range`);
  if (typeof f.text !== 'string') out.push(`${what}: text is not a string`);
  if (!f.title || typeof f.title.zh !== 'string' || typeof f.title.en !== 'string') out.push(`${what}: no title`);
  (f.more ?? []).forEach((e, i) => {
    out.push(...rangeProblems(text, e.range, `${what} more[${i}]`));
    if (typeof e.text !== 'string') out.push(`${what} more[${i}]: text is not a string`);
  });
  return out;
}

/** Problems with findings as the engine reports them for `text`. */
export function findingProblems(text: string, findings: Finding[]): string[] {
  const out: string[] = [];
  findings.forEach((f, i) => {
    const what = `finding ${i} (${f.rule})`;
    if (!RULE_IDS.includes(f.rule)) out.push(`${what}: unknown rule`);
    if (!SEVERITIES.has(f.severity)) out.push(`${what}: bad severity ${f.severity}`);
    if (!f.message || typeof f.message.zh !== 'string' || !f.message.zh || typeof f.message.en !== 'string' || !f.message.en)
      out.push(`${what}: empty message`);
    // The engine turns a rule that throws into a finding: for these tests it is a crash all the same.
    else if (/^规则 \S+ 运行出错/.test(f.message.zh)) out.push(`${what}: the rule threw: ${f.message.en}`);
    out.push(...rangeProblems(text, f.range, what));
    if (f.fix) out.push(...fixProblems(text, f.fix, `${what} fix`));
    (f.suggestions ?? []).forEach((s, k) => {
      out.push(...fixProblems(text, s, `${what} suggestion ${k}`));
    });
    (f.related ?? []).forEach((r, k) => {
      out.push(...rangeProblems(text, r.range, `${what} related ${k}`));
    });
  });
  return out;
}

export interface Checked {
  result: CheckResult | null;
  /** Wall time of the check, ms. */
  ms: number;
  problems: string[];
}

/** Checks a text, applies its preferred fixes, and says what went wrong (a throw included). */
export function checkSafely(text: string, options: { fix?: boolean } = {}): Checked {
  const t0 = performance.now();
  let result: CheckResult;
  try {
    result = check(text);
  } catch (e) {
    return { result: null, ms: performance.now() - t0, problems: [`check threw: ${(e as Error).stack ?? e}`] };
  }
  const ms = performance.now() - t0;
  const problems = findingProblems(text, result.findings);
  if (options.fix !== false) {
    try {
      const applied = applyFixes(text, preferredFixes(result.findings));
      if (typeof applied.text !== 'string') problems.push('applyFixes returned no text');
    } catch (e) {
      problems.push(`applyFixes threw: ${(e as Error).stack ?? e}`);
    }
  }
  return { result, ms, problems };
}

/** A report's cells by "slot|row|col" (the generator's keys). */
export function cellsByKey(report: Report): Map<string, Cell> {
  const m = new Map<string, Cell>();
  for (const t of report.tables) for (const b of t.blocks) for (const r of b.rows) for (const c of r.cells) m.set(`${b.decl.slot}|${r.decl.id}|${c.col.id}`, c);
  return m;
}

/** Where an offset of the text before some non-overlapping edits stands after them (inside an edit: at its end). */
export function mapThrough(edits: { range: Range; text: string }[], offset: number): number {
  let shift = 0;
  for (const e of [...edits].sort((x, y) => x.range[0] - y.range[0])) {
    const [s, t] = e.range;
    if (t <= offset) shift += e.text.length - (t - s);
    else if (s < offset) return s + shift + e.text.length;
    else break;
  }
  return offset + shift;
}
