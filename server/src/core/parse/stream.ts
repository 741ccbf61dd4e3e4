/**
 * 表四 in a PDF's stream order (pdftotext without -layout): each group's header words, its four
 * outcomes one per line, then the group's "总计" header word and its total; the last group's total
 * often leaves the table altogether (after the page number, or at the page's end).
 *
 *   行政复议 行政诉讼 结果 结果 其他 尚未 维持 纠正 结果 审结 4 7 0 0 未经复议直接起诉 总计 11 结果 … 3 0 0 4 …
 *
 * Read only when the layout itself vouches for it: every group's outcomes stand together, each
 * total right after a "总计". A total that left the table is taken from the first line after it that
 * holds only a number, and only when its group's sum holds with it (nothing else says it is the
 * total); otherwise nothing is read here.
 */
import type { BlockDecl } from '../formats/types';
import type { Range, Row } from '../model';
import { makeCell, type Slot } from './cells';
import type { ParseContext } from './tables';

interface Item {
  /** A number on a line of its own, or null for a line of text. */
  value: number | null;
  range: Range;
  raw: string;
}

const NUMBER_LINE = /^\d{1,6}$/;

/** The lines of [from, to) as numbers and text, one at a time (ignored lines: page numbers, form feeds, left out). */
function* itemsOf(ctx: ParseContext, from: number, to: number): Generator<Item> {
  const { text, lines, ignored } = ctx;
  for (let l = lines.lineAt(from); l < lines.count && lines.start(l) < to; l++) {
    if (ignored.has(l)) continue;
    const s = Math.max(lines.start(l), from);
    const e = Math.min(lines.end(l), to);
    const raw = text.slice(s, e).trim();
    if (!raw) continue;
    const at = text.indexOf(raw, s);
    yield { value: NUMBER_LINE.test(raw) ? Number(raw) : null, range: [at, at + raw.length], raw };
  }
}

/** The groups of the block: for each declared sum, its parts' and total's column indices, in column order. */
function groupsOf(decl: BlockDecl): { parts: number[]; total: number }[] | null {
  const index = new Map(decl.columns.map((c, i) => [c.id, i]));
  const groups = decl.sums.map((s) => ({ parts: s.right.map((r) => index.get(r.col)!), total: index.get(s.left[0]!.col)! }));
  // The stream reading needs each group's columns in a run: its parts, then its total.
  let next = 0;
  for (const g of groups) {
    if (g.parts.some((p, k) => p !== next + k) || g.total !== next + g.parts.length) return null;
    next = g.total + 1;
  }
  return next === decl.columns.length ? groups : null;
}

/** The one row of 表四 read from a PDF's stream order, or null when the layout does not vouch for it. */
export function readReviewStream(ctx: ParseContext, decl: BlockDecl, regionFrom: number, to: number): Row | null {
  const groups = groupsOf(decl);
  if (!groups?.length) return null;
  // The table opens at the first line that is one of its header words (the prose before it may name 行政复议 too).
  const all = [...itemsOf(ctx, regionFrom, to)];
  const open = all.findIndex((x) => x.value === null && x.raw.length >= 2 && decl.header.some((w) => w.startsWith(x.raw)));
  if (open === -1) return null;
  const items = all.slice(open);
  const from = items[0]!.range[0];
  const slots: Item[] = [];
  let k = 0;
  for (let g = 0; g < groups.length; g++) {
    const parts = groups[g]!.parts.length;
    // The outcomes: the next numbers, standing together.
    while (k < items.length && items[k]!.value === null) k++;
    for (let p = 0; p < parts; p++, k++) {
      if (items[k]?.value == null) return null;
      slots.push(items[k]!);
    }
    // The total: after a line that holds "总计", before the next group's numbers.
    let sawTotal = false;
    for (; k < items.length && items[k]!.value === null; k++) if (items[k]!.raw.includes('总计')) sawTotal = true;
    if (sawTotal && k < items.length) {
      slots.push(items[k++]!);
      continue;
    }
    // No total in the table: only the last group's may have left it.
    if (g !== groups.length - 1 || k < items.length) return null;
    const moved = movedTotal(ctx, to, slots.slice(-parts));
    if (!moved) return null;
    slots.push(moved);
  }
  // Numbers left over: the layout is not the one read here.
  if (items.slice(k).some((x) => x.value !== null)) return null;
  const first = slots[0]!.range[0];
  const cells = decl.columns.map((c, j) => {
    const x = slots[j]!;
    const slot: Slot = { range: x.range, raw: x.raw, blank: false, piped: false, spaced: false };
    return makeCell(c, slot, first);
  });
  return {
    decl: decl.rows[0]!,
    label: [from, from],
    cells,
    range: [first, Math.max(...slots.map((x) => x.range[1]))],
    ambiguous: null,
    confidence: 'certain',
    unclear: null,
    run: null,
  };
}

/** The last group's total where the stream put it: the first line after the table holding only a number that makes its group's sum hold. */
function movedTotal(ctx: ParseContext, to: number, parts: Item[]): Item | null {
  const sum = parts.reduce((a, x) => a + x.value!, 0);
  for (const x of itemsOf(ctx, to, ctx.text.length)) {
    if (x.value === null) continue;
    return x.value === sum ? x : null;
  }
  return null;
}
