/**
 * The arithmetic of a report's tables: every declared sum evaluated, and error localisation in the
 * spirit of Fellegi–Holt: the single cell whose one new value repairs every broken sum it lies on.
 */
import type { BlockDecl, CellRef, SumDecl } from './formats/types';
import type { Block, Cell, Report, Row } from './model';

export interface SumEval {
  decl: SumDecl;
  block: Block;
  /** Cells of each side as found (a missing row gives no cell). */
  left: (Cell | undefined)[];
  right: (Cell | undefined)[];
  /** Whether every cell of the sum was read with certainty (its block is certain); else it is not evaluated. */
  certain: boolean;
  evaluable: boolean;
  leftSum: number;
  rightSum: number;
  holds: boolean;
  /** The anchor (total) cell, if present. */
  anchor: Cell | undefined;
}

export interface Culprit {
  cell: Cell;
  row: Row;
  block: Block;
  /** The value that repairs every broken sum the cell lies on. */
  value: number;
  /** How many broken sums it repairs. */
  repairs: number;
}

export interface Arith {
  sums: SumEval[];
  broken: SumEval[];
  /** The cell to blame for a broken sum, or null when no single cell explains it. */
  culprit: Map<SumEval, Culprit | null>;
  /** Sums each cell lies on. */
  readonly sumsOf: Map<Cell, SumEval[]>;
  /** Values that fill blank or invalid cells so that their sums hold, where the sums determine them. */
  fill: Map<Cell, number>;
  readonly rowOf: Map<Cell, Row>;
}

/**
 * The arithmetic of one report. Which sums a cell lies on and which row it stands in are maps
 * over every cell: they are built the first time they are asked for (most reports add up, and
 * then nothing asks). Built, they are own fields, so a structured clone (a worker's result) keeps
 * them; `restoreArith` gives the clone its methods back.
 */
class ArithResult implements Arith {
  culprit = new Map<SumEval, Culprit | null>();
  fill = new Map<Cell, number>();
  private sumsOfMap: Map<Cell, SumEval[]> | null = null;
  private rowOfMap: Map<Cell, Row> | null = null;
  constructor(
    readonly sums: SumEval[],
    readonly broken: SumEval[],
    private readonly blocks: Block[],
  ) {}
  get sumsOf(): Map<Cell, SumEval[]> {
    if (!this.sumsOfMap) {
      const m = new Map<Cell, SumEval[]>();
      for (const ev of this.sums) {
        for (const side of [ev.left, ev.right]) {
          for (const c of side) {
            if (!c) continue;
            const list = m.get(c);
            if (list) list.push(ev);
            else m.set(c, [ev]);
          }
        }
      }
      this.sumsOfMap = m;
    }
    return this.sumsOfMap;
  }
  get rowOf(): Map<Cell, Row> {
    if (!this.rowOfMap) {
      const m = new Map<Cell, Row>();
      for (const b of this.blocks) for (const r of b.rows) for (const c of r.cells) m.set(c, r);
      this.rowOfMap = m;
    }
    return this.rowOfMap;
  }
  /** Builds the lazy maps, so that a structured clone carries them. */
  complete(): this {
    void this.sumsOf;
    void this.rowOf;
    return this;
  }
}

/** A structured clone of an analysis (from a worker) with its methods back. */
export function restoreArith(arith: Arith): Arith {
  return Object.setPrototypeOf(arith, ArithResult.prototype) as Arith;
}

/** Builds an analysis' lazy maps before it is sent to another thread. */
export function completeArith(arith: Arith): Arith {
  return arith instanceof ArithResult ? arith.complete() : arith;
}

function known(c: Cell | undefined): c is Cell {
  return !!c && c.state === 'ok' && c.value !== null;
}

/**
 * A block's sums as positions in a flat grid (row index × columns + column index), worked out once
 * per block declaration: evaluating them then costs no lookups by name.
 */
