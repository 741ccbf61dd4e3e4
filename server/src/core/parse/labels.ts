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
  const forms = formsOf(labels);
  // Where each occurrence found starts, and where it ends. Forms come longest first, so an
  // occurrence that covers a position starts less than the longest form's length before it.
  const ends = new Map<number, number>();
  const longest = forms[0]?.length ?? 0;
  const inside = (i: number) => {
    for (let a = i - 1; a > i - longest && a >= 0; a--) if ((ends.get(a) ?? -1) > i) return true;
    return false;
  };
  const str = compact.str;
  for (const f of forms) {
    let i = str.indexOf(f, from);
    while (i !== -1 && i + f.length <= to) {
      // Skip a shorter form inside a longer one already found here.
      if (!ends.has(i) && !inside(i)) {
        out.push([i, i + f.length]);
        ends.set(i, i + f.length);
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
  // The predecessor of a candidate: among candidates of earlier items that end before it starts, the
  // heaviest chain; among equal ones, the closest predecessor (a stray early match loses), then the
  // earlier item. Earlier items' candidates wait in a Fenwick tree of prefix maxima over their ends,
  // so that the chain costs O(n log n), not O(n²) (drafts pasted many times over repeat every label).
  const better = (y: number, z: number) =>
    z === -1 ||
    best[y]! > best[z]! + 1e-9 ||
    (Math.abs(best[y]! - best[z]!) < 1e-9 && (cands[y]!.i > cands[z]!.i || (cands[y]!.i === cands[z]!.i && cands[y]!.item < cands[z]!.item)));
  const ends = [...new Set(cands.map((c) => c.j))].sort((a, b) => a - b);
  /** The number of ends <= limit. */
  const upTo = (limit: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tree = new Int32Array(ends.length + 1).fill(-1);
  for (let start = 0; start < cands.length; ) {
    let end = start;
    while (end < cands.length && cands[end]!.item === cands[start]!.item) end++;
    for (let x = start; x < end; x++) {
      const c = cands[x]!;
      let y = -1;
      for (let p = upTo(c.i); p > 0; p -= p & -p) if (tree[p] !== -1 && better(tree[p]!, y)) y = tree[p]!;
      best[x] = items[c.item]!.weight + (y === -1 ? 0 : best[y]!);
      prev[x] = y;
    }
    for (let x = start; x < end; x++) {
      for (let p = upTo(cands[x]!.j); p <= ends.length; p += p & -p) if (better(x, tree[p]!)) tree[p] = x;
    }
    start = end;
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
