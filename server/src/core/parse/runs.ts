/**
 * Digits run together ("（一）予以公开5000016", "5 0 00 0 16"), decided by the arithmetic.
 *
 * A row whose numbers are fewer than its columns is cut into cells in every way the text allows
 * (no leading zeros but a lone "0", at most six digits a cell); the cuts that satisfy the row's own
 * sums are kept. Rows left with several cuts are decided together by the block's other sums (（七）总计
 * = Σ results per column, 一+二 = （七）+四, 表四's groups). When a row's own total holds for no cut,
 * the other sums may still decide it (its total is then the error the rules report). Whatever stays
 * open is ambiguous (its readings named) or unreadable; nothing is guessed.
 *
 * Bounds are counts, never a clock: a run over 42 digits is not cut at all, and one block's search
 * (cuts and combinations) stops after 100,000 nodes, leaving the rows it did not decide ambiguous.
 * A 20 MB line of digits is one run: rejected by its length before any cut is tried. The search of
 * combinations is pruned where no combination can be kept (see `combine`), so that a block whose
 * blank cells the text dropped ends with "no cut holds" long before that bound.
 */
import type { BlockDecl, ColumnKind, SumDecl } from '../formats/types';
import type { Range, Row } from '../model';
import { digitsOnly } from './cells';

export const RUN_LIMITS = { cellDigits: 6, runDigits: 42, nodes: 100_000 };

/**
 * Search nodes visited (cuts tried and combinations checked), for tests and the bench that bound the
 * work: `count` in all, `searches` the budgets opened (one per block read with a run), `most` the
 * most nodes one budget let visit (never more than its limit).
 */
export const runSteps = { count: 0, searches: 0, most: 0 };

/** A piece of a run: a token as written between separators (digits to cut, or an atomic value). */
export interface RunToken {
  range: Range;
  raw: string;
}

/** One reading of a run: a value and its text range per cell, in column order. */
export interface Cut {
  values: number[];
  ranges: Range[];
  raws: string[];
}

class Budget {
  used = 0;
  /** `metered` false: a search already counted (cuts built again after countCuts counted them). */
  constructor(
    readonly limit: number,
    readonly metered = true,
  ) {
    if (metered) runSteps.searches++;
  }
  /** Whether one more node may be visited; a node refused is not counted, so `used` never passes the limit. */
  spend(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    if (!this.metered) return true;
    runSteps.count++;
    if (this.used > runSteps.most) runSteps.most = this.used;
    return true;
  }
  /** `nodes` nodes spent at once, as many calls of spend() would: false, with the budget used up, when they are more than it has left. */
  spendMany(nodes: number): boolean {
    const spent = Math.min(nodes, this.limit - this.used);
    this.used += spent;
    if (this.metered && spent > 0) {
      runSteps.count += spent;
      if (this.used > runSteps.most) runSteps.most = this.used;
    }
    return spent === nodes;
  }
}

const isDigits = (s: string) => s.length > 0 && digitsOnly(s, 0, s.length);

/** A piece cut from a mixed token, as its column's kind allows it (no leading zeros, at most six digits). */
const PIECE: Record<ColumnKind, RegExp> = {
  count: /^(?:0|[1-9]\d{0,5})(?:件|条|个|项|次)?$/,
  signed: /^[+-]?(?:0|[1-9]\d{0,5})(?:件|条|个|项|次)?$/,
  money: /^(?:0|[1-9]\d{0,8})(?:\.\d{1,4})?(?:万元|亿元|元)?$/,
};

/** A cell cut from a token: its value (NaN: read later by its column's kind), range and text; `checked` by the row's own sums as soon as it is cut. */
interface Piece {
  value: number;
  range: Range;
  raw: string;
  checked: boolean;
}

/**
 * The ways to cut `tokens` into `n` cells, step by step: from (k, at), token k read up to `at`, with
 * `cells` cells cut, each next step to `visit` (a cell cut, or none when token k is done). One
 * definition for cutsOf, which walks the steps, and countCuts, which counts them.
 */