interface Plan {
  rowIndex: Map<string, number>;
  sums: { left: number[]; right: number[]; anchor: number }[];
}
const PLANS = new WeakMap<BlockDecl, Plan>();
function planOf(decl: BlockDecl): Plan {
  let plan = PLANS.get(decl);
  if (!plan) {
    const n = decl.columns.length;
    const rowIndex = new Map(decl.rows.map((r, i) => [r.id, i]));
    const colIndex = new Map(decl.columns.map((c, i) => [c.id, i]));
    const pos = (r: CellRef) => rowIndex.get(r.row)! * n + colIndex.get(r.col)!;
    plan = { rowIndex, sums: decl.sums.map((s) => ({ left: s.left.map(pos), right: s.right.map(pos), anchor: pos(s.anchor) })) };
    PLANS.set(decl, plan);
  }
  return plan;
}

const sum = (cells: (Cell | undefined)[], values: Map<Cell, number>) => cells.reduce((a, c) => a + (c ? (values.get(c) ?? c.value ?? 0) : 0), 0);

export function analyse(report: Report): Arith {
  const sums: SumEval[] = [];
  const broken: SumEval[] = [];
  const blocks: Block[] = [];
  for (const t of report.tables) for (const b of t.blocks) blocks.push(b);
  for (const block of blocks) {
    const plan = planOf(block.decl);
    const certain = block.confidence === 'certain';
    const n = block.decl.columns.length;
    const grid: (Cell | undefined)[] = new Array(block.decl.rows.length * n);
    for (const r of block.rows) {
      const base = plan.rowIndex.get(r.decl.id)! * n;
      for (let k = 0; k < r.cells.length; k++) grid[base + k] = r.cells[k];
    }
    for (let si = 0; si < block.decl.sums.length; si++) {
      const decl = block.decl.sums[si]!;
      const p = plan.sums[si]!;
      const left = new Array<Cell | undefined>(p.left.length);
      const right = new Array<Cell | undefined>(p.right.length);
      let evaluable = certain;
      let leftSum = 0;
      let rightSum = 0;
      for (let k = 0; k < p.left.length; k++) {
        const c = (left[k] = grid[p.left[k]!]);
        if (known(c)) leftSum += c.value!;
        else evaluable = false;
      }
      for (let k = 0; k < p.right.length; k++) {
        const c = (right[k] = grid[p.right[k]!]);
        if (known(c)) rightSum += c.value!;
        else evaluable = false;
      }
      if (!evaluable) leftSum = rightSum = 0;
      const ev: SumEval = {
        decl,
        block,
        left,
        right,
        certain,
        evaluable,
        leftSum,
        rightSum,
        holds: evaluable && Math.abs(leftSum - rightSum) < 1e-9,
        anchor: grid[p.anchor],
      };
      sums.push(ev);
      if (evaluable && !ev.holds) broken.push(ev);
    }
  }
  const arith = new ArithResult(sums, broken, blocks);
  arith.fill = fillBlanks(sums, arith);
  arith.culprit = localise(broken, arith);
  return arith;
}

/** The value `cell` needs for `s` to hold, the other cells as they are (or filled). */
export function solveFor(s: SumEval, cell: Cell, values: Map<Cell, number> = new Map()): number {
  const cur = values.get(cell) ?? cell.value ?? 0;
  const l = sum(s.left, values);
  const r = sum(s.right, values);
  return s.left.includes(cell) ? cur + (r - l) : cur + (l - r);
}

