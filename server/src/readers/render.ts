/**
 * A document's blocks (paragraphs and tables, in order) → the report's text. A paragraph is a line;
 * a table is one line per row, its cells separated by tabs, a merged cell once in the row it starts
 * in: the shape of a browser's copy of a web page's table, which the parser reads with certainty.
 * Every piece of the text keeps where it came from.
 */
import type { GivenTable, Segment, SourceLocation } from './types';

export interface Para {
  kind: 'p';
  text: string;
  /** The element it comes from ("w:body/w:p[3]", "body/div[2]/p[1]"). */
  element: string;
  /** The source offset of its first character, when the source is text (HTML). */
  at?: number;
}

export interface TableCell {
  /** The cell's text (its paragraphs run together). */
  text: string;
  /** Its first grid column, 1-based. */
  col: number;
  at?: number;
}

export interface Table {
  kind: 'table';
  /** Each row's cells that start in it, in order. */
  rows: TableCell[][];
}

export type Block = Para | Table;

/** Tabs and line breaks inside a cell would start a new cell or row: they become spaces; the ends are trimmed (incl. &nbsp;, U+3000). */
export const cellText = (s: string) => s.replace(/[\t\r\n\f\v]+/g, ' ').trim();

/** A paragraph's text on one line. */
export const paraText = (s: string) =>
  s
    .replace(/[\r\n\f\v]+/g, ' ')
    .replace(/\u00a0/g, ' ')
    .trimEnd();

export function render(blocks: Block[]): { text: string; segments: Segment[]; tables: GivenTable[] } {
  const out: string[] = [];
  const segments: Segment[] = [];
  const tables: GivenTable[] = [];
  let length = 0;
  const push = (s: string, where?: SourceLocation, at?: number) => {
    if (where) segments.push({ start: length, end: length + s.length, where, ...(at !== undefined ? { at } : {}) });
    out.push(s);
    length += s.length;
  };
  for (const b of blocks) {
    if (b.kind === 'p') {
      const t = paraText(b.text);
      if (!t.trim()) continue;
      push(t, { element: b.element }, b.at);
      push('\n');
      continue;
    }
    const table = tables.length + 1;
    const given: GivenTable = { rows: [] };
    b.rows.forEach((row, r) => {
      const cells: GivenTable['rows'][number] = [];
      row.forEach((c, i) => {
        if (i > 0) push('\t');
        const t = cellText(c.text);
        cells.push({ col: c.col, text: t, range: [length, length + t.length] });
        push(t, { table, row: r + 1, col: c.col }, c.at);
      });
      given.rows.push(cells);
      push('\n');
    });
    tables.push(given);
  }
  return { text: out.join(''), segments, tables };
}

/** The segment a text offset falls in (an empty cell's when the offset is at it), or null between pieces. */
export function segmentAt(segments: Segment[], offset: number): Segment | null {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const s = segments[found]!;
  return offset < s.end || offset === s.start ? s : null;
}

/** Where a text offset comes from in the source, or null (a separator the reader added). */
export function locate(segments: Segment[], offset: number): SourceLocation | null {
  return segmentAt(segments, offset)?.where ?? null;
}

/** A text offset → an offset in the source text (HTML), as near as the reader knows; the offset itself without a map. */
export function toSourceOffset(segments: Segment[], offset: number): number {
  const s = segmentAt(segments, offset);
  if (!s || s.at === undefined) {
    // Between pieces: the end of the piece before.
    let p: Segment | undefined;
    for (const x of segments) {
      if (x.start > offset) break;
      if (x.at !== undefined) p = x;
    }
    return p?.at !== undefined ? p.at + (p.end - p.start) : offset;
  }
  return s.at + (offset - s.start);
}
