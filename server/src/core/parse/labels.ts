/**
 * Finding declared labels in a stretch of text, in their declared order, tolerant of white space,
 * line breaks inside labels, numbering variants and missing rows: every occurrence of every label is
 * a candidate, and the chosen ones are the longest increasing chain (a small alignment).
 */
import { lowerBound, upperBound } from '../bisect';
import { compactLabel, IntBuffer, Scratch, type Compact } from '../text';
import type { FormatDecl } from '../formats/types';

/** The list of every form that does not occur (shared until one does). */
const NONE: number[] = [];
// Buffers kept from call to call: the scan's candidates, the alignment's sorted ends.
const scanCandidates = new IntBuffer();
const scanPairCandidates = new IntBuffer();
const endsScratch = new Scratch();
const BUCKETS = 1 << 16;
/** The bucket of a form (or a position) by its first three units. */
export function hash3(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & (BUCKETS - 1);
}
/** The same for a form of two units. */
export function hash2(a: number, b: number): number {
  return (a * 31 + b) & (BUCKETS - 1);
}

/**
 * Where the forms of declared labels occur in a document's compact text: every form the formats
 * declare is found in one scan (the lexer's, or the dictionary's own); any other form by a search
 * of its own, the first time it is asked for.
 */
export class LabelIndex {
  private readonly found: readonly (readonly number[])[];
  private readonly others = new Map<string, number[]>();
  /** `found`: the dictionary's scan of the compact text, when it was done already (the lexer does it). */
  constructor(
    readonly compact: Compact,
    readonly dict: FormDictionary = FormDictionary.EMPTY,
    found?: number[][],
  ) {
    this.found = found ?? dict.scan(compact.codes, compact.length);
  }
  /** The compact indices where `form` starts, in increasing order (`id`: its id in the dictionary, if known). */
  positions(form: string, id = this.dict.idOf(form)): readonly number[] {
    if (id !== -1) return this.found[id]!;
    let p = this.others.get(form);
    if (!p) {
      p = [];
      const c = this.compact;
      for (let i = c.indexOf(form); i !== -1; i = c.indexOf(form, i + 1)) p.push(i);
      this.others.set(form, p);
    }
    return p;
  }
}

/**
 * Forms of two units or more, ready to be found in one scan: those of three or more bucketed by a
 * hash of their first three units, those of two by a table of their pairs.
 */