function stepper(tokens: RunToken[], n: number, kinds?: ColumnKind[]) {
  const plain = tokens.map((t) => isDigits(t.raw));
  // The fewest and most cells the tokens after k can still make.
  const minAfter: number[] = new Array(tokens.length + 1).fill(0);
  const maxAfter: number[] = new Array(tokens.length + 1).fill(0);
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    minAfter[k] = minAfter[k + 1]! + (plain[k] ? Math.ceil(t.raw.length / RUN_LIMITS.cellDigits) : 1);
    maxAfter[k] = maxAfter[k + 1]! + (plain[k] ? t.raw.length : 1);
  }
  return (k: number, at: number, cells: number, visit: (k: number, at: number, piece: Piece | null) => void): void => {
    const t = tokens[k]!;
    if (kinds && !plain[k] && t.raw.length > 1) {
      // A token with a sign, a fraction or a unit ("0-280", "0608808.13万元"): cut where each piece
      // is a value its column's kind allows; the sign opens a signed cell, the unit closes a cell.
      const rest = t.raw.length - at;
      if (rest === 0) {
        visit(k + 1, 0, null);
        return;
      }
      const kind = kinds[cells];
      if (!kind) return;
      for (let len = 1; len <= rest; len++) {
        const piece = t.raw.slice(at, at + len);
        if (!PIECE[kind].test(piece)) continue;
        if (cells + 1 + (len < rest ? 1 : 0) + minAfter[k + 1]! > n) continue;
        visit(k, at + len, { value: Number(piece.replace(/[^\d.+-]/g, '')), range: [t.range[0] + at, t.range[0] + at + len], raw: piece, checked: true });
      }
      return;
    }
    if (!plain[k]) {
      // An atomic token: its value is read later by the column's kind; a sign needs a signed column,
      // a fraction or a unit a money column.
      if (at !== 0) return;
      const kind = kinds?.[cells];
      if (kind && /^[+-]/.test(t.raw) && kind !== 'signed') return;
      if (kind && /[.万元]/.test(t.raw) && kind !== 'money') return;
      visit(k + 1, 0, { value: Number.NaN, range: t.range, raw: t.raw, checked: false });
      return;
    }
    const rest = t.raw.length - at;
    if (rest === 0) {
      visit(k + 1, 0, null);
      return;
    }
    // Cells still to make after this one must fit the digits and tokens left.
    for (let len = 1; len <= Math.min(rest, RUN_LIMITS.cellDigits); len++) {
      if (len > 1 && t.raw.charCodeAt(at) === 48) break;
      const after = cells + 1;
      const leftHere = rest - len;
      const minRest = (leftHere ? Math.ceil(leftHere / RUN_LIMITS.cellDigits) : 0) + minAfter[k + 1]!;
      const maxRest = leftHere + maxAfter[k + 1]!;
      if (after + minRest > n || after + maxRest < n) continue;
      const piece = t.raw.slice(at, at + len);
      visit(k, at + len, { value: Number(piece), range: [t.range[0] + at, t.range[0] + at + len], raw: piece, checked: true });
    }
  };
}

/** Whether `tokens` are too many digits, or too many tokens, to be cut into `n` cells at all. */
function uncuttable(tokens: RunToken[], n: number): boolean {
  let digits = 0;
  for (const t of tokens) digits += t.raw.length;
  return digits > RUN_LIMITS.runDigits || tokens.length > n;
}

/**
 * Every way to read `tokens` as `n` cells, or null when there are more than the budget allows.
 * A token of plain digits may be cut; any other token ("+3", "1.5万元") is one cell.
 */
