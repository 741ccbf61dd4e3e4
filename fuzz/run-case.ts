/** One fuzz case through the core: check, positions, fixes, and the fixed text checked again. */
import { applyFixes, check, LineMap, preferredFixes, type CheckResult } from '../server/src/core';
import { findingProblems } from '../test/property/invariants';
import type { Case } from './cases';

/** The time one check may take: 2 s for a normal report, more for big inputs (2 ms per KB). */
const BASE_MS = Number(process.env.NIANBAO_FUZZ_BOUND_MS ?? 2000);
export function boundMs(text: string): number {
  return BASE_MS + text.length / 500;
}

export interface CaseResult {
  ms: number;
  findings: number;
  problems: string[];
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

export function runCase(c: Case): CaseResult {
  const problems: string[] = [];
  const config = { rules: {}, format: c.format };
  let first: { value: CheckResult; ms: number };
  try {
    first = timed(() => check(c.text, { config }));
  } catch (e) {
    return { ms: 0, findings: 0, problems: [`check threw: ${(e as Error)?.stack ?? String(e)}`] };
  }
  const { value: result, ms } = first;
  if (ms > boundMs(c.text)) problems.push(`slow: check took ${ms.toFixed(0)} ms (bound ${boundMs(c.text).toFixed(0)} ms) for ${c.text.length} chars`);
  problems.push(...findingProblems(c.text, result.findings));
  try {
    // What the CLI and the server do with every finding: line and column.
    const lm = new LineMap(c.text);
    for (const f of result.findings) {
      const a = lm.positionAt(f.range[0]);
      const b = lm.positionAt(f.range[1]);
      if (a.line < 0 || a.character < 0 || b.line < a.line || (b.line === a.line && b.character < a.character))
        problems.push(`${f.rule}: positions ${JSON.stringify([a, b])} out of order`);
    }
  } catch (e) {
    problems.push(`LineMap threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  try {
    const fixed = applyFixes(c.text, preferredFixes(result.findings));
    if (typeof fixed.text !== 'string') problems.push('applyFixes returned no text');
    else if (fixed.text !== c.text) {
      const again = timed(() => check(fixed.text, { config }));
      if (again.ms > boundMs(fixed.text)) problems.push(`slow: checking the fixed text took ${again.ms.toFixed(0)} ms`);
      problems.push(...findingProblems(fixed.text, again.value.findings).map((p) => `after fix-all: ${p}`));
    }
  } catch (e) {
    problems.push(`fix-all threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  return { ms, findings: result.findings.length, problems };
}

/** A failure's gist, the same for the same bug: the first problem with its numbers and offsets blanked. */
export function signature(problems: string[]): string {
  return (problems[0] ?? '').split('\n')[0]!.replace(/\d+/g, '#').slice(0, 200);
}
