/**
 * Numbers that stand apart from their labels. A PDF's text in stream order (pdftotext without
 * -layout) often writes a stretch of rows as a lump of numbers and their labels after it, or puts
 * the first rows' labels after the rest of the table. When the labels found give some rows no value
 * at all while numbers of the table's span belong to no cell, either:
 *
 * - a lump of exactly as many numbers as a run of such rows has cells, in the same order as the
 *   runs, is those rows' numbers row by row — taken only where the arithmetic vouches for it
 *   (every row's own total holds, and no sum the new cells complete breaks); or
 * - the rows stay without values, and are marked as read out of order (`unclear: 'order'`):
 *   their cells are not claimed blank, the rows not claimed missing, and the table is uncertain.
 *
 * Values never move to close a gap: only whole lumps, matched by their size, are placed.
 */
import type { BlockDecl, RowDecl } from '../formats/types';
import type { Range, Row } from '../model';
import { digitsOnly, makeCell, type Slot } from './cells';
import { occurrences, View } from './labels';
import { holds, planSums } from './runs';
import type { ParseContext } from './tables';

interface Token {
  range: Range;
  raw: string;
}

/** White space, a pipe or a full-width space ends a token. */
function isTokenBreak(c: number): boolean {
  return c === 32 || c === 9 || c === 124 || c === 0x3000 || c === 10 || c === 13;
}

/**
 * Every token of [from, to) — a stretch between white space or pipes — on the lines not ignored
 * (page numbers, form feeds), in order; `visit` returns false to stop.
 */
export function eachToken(ctx: ParseContext, from: number, to: number, visit: (i: number, j: number) => boolean | undefined): void {
  const { text, lines, ignored } = ctx;
  for (let l = lines.lineAt(from); l < lines.count && lines.start(l) < to; l++) {
    if (ignored.has(l)) continue;
    const s = Math.max(lines.start(l), from);
    const e = Math.min(lines.end(l), to);
    for (let i = s; i < e; ) {
      let j = i;
      while (j < e && !isTokenBreak(text.charCodeAt(j))) j++;
      if (j > i && visit(i, j) === false) return;
      i = j + 1;
    }
  }
}

/** A number as a cell holds it: up to six digits, or a signed count, an amount with decimals and a unit (表二). */
function isNumberToken(text: string, i: number, j: number): boolean {
  if (j - i <= 6 && digitsOnly(text, i, j)) return true;
  return j - i <= 16 && /^(?:[+-]\d{1,6}|\d{1,9}\.\d{1,4}(?:万元|亿元|元)?|\d{1,9}(?:万元|亿元|元))$/.test(text.slice(i, j));
}

/** Whether a row was given no value at all: every cell missing (a blank cell is a value: it was written). */
export const valueless = (r: Row) => r.cells.every((c) => c.state === 'missing');