export class FormDictionary {
  static readonly EMPTY = new FormDictionary([]);
  private readonly ids = new Map<string, number>();
  private readonly forms: string[] = [];
  /** bucket h holds forms order[start[h] .. start[h + 1]). */
  private readonly start = new Int32Array(BUCKETS + 1);
  private readonly order: Int32Array;
  /** One bit per bucket, set when it holds a form: a small table a scan tests first. */
  readonly used = new Uint32Array(BUCKETS >> 5);
  /** Every form's units, one after another: form f is units[at[f] .. at[f + 1]). */
  private readonly units: Uint16Array;
  private readonly at: Int32Array;
  /** Forms of two units ("规章", "总计"), found by a table of their pairs: their ids, and one bit per pair hash. */
  readonly pairs: number[] = [];
  readonly pairUsed = new Uint32Array(BUCKETS >> 5);
  constructor(forms: Iterable<string>) {
    for (const f of forms) if (f.length >= 2 && !this.ids.has(f)) this.ids.set(f, this.forms.push(f) - 1);
    this.at = new Int32Array(this.forms.length + 1);
    for (let k = 0; k < this.forms.length; k++) this.at[k + 1] = this.at[k]! + this.forms[k]!.length;
    this.units = new Uint16Array(this.at[this.forms.length]!);
    this.forms.forEach((f, k) => {
      for (let i = 0; i < f.length; i++) this.units[this.at[k]! + i] = f.charCodeAt(i);
    });
    const long = this.forms.map((f, id) => ({ f, id })).filter((x) => x.f.length >= 3);
    for (const { f, id } of this.forms.map((f, id) => ({ f, id })).filter((x) => x.f.length === 2)) {
      this.pairs.push(id);
      const h = hash2(f.charCodeAt(0), f.charCodeAt(1));
      this.pairUsed[h >> 5]! |= 1 << (h & 31);
    }
    const hashes = long.map(({ f }) => hash3(f.charCodeAt(0), f.charCodeAt(1), f.charCodeAt(2)));
    for (const h of hashes) this.start[h + 1]!++;
    for (let h = 0; h < BUCKETS; h++) this.start[h + 1]! += this.start[h]!;
    const next = this.start.slice(0, BUCKETS);
    this.order = new Int32Array(long.length);
    hashes.forEach((h, k) => {
      this.order[next[h]!++] = long[k]!.id;
      this.used[h >> 5]! |= 1 << (h & 31);
    });
  }
  idOf(form: string): number {
    return this.ids.get(form) ?? -1;
  }
  private readonly lists = new WeakMap<readonly string[], { forms: string[]; ids: number[] }>();
  /** The forms of a list of labels, longest first, with their ids (-1: not in the dictionary). */
  resolve(labels: readonly string[]): { forms: string[]; ids: number[] } {
    let r = this.lists.get(labels);
    if (!r) {
      const forms = formsOf(labels);
      this.lists.set(labels, (r = { forms, ids: forms.map((f) => this.idOf(f)) }));
    }
    return r;
  }
  /**
   * Every occurrence of every form in `codes` [0, n): one list of start indices per form id. The
   * lexer makes the same candidates inside its own pass (4 µs a report less than scanning after it):
   * a change to which positions are candidates is made in both.
   */
  scan(codes: Uint16Array, n: number): number[][] {
    const candidates = scanCandidates;
    const pairCandidates = scanPairCandidates;
    candidates.clear();
    pairCandidates.clear();
    const { used, pairUsed } = this;
    if (this.forms.length) {
      for (let i = 0; i + 1 < n; i++) {
        const h2 = hash2(codes[i]!, codes[i + 1]!);
        if ((pairUsed[h2 >> 5]! & (1 << (h2 & 31))) !== 0) pairCandidates.push(i);
        if (i + 2 >= n) continue;
        const h = hash3(codes[i]!, codes[i + 1]!, codes[i + 2]!);
        if ((used[h >> 5]! & (1 << (h & 31))) !== 0) candidates.push(i);
      }
    }
    return this.verify(codes, n, candidates.view(), pairCandidates.view());
  }
  /**
   * The occurrences among the candidates: positions whose first three units fall in a bucket that
   * holds forms, and positions whose first two units hash as a two-unit form's do.
   */
  verify(codes: Uint16Array, n: number, candidates: ArrayLike<number>, pairCandidates: ArrayLike<number>): number[][] {
    // Most forms do not occur: they share one empty list until they do.
    const out: number[][] = new Array<number[]>(this.forms.length).fill(NONE);
    const { start, order, units, at, pairs } = this;
    for (let c = 0; c < pairCandidates.length; c++) {
      const i = pairCandidates[c]!;
      for (const f of pairs) {
        if (i + 2 > n || codes[i] !== units[at[f]!] || codes[i + 1] !== units[at[f]! + 1]) continue;
        if (out[f] === NONE) out[f] = [];
        out[f]!.push(i);
      }
    }
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c]!;
      const h = hash3(codes[i]!, codes[i + 1]!, codes[i + 2]!);
      const b0 = start[h]!;
      const b1 = start[h + 1]!;
      for (let b = b0; b < b1; b++) {
        const f = order[b]!;
        const from = at[f]!;
        const m = at[f + 1]! - from;
        if (i + m > n) continue;
        let k = 0;
        while (k < m && codes[i + k] === units[from + k]) k++;
        if (k === m) {
          if (out[f] === NONE) out[f] = [];
          out[f]!.push(i);
        }
      }
    }
    return out;
  }
}

const DICTIONARIES = new WeakMap<readonly FormatDecl[], FormDictionary>();

/** The dictionary of every label, heading, header word, marker and anchor the formats declare. */
export function dictionaryOf(formats: readonly FormatDecl[]): FormDictionary {
  let d = DICTIONARIES.get(formats);
  if (!d) {
    const labels = new Set<string>();
    const add = (xs: readonly string[]) => {
      for (const x of xs) labels.add(x);
    };
    for (const f of formats) {
      for (const t of f.tables) add(t.anchors);
      for (const blocks of Object.values(f.blocks)) {
        for (const b of blocks) {
          for (const r of b.rows) add(r.labels);
          for (const g of b.groups) add(g.labels);
          add(b.heading);
          add(b.header);
          add(b.markers);
          for (const g of b.groupedLayout ?? []) add(g.labels);
        }
      }
    }
    d = new FormDictionary([...labels].flatMap((l) => labelForms([l])));
    DICTIONARIES.set(formats, d);
  }
  return d;
}