export function cutsOf(tokens: RunToken[], n: number, budget: Budget, kinds?: ColumnKind[], own?: SumPlan[]): Cut[] | null {
  // The row's own sums, by the last column each needs: checked as soon as that cell is cut.
  const endsAt: { left: number[]; right: number[] }[][] = [];
  for (const p of own ?? []) {
    const last = Math.max(...p.left.map(([, j]) => j), ...p.right.map(([, j]) => j));
    (endsAt[last] ??= []).push({ left: p.left.map(([, j]) => j), right: p.right.map(([, j]) => j) });
  }
  /** Whether the sums that end at cell c hold over the cells cut so far (a value read later, NaN, holds). */
  const sumsHold = (values: number[], c: number): boolean => {
    for (const p of endsAt[c] ?? []) {
      let l = 0;
      let r = 0;
      for (const j of p.left) l += values[j]!;
      for (const j of p.right) r += values[j]!;
      if (Math.abs(l - r) > 1e-9) return false;
    }
    return true;
  };
  if (uncuttable(tokens, n)) return null;
  const out: Cut[] = [];
  const values: number[] = [];
  const ranges: Range[] = [];
  const raws: string[] = [];
  const steps = stepper(tokens, n, kinds);
  let ok = true;
  const walk = (k: number, at: number): void => {
    if (!ok) return;
    if (!budget.spend()) {
      ok = false;
      return;
    }
    if (k === tokens.length) {
      if (values.length === n) out.push({ values: [...values], ranges: [...ranges], raws: [...raws] });
      return;
    }
    steps(k, at, values.length, next);
  };
  /** The next step: a cell cut, kept while the row's own sums it completes hold; then the rest from (k, at). */
  const next = (k: number, at: number, piece: Piece | null): void => {
    if (!piece) {
      walk(k, at);
      return;
    }
    values.push(piece.value);
    if (!piece.checked || sumsHold(values, values.length - 1)) {
      ranges.push(piece.range);
      raws.push(piece.raw);
      walk(k, at);
      ranges.pop();
      raws.pop();
    }
    values.pop();
  };
  walk(0, 0);
  return ok ? out : null;
}

/**
 * How many cuts cutsOf(tokens, n, budget, kinds) finds, with no own sums, or null past the budget:
 * the same nodes spent (counted by state, not walked one by one), no cut built. For a row whose own
 * sums no cut satisfies, whose cuts the search may never need (see `combine`).
 */
export function countCuts(tokens: RunToken[], n: number, budget: Budget, kinds?: ColumnKind[]): number | null {
  if (uncuttable(tokens, n)) return null;
  const steps = stepper(tokens, n, kinds);
  // Nodes and cuts below (k, at) with `cells` cut: the same for every way there.
  const memo = new Map<number, [number, number]>();
  const width = Math.max(0, ...tokens.map((t) => t.raw.length)) + 1;
  // Each cell takes a character at least: never more cells than characters.
  const most = tokens.reduce((a, t) => a + t.raw.length, 0) + 1;
  const count = (k: number, at: number, cells: number): [number, number] => {
    if (k === tokens.length) return [1, cells === n ? 1 : 0];
    const key = (k * width + at) * most + cells;
    const known = memo.get(key);
    if (known) return known;
    const sum: [number, number] = [1, 0];
    steps(k, at, cells, (k2, at2, piece) => {
      const [nodes, cuts] = count(k2, at2, piece ? cells + 1 : cells);
      sum[0] += nodes;
      sum[1] += cuts;
    });
    memo.set(key, sum);
    return sum;
  };
  const [nodes, cuts] = count(0, 0, 0);
  return budget.spendMany(nodes) ? cuts : null;
}

/**
 * The cuts of one run of digits into `n` cells whose last is the sum of the others (表三's rows):
 * the total is taken from the end first, and a cut stops as soon as its cells exceed it. Far fewer
 * nodes than every cut (a 16-digit run into 7 cells has 5,005 cuts), so a table whose every row ran
 * together stays within the budget. Null past the budget.
 */
export function cutsWithTotal(token: RunToken, n: number, budget: Budget): Cut[] | null {
  const raw = token.raw;
  const len = raw.length;
  if (len > RUN_LIMITS.runDigits || len < n || len > n * RUN_LIMITS.cellDigits) return null;
  const out: Cut[] = [];
  const values: number[] = [];
  const ranges: Range[] = [];
  const raws: string[] = [];
  let ok = true;
  const walk = (at: number, end: number, sum: number, total: number): void => {
    if (!ok) return;
    if (!budget.spend()) {
      ok = false;
      return;
    }
    const cells = values.length;
    if (cells === n - 1) {
      if (at === end && sum === total)
        out.push({ values: [...values, total], ranges: [...ranges, [token.range[0] + end, token.range[1]]], raws: [...raws, raw.slice(end)] });
      return;
    }
    const left = end - at;
    const cellsLeft = n - 1 - cells;
    for (let l = 1; l <= Math.min(left, RUN_LIMITS.cellDigits); l++) {
      const piece = raw.slice(at, at + l);
      if (l > 1 && piece[0] === '0') break;
      const rest = left - l;
      if (rest < cellsLeft - 1 || rest > (cellsLeft - 1) * RUN_LIMITS.cellDigits) continue;
      const v = Number(piece);
      if (sum + v > total) break;
      // The cells still to cut can add at most c numbers of (digits left - c + 1) digits each.
      const c = cellsLeft - 1;
      if (c > 0 ? sum + v + c * (10 ** Math.min(RUN_LIMITS.cellDigits, rest - c + 1) - 1) < total : rest === 0 && sum + v !== total) continue;
      values.push(v);
      ranges.push([token.range[0] + at, token.range[0] + at + l]);
      raws.push(piece);
      walk(at + l, end, sum + v, total);
      values.pop();
      ranges.pop();
      raws.pop();
    }
  };
  for (let l = 1; l <= Math.min(RUN_LIMITS.cellDigits, len - (n - 1)); l++) {
    const end = len - l;
    if (l > 1 && raw[end] === '0') continue;
    if (end > (n - 1) * RUN_LIMITS.cellDigits) continue;
    walk(0, end, 0, Number(raw.slice(end)));
    if (!ok) return null;
  }
  return out;
}