/** The ranges the rows' cells already hold. */
function takenRanges(rows: Row[]): Range[] {
  const out: Range[] = [];
  for (const r of rows) {
    if (r.ambiguous) out.push(r.ambiguous.range);
    if (r.run) out.push(r.run);
    for (const c of r.cells) if (c.state !== 'missing' && c.range[1] > c.range[0]) out.push(c.range);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * The numbers of [from, to) that no cell holds, as lumps: numbers with only white space (or
 * ignored lines: page numbers, form feeds) between them. Any other text, or a number a cell holds,
 * ends a lump.
 */
function strayLumps(ctx: ParseContext, rows: Row[], from: number, to: number): Token[][] {
  const { text } = ctx;
  const taken = takenRanges(rows);
  let t = 0;
  const lumps: Token[][] = [];
  let lump: Token[] = [];
  const close = () => {
    if (lump.length) lumps.push(lump);
    lump = [];
  };
  eachToken(ctx, from, to, (i, j) => {
    while (t < taken.length && taken[t]![1] <= i) t++;
    const held = t < taken.length && taken[t]![0] < j;
    if (!held && isNumberToken(text, i, j)) lump.push({ range: [i, j], raw: text.slice(i, j) });
    else close();
    return true;
  });
  close();
  return lumps;
}

/** Where a declared row's label stands in [from, to), in any order, outside the labels already found. */
function labelAnywhere(ctx: ParseContext, rd: RowDecl, rows: Row[], from: number, to: number): Range | null {
  const view = View.of(ctx.labels, from, to);
  for (const [i, j] of occurrences(view, rd.labels)) {
    const r = view.range(i, j);
    if (!rows.some((x) => x.label[0] < r[1] && r[0] < x.label[1])) return r;
  }
  return null;
}

/** A row made of a lump's numbers, read in order. */
function lumpRow(rd: RowDecl, decl: BlockDecl, label: Range, tokens: Token[]): Row {
  const cells = decl.columns.map((c, j) => {
    const tk = tokens[j]!;
    const slot: Slot = { range: tk.range, raw: tk.raw, blank: false, piped: false, spaced: false };
    return makeCell(c, slot, label[1]);
  });
  const first = tokens[0]!.range[0];
  const last = tokens[tokens.length - 1]!.range[1];
  return {
    decl: rd,
    label,
    cells,
    range: [Math.min(label[0], first), Math.max(label[1], last)],
    ambiguous: null,
    confidence: 'certain',
    unclear: null,
    run: null,
  };
}

/** A row whose label stands out of order and whose numbers could not be told: nothing claimed of it. */
function orderRow(rd: RowDecl, decl: BlockDecl, label: Range): Row {
  const cells = decl.columns.map((c) => {
    const cell = makeCell(c, undefined, label[1]);
    cell.confidence = 'uncertain';
    return cell;
  });
  return { decl: rd, label, cells, range: label, ambiguous: null, confidence: 'uncertain', unclear: 'order', run: null };
}

/** Whether placing `placed` keeps the arithmetic: each new row's own total holds, and no sum they complete breaks. */
function vouched(decl: BlockDecl, byDecl: Map<RowDecl, Row>, placed: Row[]): boolean {
  const grid = decl.rows.map((rd) => {
    const r = byDecl.get(rd);
    if (r?.confidence !== 'certain') return decl.columns.map(() => null);
    return r.cells.map((c) => (c.state === 'ok' ? c.value : null));
  });
  const index = new Map(decl.rows.map((rd, i) => [rd, i]));
  const mine = new Set(placed.map((r) => index.get(r.decl)!));
  const plans = planSums(decl);
  for (const p of plans) {
    const touches = p.left.some(([i]) => mine.has(i)) || p.right.some(([i]) => mine.has(i));
    if (!touches) continue;
    const h = holds(p, grid);
    if (h === false) return false;
    if (p.ownRow !== null && mine.has(p.ownRow) && h !== true) return false;
  }
  // Every placed row has a total of its own to vouch for it.
  const own = new Set(plans.map((p) => p.ownRow).filter((x) => x !== null));
  return [...mine].every((i) => own.has(i));
}

/** Where the numbers of a run of rows may stand: after the cells of the nearest row before it that has any, before those of the nearest after it. */
function between(decl: BlockDecl, byDecl: Map<RowDecl, Row>, run: RowDecl[]): Range {
  const i0 = decl.rows.indexOf(run[0]!);
  const i1 = decl.rows.indexOf(run[run.length - 1]!);
  const cellsOf = (rd: RowDecl | undefined) => byDecl.get(rd!)?.cells.filter((c) => c.state !== 'missing') ?? [];
  let lo = 0;
  for (let i = i0 - 1; i >= 0; i--) {
    const cs = cellsOf(decl.rows[i]);
    if (cs.length) {
      lo = Math.max(...cs.map((c) => c.range[1]));
      break;
    }
  }
  let hi = Number.MAX_SAFE_INTEGER;
  for (let i = i1 + 1; i < decl.rows.length; i++) {
    const cs = cellsOf(decl.rows[i]);
    if (cs.length) {
      hi = Math.min(...cs.map((c) => c.range[0]));
      break;
    }
  }
  return [lo, hi];
}

/**
 * The block's rows after placing stray numbers (see the module comment), in declared order. `rows`
 * are the rows the labels found, in declared order; rows returned may include rows whose labels
 * stood out of order.
 */
export function placeStrays(ctx: ParseContext, decl: BlockDecl, rows: Row[], to: number, blockFrom?: number): Row[] {
  if (!rows.length) return rows;
  const n = decl.columns.length;
  // The span: from the first label, or from a 表二 block's heading (its numbers may precede its only label).
  let from = blockFrom ?? to;
  for (const r of rows) from = Math.min(from, r.label[0]);
  const lumps = strayLumps(ctx, rows, from, to);
  if (!lumps.length) return rows;
  const byDecl = new Map(rows.map((r) => [r.decl, r]));
  // Runs of consecutive declared rows without values (found without cells, or not found).
  const runs: RowDecl[][] = [];
  let run: RowDecl[] = [];
  for (const rd of decl.rows) {
    const r = byDecl.get(rd);
    if (!r || valueless(r)) run.push(rd);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  if (!runs.length) return rows;

  const used = new Set<Token[]>();
  let next = 0;
  for (const rs of runs) {
    // The lump stands between the cells of the rows around the run (stream order keeps rows' order).
    const [lo, hi] = between(decl, byDecl, rs);
    let k = next;
    const fits = (l: Token[]) => l.length === rs.length * n && l[0]!.range[0] >= lo && l[l.length - 1]!.range[1] <= hi;
    while (k < lumps.length && !fits(lumps[k]!)) k++;
    if (k === lumps.length) continue;
    const lump = lumps[k]!;
    const placed: Row[] = [];
    for (let i = 0; i < rs.length; i++) {
      const rd = rs[i]!;
      const label = byDecl.get(rd)?.label ?? labelAnywhere(ctx, rd, [...byDecl.values()], from, to);
      if (!label) break;
      placed.push(lumpRow(rd, decl, label, lump.slice(i * n, (i + 1) * n)));
    }
    if (placed.length !== rs.length) continue;
    const trial = new Map(byDecl);
    for (const r of placed) trial.set(r.decl, r);
    if (!vouched(decl, trial, placed)) continue;
    for (const r of placed) byDecl.set(r.decl, r);
    used.add(lump);
    next = k + 1;
  }

  // Numbers left that no cell holds: the rows still without values are read out of order.
  if (lumps.some((l) => !used.has(l))) {
    for (const rd of decl.rows) {
      const r = byDecl.get(rd);
      if (r && valueless(r)) byDecl.set(rd, orderRow(rd, decl, r.label));
      else if (!r) {
        const label = labelAnywhere(ctx, rd, [...byDecl.values()], from, to);
        if (label) byDecl.set(rd, orderRow(rd, decl, label));
      }
    }
  }
  return decl.rows.map((rd) => byDecl.get(rd)).filter((r): r is Row => !!r);
}
