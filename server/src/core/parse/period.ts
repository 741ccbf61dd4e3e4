/**
 * Empty lines as blank cells, decided by the whole block: a table written one cell per line (an
 * HTML table's text) has a period — every row is its label's line and exactly one line per column.
 * Where the block's other rows show that period, a row with empty lines among exactly as many
 * lines as columns has its blank cells there. Where they do not (a seed's layout separates cells
 * by empty lines, or too few rows show anything), the row stays uncertain: values never move to
 * close a gap.
 */
import type { BlockDecl } from '../formats/types';
import type { Row } from '../model';
import { isValueLike, makeCell, type Slot } from './cells';
import type { ParseContext } from './tables';

/**
 * The lines after a row's label line, up to `end` (exclusive) or the first line of text that is no
 * value (a group's label between two rows), ignored lines left out.
 */
function linesAfter(ctx: ParseContext, row: Row, end: number): number[] {
  const { lines, ignored } = ctx;
  const out: number[] = [];
  const first = lines.lineAt(row.label[1]) + 1;
  for (let l = first; l < lines.count && lines.start(l) < end; l++) {
    if (ignored.has(l)) continue;
    const t = lineText(ctx, l);
    if (t !== '' && !isValueLike(t)) break;
    out.push(l);
  }
  return out;
}

/** Whether the label's line holds the label alone. */
function labelAlone(ctx: ParseContext, row: Row): boolean {
  const { lines, text } = ctx;
  const l = lines.lineAt(row.label[0]);
  return lines.lineAt(row.label[1]) === l && !text.slice(row.label[1], lines.end(l)).trim() && !text.slice(lines.start(l), row.label[0]).trim();
}

/** The trimmed text of line l. */
const lineText = (ctx: ParseContext, l: number) => ctx.text.slice(ctx.lines.start(l), ctx.lines.end(l)).trim();

/** Whether a row shows the period: its label alone, then exactly n lines each holding one value. */
function showsPeriod(ctx: ParseContext, row: Row, next: number, n: number): boolean {
  if (row.confidence !== 'certain' || !labelAlone(ctx, row)) return false;
  const ls = linesAfter(ctx, row, next);
  if (ls.length !== n) return false;
  return ls.every((l) => {
    const t = lineText(ctx, l);
    return t !== '' && isValueLike(t) && !/\s/.test(t);
  });
}

/** Rows with empty lines among their cells, read where the block's period shows them to be blank cells. */
export function periodBlanks(ctx: ParseContext, decl: BlockDecl, rows: Row[]): void {
  const n = decl.columns.length;
  const gapped = rows.filter((r) => r.unclear === 'gaps');
  if (!gapped.length || n < 2) return;
  const nextOf = (i: number) => (i + 1 < rows.length ? ctx.lines.start(ctx.lines.lineAt(rows[i + 1]!.label[0])) : -1);
  // The evidence: rows (other than the last, whose end is not marked by a next label) that show the period.
  let showing = 0;
  let candidates = 0;
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i]!;
    if (r.unclear === 'gaps') continue;
    candidates++;
    if (showsPeriod(ctx, r, nextOf(i), n)) showing++;
  }
  // Weak evidence (fewer than three rows, or not nearly all of them) leaves the rows uncertain.
  if (showing < 3 || showing * 10 < candidates * 9) return;
  for (const r of gapped) {
    const i = rows.indexOf(r);
    if (i + 1 >= rows.length || !labelAlone(ctx, r)) continue;
    const ls = linesAfter(ctx, r, nextOf(i));
    if (ls.length !== n) continue;
    const slots: Slot[] = [];
    for (const l of ls) {
      const t = lineText(ctx, l);
      const s = ctx.lines.start(l);
      if (t === '') slots.push({ range: [s, s], raw: '', blank: true, piped: false, spaced: false });
      else if (isValueLike(t) && !/\s/.test(t)) {
        const at = ctx.text.indexOf(t, s);
        slots.push({ range: [at, at + t.length], raw: t, blank: false, piped: false, spaced: false });
      } else break;
    }
    if (slots.length !== n) continue;
    r.cells = decl.columns.map((c, j) => makeCell(c, slots[j], r.label[1]));
    r.range = [r.label[0], Math.max(r.label[1], slots[n - 1]!.range[1])];
    r.confidence = 'certain';
    r.unclear = null;
  }
}

/** The median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Rows short of cells in a column layout (`pdftotext -layout`: every row's values on one line, each
 * column at its own position): the block's full rows give each column's position, and a short row's
 * values are placed by theirs — a column none of them stands in is a blank cell. Only where every
 * value stands clearly in one column, each in its own.
 */
export function layoutBlanks(ctx: ParseContext, decl: BlockDecl, rows: Row[]): void {
  const n = decl.columns.length;
  const short = rows.filter((r) => r.unclear === 'short' && !r.run && !r.ambiguous);
  if (!short.length || n < 2) return;
  const { lines, text } = ctx;
  const lineOf = (r: Row) => {
    const cs = r.cells.filter((c) => c.state !== 'missing');
    if (!cs.length) return -1;
    const l = lines.lineAt(cs[0]!.range[0]);
    return cs.every((c) => lines.lineAt(c.range[0]) === l) ? l : -1;
  };
  const starts: number[][] = decl.columns.map(() => []);
  let refs = 0;
  for (const r of rows) {
    if (r.confidence !== 'certain' || r.cells.some((c) => c.state !== 'ok')) continue;
    const l = lineOf(r);
    if (l === -1) continue;
    refs++;
    r.cells.forEach((c, j) => {
      starts[j]!.push(c.range[0] - lines.start(l));
    });
  }
  if (refs < 3) return;
  const at = starts.map(median);
  let tol = Number.POSITIVE_INFINITY;
  for (let j = 0; j + 1 < n; j++) tol = Math.min(tol, (at[j + 1]! - at[j]!) / 2);
  if (!(tol >= 2)) return;
  // The columns must stand where the full rows put them: every full row within the tolerance.
  if (starts.some((s, j) => s.some((x) => Math.abs(x - at[j]!) >= tol))) return;
  for (const r of short) {
    const l = lineOf(r);
    if (l === -1) continue;
    const values = r.cells.filter((c) => c.state !== 'missing');
    const cols = values.map((c) => {
      const x = c.range[0] - lines.start(l);
      const j = at.findIndex((p) => Math.abs(x - p) < tol);
      return j;
    });
    if (cols.some((j) => j === -1) || cols.some((j, k) => k > 0 && j <= cols[k - 1]!)) continue;
    const lineEnd = lines.end(l);
    r.cells = decl.columns.map((c, j) => {
      const k = cols.indexOf(j);
      if (k >= 0) {
        const v = values[k]!;
        return makeCell(c, { range: v.range, raw: v.raw, blank: false, piped: v.piped, spaced: false }, r.label[1]);
      }
      // A blank cell where its column stands on the line (or at the line's end, for the last ones).
      let p = Math.min(lines.start(l) + at[j]!, lineEnd);
      while (p < lineEnd && text.charCodeAt(p) !== 32) p++;
      const slot: Slot = { range: [p, p], raw: '', blank: true, piped: false, spaced: false };
      return makeCell(c, slot, r.label[1]);
    });
    for (const c of r.cells) c.confidence = 'certain';
    r.confidence = 'certain';
    r.unclear = null;
  }
}