/** Whether a plan is a row's own total in its last column over all its other columns. */
function isRowTotal(p: SumPlan, index: number, n: number): boolean {
  if (p.ownRow !== index || p.left.length !== 1 || p.left[0]![1] !== n - 1 || p.right.length !== n - 1) return false;
  return p.right.every(([i, j], k) => i === index && j === k);
}

/** What became of a block's rows whose numbers ran together. */
export interface RunOutcome {
  /** Rows read: one cut each (its cells decided by the sums when the run was cut). */
  decided: Map<Row, Cut>;
  /** Rows with several readings the sums leave open (each a cut). */
  ambiguous: Map<Row, Cut[]>;
  /** Rows no reading explains, or past the bounds. */
  unreadable: Set<Row>;
  /** Of those, the rows past the bounds: too many readings to try, not none that holds. */
  beyond: Set<Row>;
}

export interface SumPlan {
  left: [number, number][];
  right: [number, number][];
  /** Whether every cell of the sum lies in one row (a row's own total). */
  ownRow: number | null;
}

const PLANS = new WeakMap<BlockDecl, SumPlan[]>();

/** A block's sums as (row, column) indices, worked out once per declaration: callers read them, never change them. */
export function planSums(decl: BlockDecl): SumPlan[] {
  let plans = PLANS.get(decl);
  if (!plans) PLANS.set(decl, (plans = planOf(decl)));
  return plans;
}

function planOf(decl: BlockDecl): SumPlan[] {
  const rowIndex = new Map(decl.rows.map((r, i) => [r.id, i]));
  const colIndex = new Map(decl.columns.map((c, i) => [c.id, i]));
  const at = (r: SumDecl['left'][number]): [number, number] => [rowIndex.get(r.row)!, colIndex.get(r.col)!];
  return decl.sums.map((s) => {
    const left = s.left.map(at);
    const right = s.right.map(at);
    const rowsOf = new Set([...left, ...right].map(([r]) => r));
    return { left, right, ownRow: rowsOf.size === 1 ? [...rowsOf][0]! : null };
  });
}

/** Whether a sum has a cell in row `index`. */
const touches = (p: SumPlan, index: number) => p.left.some(([i]) => i === index) || p.right.some(([i]) => i === index);

/** Σ left = Σ right over a grid, or null when a cell is not known. */
export function holds(p: SumPlan, grid: (number | null)[][]): boolean | null {
  // Indexed loops: the run search calls this most of all (a profile's first line).
  const l = sumOf(p.left, grid);
  if (l === null) return null;
  const r = sumOf(p.right, grid);
  if (r === null) return null;
  return Math.abs(l - r) < 1e-9;
}

function sumOf(cells: [number, number][], grid: (number | null)[][]): number | null {
  let sum = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    const v = grid[c[0]]?.[c[1]];
    if (v === null || v === undefined || Number.isNaN(v)) return null;
    sum += v;
  }
  return sum;
}

/** The most readings of one row kept to name in a finding. */
const NAMED = 6;

/**
 * Decides a block's run-together rows. `runs` holds each such row's tokens; the other rows' cells
 * are read as they stand. The rows themselves are not changed: the caller applies the outcome.
 */
