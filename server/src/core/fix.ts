/** Applies many fixes at once: bottom to top, skipping overlaps, saying what was applied. */
import type { Edit, Finding, Fix } from './finding';

export interface ApplyResult {
  text: string;
  /** Fixes applied (a fix identical to one applied counts as applied: one wrong cell breaks several sums). */
  applied: Fix[];
  /** Fixes left out because they overlap one applied before them, or fall outside the text. */
  skipped: Fix[];
}

function editsOf(f: Fix): Edit[] {
  return [{ range: f.range, text: f.text }, ...(f.more ?? [])];
}

function overlaps(a: Edit, b: Edit): boolean {
  const [as, ae] = a.range;
  const [bs, be] = b.range;
  if (as === ae && bs === be) return false; // insertions at one place go in the order they are listed
  if (as === ae) return as > bs && as < be;
  if (bs === be) return bs > as && bs < ae;
  return as < be && bs < ae;
}

export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const keys = new Set<string>();
  const taken: Edit[] = [];
  for (const f of fixes) {
    const es = editsOf(f);
    const key = JSON.stringify(es.map((e) => [e.range, e.text]));
    if (keys.has(key)) {
      applied.push(f);
      continue;
    }
    const bad = es.some((e) => e.range[0] < 0 || e.range[1] > text.length || e.range[0] > e.range[1]);
    if (bad || es.some((e) => taken.some((t) => overlaps(e, t)))) {
      skipped.push(f);
      continue;
    }
    keys.add(key);
    taken.push(...es);
    applied.push(f);
  }
  // Bottom up; at one place, the later-listed first, so that the earlier-listed ends up in front.
  const order = new Map(taken.map((e, i) => [e, i]));
  const edits = taken.sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1] || order.get(b)! - order.get(a)!);
  const parts: string[] = [];
  let end = text.length;
  for (const e of edits) {
    parts.push(text.slice(e.range[1], end), e.text);
    end = e.range[0];
  }
  parts.push(text.slice(0, end));
  return { text: parts.reverse().join(''), applied, skipped };
}

/** The preferred fixes of a set of findings (optionally of some rules only). */
export function preferredFixes(findings: Finding[], rules?: string[]): Fix[] {
  return findings.filter((f) => f.fix && (!rules || rules.includes(f.rule))).map((f) => f.fix!);
}