/** A stretch [from, to) of the document's compact text. */
export class View {
  private constructor(
    readonly index: LabelIndex,
    /** Compact indices. */
    readonly from: number,
    readonly to: number,
  ) {}
  static of(index: LabelIndex, fromOffset: number, toOffset: number): View {
    const c = index.compact;
    return new View(index, c.indexAt(fromOffset), c.indexAt(toOffset));
  }
  get length(): number {
    return Math.max(0, this.to - this.from);
  }
  /** The view's compact text (for tests: the parser reads the index). */
  get str(): string {
    return this.index.compact.str.slice(this.from, this.to);
  }
  /** The normalized-text range of view range [i, j). */
  range(i: number, j: number): [number, number] {
    return this.index.compact.range(i + this.from, j + this.from);
  }
  offset(i: number): number {
    return this.index.compact.offsets[i + this.from]!;
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
/** The forms of a list of labels (the dictionary keeps them by the list's identity). */
function formsOf(labels: readonly string[]): string[] {
  const key = labels.join('\u0000');
  let f = formCache.get(key);
  if (!f) {
    f = labelForms([...labels]);
    // Labels come from the declarations: the cache stays as small as they are.
    if (formCache.size < 4096) formCache.set(key, f);
  }
  return f;
}

/** A one-label list, the same array each time (lists are looked up by identity). */
const singles = new Map<string, readonly string[]>();
export function single(label: string): readonly string[] {
  let l = singles.get(label);
  if (!l) {
    l = [label];
    if (singles.size < 4096) singles.set(label, l);
  }
  return l;
}

/**
 * The occurrences taken so far, to tell whether one covers a position. Forms come longest first,
 * so a covering occurrence starts less than the longest form's length before it; few occurrences
 * are checked one by one, many (a draft pasted many times over) through a map of their starts.
 */
class Taken {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private map: Map<number, number> | null = null;
  private longest = 0;
  /** Empty again, for a list whose longest form has this length (one instance serves every call). */
  reset(longest: number): this {
    this.starts.length = 0;
    this.ends.length = 0;
    this.map = null;
    this.longest = longest;
    return this;
  }
  /** Whether an occurrence taken starts at i or covers it. */
  covers(i: number): boolean {
    const map = this.map;
    if (map) {
      if (map.has(i)) return true;
      for (let a = i - 1; a > i - this.longest && a >= 0; a--) if ((map.get(a) ?? -1) > i) return true;
      return false;
    }
    for (let k = 0; k < this.starts.length; k++) if (this.starts[k]! <= i && this.ends[k]! > i) return true;
    return false;
  }
  add(i: number, j: number): void {
    if (this.map) {
      this.map.set(i, j);
      return;
    }
    this.starts.push(i);
    this.ends.push(j);
    if (this.starts.length > 16) this.map = new Map(this.starts.map((x, k) => [x, this.ends[k]!]));
  }
}

const TAKEN = new Taken();

/** All occurrences of any form of `labels` in the view [from, to), longest form first at each position. */
export function occurrences(view: View, labels: readonly string[], from = 0, to = view.length): [number, number][] {
  const out: [number, number][] = [];
  const { forms, ids } = view.index.dict.resolve(labels);
  const base = view.from;
  const lo = base + Math.max(0, from);
  const hi = base + Math.min(to, view.length);
  if (forms.length === 1) {
    // One form: its occurrences in order, each that overlaps the one taken before it skipped.
    const f = forms[0]!;
    const at = view.index.positions(f, ids[0]!);
    let taken = -1;
    for (let p = lowerBound(at, lo); p < at.length && at[p]! + f.length <= hi; p++) {
      const i = at[p]! - base;
      if (taken !== -1 && taken + f.length > i) continue;
      out.push([i, i + f.length]);
      taken = i;
    }
    return out;
  }
  const taken = TAKEN.reset(forms[0]?.length ?? 0);
  for (let k = 0; k < forms.length; k++) {
    const f = forms[k]!;
    const at = view.index.positions(f, ids[k]!);
    for (let p = lowerBound(at, lo); p < at.length && at[p]! + f.length <= hi; p++) {
      const i = at[p]! - base;
      // Skip a shorter form inside a longer one already found here.
      if (!taken.covers(i)) {
        out.push([i, i + f.length]);
        taken.add(i, i + f.length);
      }
    }
  }
  // Each form's occurrences come in order; the forms' lists are merged by a sort only when they interleave.
  for (let k = 1; k < out.length; k++) if (out[k - 1]![0] > out[k]![0]) return out.sort((a, b) => a[0] - b[0]);
  return out;
}

/** Whether any form of `labels` occurs in the view: what `occurrences(…).length > 0` says, without listing them. */
export function occursIn(view: View, labels: readonly string[]): boolean {
  const { forms, ids } = view.index.dict.resolve(labels);
  const lo = view.from;
  const hi = view.from + view.length;
  for (let k = 0; k < forms.length; k++) {
    const at = view.index.positions(forms[k]!, ids[k]!);
    const p = lowerBound(at, lo);
    if (p < at.length && at[p]! + forms[k]!.length <= hi) return true;
  }
  return false;
}

/** Chooses at most one occurrence per item so that positions increase, maximising the total weight. */
/**
 * Steps taken by `alignLabels` (candidates placed and Fenwick-tree steps), for tests that prove the
 * chain stays O(n log n) without timing it.
 */
export const alignSteps = { count: 0 };

export function alignLabels<T>(compact: View, items: LabelItem<T>[], from = 0, to = compact.length): FoundLabel<T>[] {
  interface Cand {
    item: number;
    i: number;
    j: number;
  }
  // Candidates by item, then position (occurrences come in order); DP: best chain ending at each candidate.
  const cands: Cand[] = [];
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (!it.labels.length) continue;
    for (const [i, j] of occurrences(compact, it.labels, from, to)) cands.push({ item: k, i, j });
  }
  if (!cands.length) return [];
  // Plain arrays: these are short, and a typed array costs an allocation off the heap.
  const best: number[] = new Array<number>(cands.length).fill(0);
  const prev: number[] = new Array<number>(cands.length).fill(-1);
  // The predecessor of a candidate: among candidates of earlier items that end before it starts, the
  // heaviest chain; among equal ones, the closest predecessor (a stray early match loses), then the
  // earlier item. Earlier items' candidates wait in a Fenwick tree of prefix maxima over their ends,
  // so that the chain costs O(n log n), not O(n²) (drafts pasted many times over repeat every label).
  const better = (y: number, z: number) =>
    z === -1 ||
    best[y]! > best[z]! + 1e-9 ||
    (Math.abs(best[y]! - best[z]!) < 1e-9 && (cands[y]!.i > cands[z]!.i || (cands[y]!.i === cands[z]!.i && cands[y]!.item < cands[z]!.item)));
  // The candidates' distinct ends, in order (sorted natively, in a buffer kept from call to call).
  const sorted = endsScratch.int32(cands.length).subarray(0, cands.length);
  for (let k = 0; k < cands.length; k++) sorted[k] = cands[k]!.j;
  sorted.sort();
  const ends: number[] = [];
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) ends.push(sorted[k]!);
  /** The number of ends <= limit. */
  const upTo = (limit: number) => upperBound(ends, limit);
  const tree: number[] = new Array<number>(ends.length + 1).fill(-1);
  for (let start = 0; start < cands.length; ) {
    let end = start;
    while (end < cands.length && cands[end]!.item === cands[start]!.item) end++;
    for (let x = start; x < end; x++) {
      const c = cands[x]!;
      let y = -1;
      let steps = 1;
      for (let p = upTo(c.i); p > 0; p -= p & -p, steps++) if (tree[p] !== -1 && better(tree[p]!, y)) y = tree[p]!;
      alignSteps.count += steps;
      best[x] = items[c.item]!.weight + (y === -1 ? 0 : best[y]!);
      prev[x] = y;
    }
    for (let x = start; x < end; x++) {
      let steps = 1;
      for (let p = upTo(cands[x]!.j); p <= ends.length; p += p & -p, steps++) if (better(x, tree[p]!)) tree[p] = x;
      alignSteps.count += steps;
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