export function resolveRuns(decl: BlockDecl, rows: Row[], runs: Map<Row, RunToken[]>): RunOutcome {
  const outcome: RunOutcome = { decided: new Map(), ambiguous: new Map(), unreadable: new Set(), beyond: new Set() };
  if (!runs.size) return outcome;
  const n = decl.columns.length;
  const plans = planSums(decl);
  const rowIndex = new Map(decl.rows.map((r, i) => [r.id, i]));
  const budget = new Budget(RUN_LIMITS.nodes);
  // The grid of what is known: certain rows' values; run rows filled in during the search.
  const grid: (number | null)[][] = decl.rows.map(() => new Array<number | null>(n).fill(null));
  for (const r of rows) {
    if (runs.has(r)) continue;
    const i = rowIndex.get(r.decl.id);
    if (i === undefined) continue;
    r.cells.forEach((c, j) => {
      grid[i]![j] = c.state === 'ok' && c.confidence === 'certain' ? c.value : null;
    });
  }
  // Each run row's readings, and those its own sums allow.
  const open: Open[] = [];
  const alternatives = new Map<Row, number>();
  const kinds = decl.columns.map((c) => c.kind);
  for (const [row, tokens] of runs) {
    const index = rowIndex.get(row.decl.id)!;
    // One run of digits in a row with its own total: the cuts the total allows, found directly.
    const mine = plans.filter((p) => p.ownRow === index);
    // The cuts the row's own sums allow, found directly (one run with its total last, or pruned as
    // each sum's cells are cut); every cut only when none does (the total may be the error).
    const byOwn = !mine.length
      ? null
      : tokens.length === 1 && isDigits(tokens[0]!.raw) && mine.some((p) => isRowTotal(p, index, n))
        ? cutsWithTotal(tokens[0]!, n, budget)
        : cutsOf(tokens, n, budget, kinds, mine);
    if (byOwn?.length === 0) {
      // Its own sums hold for no cut: its cuts are counted, and built only if the search needs them
      // (a row with no cut of its own may be such that no combination can use it).
      const count = countCuts(tokens, n, budget, kinds);
      if (!count) {
        outcome.unreadable.add(row);
        if (count === null) outcome.beyond.add(row);
        continue;
      }
      alternatives.set(row, count);
      open.push({ row, index, all: () => cutsOf(tokens, n, new Budget(Number.POSITIVE_INFINITY, false), kinds)!, own: [] });
      continue;
    }
    const all = byOwn?.length ? byOwn : cutsOf(tokens, n, budget, kinds);
    if (!all?.length) {
      outcome.unreadable.add(row);
      if (!all) outcome.beyond.add(row);
      continue;
    }
    // Cut by its own sums, the run has other cuts as well (where they do not hold) once it has more digits than cells.
    alternatives.set(row, all.length + (all === byOwn && tokens.reduce((a, t) => a + t.raw.length, 0) > n ? 1 : 0));
    // A row's own sums (its 总计) must speak for a cut: a row without one (表二) has no evidence of its own.
    const own = mine.length
      ? all.filter((c) => {
          grid[index] = c.values;
          return mine.every((p) => holds(p, grid) === true);
        })
      : [];
    grid[index] = new Array<number | null>(n).fill(null);
    if (own.length === 1) outcome.decided.set(row, own[0]!);
    else if (!plans.some((p) => touches(p, index))) {
      // No sum speaks for the row (表二): only its columns' kinds do. One cut they allow is the
      // reading; several are named.
      const distinct = uniqueCuts(all);
      if (distinct.length === 1) outcome.decided.set(row, distinct[0]!);
      else outcome.ambiguous.set(row, distinct.slice(0, NAMED));
    } else open.push({ row, index, all, own });
  }
  if (!open.length) return confirmed(outcome, alternatives, plans, grid, rowIndex, runs);
  // Decided rows join the grid; the open rows are searched together against the other sums.
  for (const [row, cut] of outcome.decided) grid[rowIndex.get(row.decl.id)!] = cut.values;
  const choices = open.map((o) => (o.own.length ? o.own : o.all));
  const { found, complete } = combine(open, choices, plans, grid, budget);
  open.forEach((o, k) => {
    if (complete && found.length) {
      const distinct = uniqueCuts(found.map((f) => f[k]!));
      if (distinct.length === 1) outcome.decided.set(o.row, distinct[0]!);
      else outcome.ambiguous.set(o.row, distinct.slice(0, NAMED));
      return;
    }
    // No combination holds (or too many to try): the row's own sums are all that speak.
    if (o.own.length > 1) outcome.ambiguous.set(o.row, uniqueCuts(o.own).slice(0, NAMED));
    else {
      outcome.unreadable.add(o.row);
      if (!complete) outcome.beyond.add(o.row);
    }
  });
  return confirmed(outcome, alternatives, plans, grid, rowIndex, runs);
}

