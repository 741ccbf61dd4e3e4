/**
 * Finding declared labels in a stretch of text, in their declared order, tolerant of white space,
 * line breaks inside labels, numbering variants and missing rows: every occurrence of every label is
 * a candidate, and the chosen ones are the longest increasing chain (a small alignment).
 */
import { compactLabel, type Compact } from '../text';

/** A stretch [from, to) of the document's compact text, searched as its own string. */
export class View {
  readonly str: string;
  private constructor(
    readonly compact: Compact,
    readonly from: number,
  ) {
    this.str = '';
  }
  static of(compact: Compact, fromOffset: number, toOffset: number): View {
    const v = new View(compact, compact.indexAt(fromOffset));
    (v as { str: string }).str = compact.str.slice(v.from, compact.indexAt(toOffset));
    return v;
  }
  /** The normalized-text range of view range [i, j). */
  range(i: number, j: number): [number, number] {
    return this.compact.range(i + this.from, j + this.from);
  }
  offset(i: number): number {
    return this.compact.offsets[i + this.from]!;
  }
}

export interface LabelItem<T> {
  key: T;
  labels: string[];
  /** Weight of finding this item (rows count more than group headings). */
  weight: number;
}

export interface FoundLabel<T> {
  key: T;
  /** Range in the normalized text. */
  range: [number, number];
  /** Compact indices. */
  ci: number;
  cj: number;
}

const MARKER = /^(?:[一二三四五六七八九十]+\.|\([一二三四五六七八九十]+\)|\d{1,2}\.|\(\d{1,2}\))/;

/** The search forms of a label: the whole label, and (if long enough) the label without its numbering. */
export function labelForms(labels: string[]): string[] {
  const forms = new Set<string>();
  for (const l of labels) {
    const c = compactLabel(l);
    if (!c) continue;
    forms.add(c);
    const core = c.replace(MARKER, '');
    if (core !== c && core.length >= 4) forms.add(core);
    // A long label that PDF text broke around its cells ("5.要求行政机关确认或重新 0 0 … 出具已获取信息"): its head.
    if (c.length >= 12) forms.add(c.slice(0, Math.max(8, Math.floor(c.length * 0.6))));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const formCache = new Map<string, string[]>();
function formsOf(labels: string[]): string[] {
  const key = labels.join('\u0000');
  let f = formCache.get(key);
  if (!f) {
    f = labelForms(labels);
    // Labels come from the declarations: the cache stays as small as they are.
    if (formCache.size < 4096) formCache.set(key, f);
  }
  return f;
}

/** All occurrences of any form of `labels` in the compact text, longest form first at each position. */
export function occurrences(compact: View, labels: string[], from = 0, to = compact.str.length): [number, number][] {
  const out: [number, number][] = [];
  const taken = new Set<number>();
  const str = compact.str;
  for (const f of formsOf(labels)) {
    let i = str.indexOf(f, from);
    while (i !== -1 && i + f.length <= to) {
      // Skip a shorter form inside a longer one already found here.
      if (!taken.has(i) && !out.some(([a, b]) => i >= a && i < b)) {
        out.push([i, i + f.length]);
        taken.add(i);
      }
      i = str.indexOf(f, i + 1);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Chooses at most one occurrence per item so that positions increase, maximising the total weight. */
export function alignLabels<T>(compact: View, items: LabelItem<T>[], from = 0, to = compact.str.length): FoundLabel<T>[] {
  interface Cand {
    item: number;
    i: number;
    j: number;
  }
  const cands: Cand[] = [];
  items.forEach((it, k) => {
    if (!it.labels.length) return;
    for (const [i, j] of occurrences(compact, it.labels, from, to)) cands.push({ item: k, i, j });
  });
  if (!cands.length) return [];
  // Order candidates by item, then position; DP: best chain ending at each candidate.
  cands.sort((a, b) => a.item - b.item || a.i - b.i);
  const best = new Float64Array(cands.length);
  const prev = new Int32Array(cands.length).fill(-1);
  for (let x = 0; x < cands.length; x++) {
    const c = cands[x]!;
    best[x] = items[c.item]!.weight;
    for (let y = 0; y < x; y++) {
      const d = cands[y]!;
      if (d.item >= c.item || d.j > c.i) continue;
      // Prefer heavier chains; among equal ones, the closest predecessor (a stray early match loses).
      const v = best[y]! + items[c.item]!.weight;
      if (v > best[x]! + 1e-9 || (Math.abs(v - best[x]!) < 1e-9 && prev[x] !== -1 && cands[prev[x]!]!.i < d.i)) {
        best[x] = v;
        prev[x] = y;
      }
    }
  }
  let top = 0;
  for (let x = 1; x < cands.length; x++) {
    if (best[x]! > best[top]! + 1e-9 || (Math.abs(best[x]! - best[top]!) < 1e-9 && cands[x]!.i < cands[top]!.i)) top = x;
  }
  const chain: FoundLabel<T>[] = [];
  for (let x = top; x !== -1; x = prev[x]!) {
    const c = cands[x]!;
    chain.push({ key: items[c.item]!.key, range: compact.range(c.i, c.j), ci: c.i, cj: c.j });
  }
  return chain.reverse();
}