function localise(broken: SumEval[], arith: Arith): Map<SumEval, Culprit | null> {
  const result = new Map<SumEval, Culprit | null>();
  if (!broken.length) return result;
  const { sumsOf, rowOf, fill } = arith;
  const brokenSet = new Set(broken);
  const candidates: Culprit[] = [];
  const seen = new Set<Cell>();
  for (const s of broken) {
    for (const c of [...s.left, ...s.right]) {
      if (!c || seen.has(c)) continue;
      seen.add(c);
      // In a row that lacks cells, which column a cell stands in is a guess: not a culprit.
      if (rowOf.get(c)?.cells.some((x) => x.state === 'missing')) continue;
      // A sum whose blanks the fills complete holds with them: fix-all applies both.
      const complete = (x: SumEval) => x.evaluable || [...x.left, ...x.right].every((d) => d && (known(d) || fill.has(d)));
      const on = (sumsOf.get(c) ?? []).filter(complete);
      // Changing the cell would break any sum of its that holds now.
      if (!on.every((x) => brokenSet.has(x))) continue;
      const values = on.map((x) => solveFor(x, c));
      const v = values[0]!;
      if (!values.every((x) => Math.abs(x - v) < 1e-9)) continue;
      if (c.col.kind === 'count' && (v < 0 || !Number.isInteger(v))) continue;
      candidates.push({ cell: c, row: rowOf.get(c)!, block: on[0]!.block, value: v, repairs: on.length });
    }
  }
  const isTotal = (c: Cell) => (sumsOf.get(c) ?? []).some((s) => s.anchor === c);
  for (const s of broken) {
    const mine = candidates.filter((k) => s.left.includes(k.cell) || s.right.includes(k.cell));
    if (!mine.length) {
      result.set(s, null);
      continue;
    }
    const most = Math.max(...mine.map((k) => k.repairs));
    let top = mine.filter((k) => k.repairs === most);
    if (top.length > 1) {
      // Several cells explain the breaks equally well: a total is the likelier slip.
      const totals = top.filter((k) => k.cell === s.anchor || isTotal(k.cell));
      if (totals.length === 1) top = totals;
    }
    result.set(s, top.length === 1 ? top[0]! : null);
  }
  return result;
}

/** Blank or invalid cells whose sums determine them, filled by propagation; all others none. */
function fillBlanks(sums: SumEval[], arith: Arith): Map<Cell, number> {
  const fill = new Map<Cell, number>();
  // Nothing to fill in a table without blank or invalid cells (the usual case).
  const needs = (c: Cell | undefined) => !!c && (c.state === 'blank' || c.state === 'invalid');
  if (!sums.some((s) => s.certain && !s.evaluable && (s.left.some(needs) || s.right.some(needs)))) return fill;
  const rowOf = arith.rowOf;
  const isKnown: (c: Cell | undefined) => boolean = known;
  // Cells the sums cannot determine: in a row that lacks cells (which column a cell stands in is a
  // guess there), or on a sum that cells filled together would break.
  const blocked = new Set<Cell>();
  const open = (c: Cell) => (c.state === 'blank' || c.state === 'invalid') && !blocked.has(c) && !rowOf.get(c)?.cells.some((x) => x.state === 'missing');
  const unknown = (c: Cell | undefined) => !!c && !isKnown(c) && !fill.has(c) && open(c);
  const usable = (s: SumEval) => s.certain && [...s.left, ...s.right].every((c) => c && (isKnown(c) || fill.has(c) || open(c)));
  let progress = true;
  for (let round = 0; progress && round < 8; round++) {
    progress = false;
    const next = new Map<Cell, number[]>();
    for (const s of sums) {
      if (!usable(s)) continue;
      // A holding or broken sum with exactly one unknown cell determines it.
      const unknowns = [...s.left, ...s.right].filter(unknown) as Cell[];
      if (unknowns.length !== 1) continue;
      const c = unknowns[0]!;
      const values = new Map(fill);
      values.set(c, 0);
      const v = solveFor(s, c, values);
      const list = next.get(c) ?? [];
      list.push(v);
      next.set(c, list);
    }
    const added = new Set<Cell>();
    for (const [c, vs] of next) {
      const v = vs[0]!;
      // Sums that disagree (another error nearby) determine nothing.
      if (!vs.every((x) => Math.abs(x - v) < 1e-9)) continue;
      if (c.col.kind === 'count' && (v < 0 || !Number.isInteger(v))) continue;
      fill.set(c, v);
      added.add(c);
      progress = true;
    }
    // Cells filled in the same round, each from its own sum, may complete a sum between them that
    // none was checked against: if it does not hold, none of them is determined.
    if (added.size < 2) continue;
    for (const s of sums) {
      const cells = [...s.left, ...s.right];
      if (cells.filter((c) => c && added.has(c)).length < 2) continue;
      if (!cells.every((c) => c && (isKnown(c) || fill.has(c)))) continue;
      if (Math.abs(sum(s.left, fill) - sum(s.right, fill)) < 1e-9) continue;
      for (const c of cells) {
        if (!c || !added.has(c)) continue;
        fill.delete(c);
        blocked.add(c);
      }
    }
  }
  return fill;
}