/**
 * A row whose numbers ran together that its own sums leave open: its readings (built when first
 * needed where its own sums allow none), and those its own sums allow.
 */
export interface Open {
  row: Row;
  index: number;
  all: Cut[] | (() => Cut[]);
  own: Cut[];
}

/**
 * The combinations of the open rows' readings (one of `lazyChoices[k]` for open row k, in that
 * order, built when past the checks that need none) that the sums across rows allow, found depth
 * first; `complete` false when the budget ran out or
 * more than 64 were found. `grid` holds the other rows' values; an open row's is blank while it is
 * not chosen, and again when the search returns.
 *
 * Pruning that never cuts a combination the search would keep, so `found` is what the plain search
 * finds, in the same order, in fewer nodes (a report whose blank cells the text dropped made the
 * plain search run to its bound, 100,000 nodes, without a combination in reach):
 * - a row its own sums contradict for every cut is read only where a sum across rows, fully known,
 *   confirms it; a sum with a cell no choice fills (a blank or unsure cell of a row read as it
 *   stands) is never fully known, so a row whose every sum is of that kind rules out every
 *   combination before any node;
 * - a sum across rows that breaks before any choice breaks under every choice;
 * - a sum whose cells are all known or in open rows, some not chosen yet, is checked on bounds:
 *   each unchosen cell lies between the least and greatest value its row's readings give it, and a
 *   branch stops when no such values can make the two sides equal.
 */
export function combine(
  open: Open[],
  lazyChoices: Open['all'][],
  plans: SumPlan[],
  grid: (number | null)[][],
  budget: Budget,
): { found: Cut[][]; complete: boolean } {
  const found: Cut[][] = [];
  const shared = plans.filter((p) => p.ownRow === null);
  // A choice for open row k can only change the sums that touch its row: those are checked at
  // depth k; the others were checked where their last row was chosen, or, touching no open row,
  // once here.
  const touchingAt = open.map((o) => shared.filter((p) => touches(p, o.index)));
  if (!shared.every((p) => holds(p, grid) !== false)) return { found, complete: true };
  const rank = new Map(open.map((o, k) => [o.index, k]));
  /** A cell no choice fills and no value is known for: its sum is never fully known. */
  const unknown = ([i, j]: [number, number]) => {
    if (rank.has(i)) return false;
    const v = grid[i]?.[j];
    return v === null || v === undefined || Number.isNaN(v);
  };
  const knowable = (p: SumPlan) => !p.left.some(unknown) && !p.right.some(unknown);
  if (open.some((o, x) => !o.own.length && !touchingAt[x]!.some(knowable))) return { found, complete: true };
  const choices = lazyChoices.map((c) => (typeof c === 'function' ? c() : c));
  const n = grid[0]?.length ?? 0;
  // The least and greatest value of each open row's cells over its readings (a value read later,
  // NaN: unbounded), worked out when a bound first needs them.
  const lo: number[][] = [];
  const hi: number[][] = [];
  const bound = (k: number): void => {
    const l = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const h = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
    for (const c of choices[k]!)
      for (let j = 0; j < n; j++) {
        const v = c.values[j]!;
        l[j] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : Math.min(l[j]!, v);
        h[j] = Number.isNaN(v) ? Number.POSITIVE_INFINITY : Math.max(h[j]!, v);
      }
    lo[k] = l;
    hi[k] = h;
  };
  // Each sum as signed terms (left +, right −): a known row's cell, or an open row's by its rank.
  const terms = shared.map((p) =>
    [...p.left.map(([i, j]) => [i, j, 1] as const), ...p.right.map(([i, j]) => [i, j, -1] as const)].map(([i, j, sign]) => ({
      i,
      j,
      sign,
      rank: rank.get(i) ?? -1,
    })),
  );
  const bounded = shared.map(knowable);
  // At depth k, the sums touching row k that rows chosen later still fill.
  const termsAt = open.map((_, k) =>
    shared.flatMap((p, s) => (bounded[s] && touchingAt[k]!.includes(p) && terms[s]!.some((t) => t.rank > k) ? [terms[s]!] : [])),
  );
  /** Whether the cells of rows chosen after depth k can still make Σ left − Σ right zero. */
  const reachable = (ts: (typeof terms)[number], k: number): boolean => {
    let min = 0;
    let max = 0;
    for (let t = 0; t < ts.length; t++) {
      const { i, j, sign, rank: r } = ts[t]!;
      if (r > k) {
        if (!lo[r]) bound(r);
        const a = lo[r]![j]!;
        const b = hi[r]![j]!;
        if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
        if (sign > 0) {
          min += a;
          max += b;
        } else {
          min -= b;
          max -= a;
        }
      } else {
        const v = grid[i]![j]!;
        if (Number.isNaN(v)) return true;
        min += sign * v;
        max += sign * v;
      }
    }
    return min <= SLACK && max >= -SLACK;
  };
  const blank = new Array<number | null>(n).fill(null);
  let complete = true;
  const pick: Cut[] = [];
  const search = (k: number): void => {
    if (!complete) return;
    if (k === open.length) {
      // A row its own total contradicts for every cut is read only where another sum, fully
      // known, confirms the reading: without such evidence nothing decides it.
      for (let x = 0; x < open.length; x++) {
        if (open[x]!.own.length) continue;
        if (!touchingAt[x]!.some((p) => holds(p, grid) === true)) return;
      }
      found.push([...pick]);
      // More combinations than can be named: the search says nothing it cannot finish.
      if (found.length > 64) complete = false;
      return;
    }
    for (const c of choices[k]!) {
      if (!budget.spend()) {
        complete = false;
        return;
      }
      grid[open[k]!.index] = c.values;
      // Prune on every sum the rows chosen so far complete, and on the bounds of those they do not.
      if (touchingAt[k]!.every((p) => holds(p, grid) !== false) && termsAt[k]!.every((ts) => reachable(ts, k))) {
        pick.push(c);
        search(k + 1);
        pick.pop();
      }
      grid[open[k]!.index] = blank;
      if (!complete) return;
    }
  };
  search(0);
  return { found, complete };
}

/** How far apart the bounds of a sum's two sides may be and still be taken to meet (holds allows 1e-9). */
const SLACK = 1e-6;

/**
 * The last check of the rows read by cutting: a row whose digits could be cut another way, on a
 * sum across rows that is fully known and breaks, is no longer taken as read (the break may be
 * the cut's, "11 0 0 0 0 112" being 11…112 with a blank total as well as 11…1 and 12). A row with
 * one possible cut keeps it: the break is then the report's.
 */
function confirmed(
  outcome: RunOutcome,
  alternatives: Map<Row, number>,
  plans: SumPlan[],
  grid: (number | null)[][],
  rowIndex: Map<string, number>,
  runs: Map<Row, RunToken[]>,
): RunOutcome {
  for (const [row, cut] of outcome.decided) grid[rowIndex.get(row.decl.id)!] = cut.values;
  const shared = plans.filter((p) => p.ownRow === null);
  for (const [row, cut] of [...outcome.decided]) {
    if ((alternatives.get(row) ?? 1) < 2) continue;
    const idx = rowIndex.get(row.decl.id)!;
    const touching = shared.filter((p) => touches(p, idx));
    // Numbers written apart ("11 0 0 0 0 112") but fewer than the columns: a cell left blank is as
    // likely as two cells run together, and the row's own total can hold by chance ("1" and "12"). A
    // cut inside such a token stands only where a sum across the rows, fully known, confirms it.
    const tokens = runs.get(row)?.length ?? 1;
    const unconfirmed = tokens > 1 && cut.values.length > tokens && !touching.some((p) => holds(p, grid) === true);
    if (unconfirmed || touching.some((p) => holds(p, grid) === false)) {
      outcome.decided.delete(row);
      outcome.unreadable.add(row);
    }
  }
  return outcome;
}

function uniqueCuts(cuts: Cut[]): Cut[] {
  const seen = new Map<string, Cut>();
  for (const c of cuts) {
    const key = c.raws.join('|');
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}

export { Budget };
