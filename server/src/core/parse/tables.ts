/** Tables: 表二's article blocks, 表三 and 表四, each parsed against every format's variant of it. */
import { blockIn } from '../formats/registry';
import type { BlockDecl, FormatDecl, FormatId, RowDecl, TableDecl, TableId } from '../formats/types';
import type { Block, Confidence, GroupLabel, Range, Row, Table, Unclear } from '../model';
import { collectSlots, digitsOnly, isValueLike, makeCell, type Slot, type SlotContext, type SlotResult } from './cells';
import { alignLabels, occurrences, occursIn, single, View, type LabelIndex, type LabelItem } from './labels';
import { eachToken, placeStrays, valueless } from './order';
import { layoutBlanks, periodBlanks } from './period';
import { holds, planSums, resolveRuns, type RunToken } from './runs';
import { readReviewStream } from './stream';

export interface ParseContext extends SlotContext {
  formats: readonly FormatDecl[];
  /** Where the declared labels stand in the whole document without white space and debris lines, built once. */
  labels: LabelIndex;
}

function compactOf(ctx: ParseContext, from: number, to: number): View {
  return View.of(ctx.labels, from, to);
}

type Item = { kind: 'row'; row: RowDecl } | { kind: 'group'; id: string };

const ITEMS = new WeakMap<BlockDecl, LabelItem<Item>[]>();
/** Rows and group headings in document order (made once per declaration). */
function itemsOf(decl: BlockDecl): LabelItem<Item>[] {
  let items = ITEMS.get(decl);
  if (!items) ITEMS.set(decl, (items = itemsOfDecl(decl)));
  return items;
}
function itemsOfDecl(decl: BlockDecl): LabelItem<Item>[] {
  const items: LabelItem<Item>[] = [];
  const placed = new Set<string>();
  for (const r of decl.rows) {
    if (r.group && !placed.has(r.group)) {
      placed.add(r.group);
      const g = decl.groups.find((x) => x.id === r.group);
      if (g) items.push({ key: { kind: 'group', id: g.id }, labels: g.labels, weight: 0.5 });
    }
    items.push({ key: { kind: 'row', row: r }, labels: r.labels, weight: 1 });
  }
  return items;
}

export interface BlockParse {
  block: Block;
  score: number;
  markers: number;
  /** Rows whose cells all stood where the variant expects them. */
  fits: number;
  rowsFound: number;
}

/** Parses one block variant in [from, to), whose heading (if any) is at `heading`. */
export function parseBlock(ctx: ParseContext, decl: BlockDecl, from: number, to: number, heading: Range | null): BlockParse {
  const compact = compactOf(ctx, from, to);
  const n = decl.columns.length;
  const rows: Row[] = [];
  const groups: GroupLabel[] = [];
  let fits = 0;
  let markers = 0;
  for (const m of decl.markers) if (occursIn(compact, single(m))) markers++;

  if (decl.unlabelled) {
    const row = parseUnlabelled(ctx, decl, compact, to);
    if (row) {
      rows.push(row.row);
      if (row.natural === n) fits++;
    }
  } else {
    const found = alignLabels(compact, itemsOf(decl));
    for (let k = 0; k < found.length; k++) {
      const f = found[k]!;
      const limit = k + 1 < found.length ? found[k + 1]!.range[0] : to;
      if (f.key.kind === 'group') {
        const g = decl.groups.find((x) => x.id === (f.key as { id: string }).id)!;
        groups.push({ decl: g, range: f.range });
        continue;
      }
      const rdecl = f.key.row;
      // A label's closing quote or bracket belongs to it ("3.危及“三安全一稳定”"), not to its cells.
      let labelEnd = f.range[1];
      while (labelEnd < limit && CLOSERS.includes(ctx.text[labelEnd]!)) labelEnd++;
      if (labelEnd > f.range[1]) f.range = [f.range[0], labelEnd];
      const res = collectSlots(ctx, f.range[1], limit, n);
      // A row fits when its values and blank cells fill its columns exactly.
      let blanks = 0;
      for (const x of res.slots) if (x.blank) blanks++;
      if (res.natural + blanks === n) fits++;
      rows.push(buildRow(rdecl, decl, f.range, res));
    }
  }
  periodBlanks(ctx, decl, rows);
  layoutBlanks(ctx, decl, rows);
  decideRuns(decl, rows);
  // Rows whose run of digits the sums cut fit the variant too (a flat page's preferred variant is then the only one read).
  for (const r of rows) if (RUNS.has(r) && r.confidence === 'certain') fits++;
  if (rows.length && (rows.length < decl.rows.length || rows.some((r) => r.confidence !== 'certain' || valueless(r)))) {
    const grid = readInOrder(ctx, decl, rows, to);
    if (grid) {
      rows.splice(0, rows.length, ...grid);
      fits = rows.length;
    } else rows.splice(0, rows.length, ...placeStrays(ctx, decl, rows, to, heading ? from : undefined));
  }
  const missingRows = missingOf(decl.rows, rows);
  let start = to;
  let end = heading?.[1] ?? from;
  for (const r of rows) {
    start = Math.min(start, r.label[0]);
    end = Math.max(end, r.range[1]);
  }
  for (const g of groups) {
    start = Math.min(start, g.range[0]);
    end = Math.max(end, g.range[1]);
  }
  if (heading) start = heading[0];
  const block: Block = {
    decl,
    range: [start, Math.max(start, end)],
    heading,
    rows,
    groups,
    missingRows,
    evidence: 'assumed',
    confidence: rows.every((r) => r.confidence === 'certain') ? 'certain' : 'uncertain',
  };
  const rowsFound = rows.length;
  return { block, score: markers * 10 + rowsFound + fits, markers, fits, rowsFound };
}

/**
 * A table whose numbers stand apart from their labels (a PDF's text in stream order puts a wrapped
 * label after the next rows' numbers; group labels split a row's label in two): every number of the
 * table's span, in order, read as the declared grid row by row — taken only when there are exactly
 * as many numbers as cells and the table's own arithmetic says the reading is right: every sum
 * holds, or the rows the labels gave with certainty agree with it and make at least half the table
 * (then the sums that break are the report's errors, not the reader's).
 */
function readInOrder(ctx: ParseContext, decl: BlockDecl, rows: Row[], to: number): Row[] | null {
  if (!decl.sums.length) return null;
  const n = decl.columns.length;
  const want = decl.rows.length * n;
  const { text } = ctx;
  let start = to;
  for (const r of rows) start = Math.min(start, r.label[0]);
  const tokens: Slot[] = [];
  let over = false;
  eachToken(ctx, start, to, (i, j) => {
    if (j - i > 6 || !digitsOnly(text, i, j)) return true;
    if (tokens.length === want) {
      over = true;
      return false;
    }
    tokens.push({ range: [i, j], raw: text.slice(i, j), blank: false, piped: false, spaced: false });
    return true;
  });
  if (over || tokens.length !== want) return null;
  const byDecl = new Map(rows.map((r) => [r.decl, r]));
  const grid: Row[] = decl.rows.map((rd, i) => {
    const mine = tokens.slice(i * n, (i + 1) * n);
    const found = byDecl.get(rd);
    const label: Range = found ? found.label : [mine[0]!.range[0], mine[0]!.range[0]];
    const cells = decl.columns.map((c, j) => makeCell(c, mine[j], label[1]));
    return {
      decl: rd,
      label,
      cells,
      range: [label[0], Math.max(label[1], mine[n - 1]!.range[1])],
      ambiguous: null,
      confidence: 'certain',
      unclear: null,
      run: null,
    };
  });
  // The grid is in the declared row order, as the sums' plans index it.
  const values = grid.map((r) => r.cells.map((c) => (c.state === 'ok' ? c.value : null)));
  if (planSums(decl).every((p) => holds(p, values) === true)) return grid;
  // Some sums break: the reading stands only where the labels' own certain rows confirm it.
  let agree = 0;
  for (const r of rows) {
    if (r.confidence !== 'certain' || r.cells.some((c) => c.state !== 'ok')) continue;
    const g = grid.find((x) => x.decl === r.decl)!;
    if (r.cells.some((c, j) => c.value !== g.cells[j]!.value)) return null;
    agree++;
  }
  return agree * 2 >= decl.rows.length ? grid : null;
}

/** Closing quotes and brackets a label may end with. */
const CLOSERS = '”’」』"）)';

/** The declared rows not found. Rows are found in their declared order: one walk over both lists. */
function missingOf(declared: RowDecl[], rows: Row[]): RowDecl[] {
  if (rows.length === declared.length) return [];
  const missing: RowDecl[] = [];
  let p = 0;
  for (const d of declared) {
    if (p < rows.length && rows[p]!.decl === d) p++;
    else missing.push(d);
  }
  if (p === rows.length) return missing;
  // (Not in order after all: by identity.)
  const found = new Set(rows.map((r) => r.decl.id));
  return declared.filter((r) => !found.has(r.id));
}

/**
 * Why a row's reading is a guess, or null when its layout gives every cell: its own numbers run
 * together or outnumber its columns; a row line with fewer cells than columns (which column lacks
 * one?); one cell per line with empty lines among fewer cells than columns (the empty lines may be
 * the blank cells: values must not shift to close them); values left over before the next label.
 */
export function unclearOf(res: SlotResult, n: number): Unclear | null {
  if (res.ambiguous) return res.ambiguous.reason;
  const values = res.slots.filter((s) => !s.blank).length;
  if (res.leftover > 0) return 'extra';
  if (res.slots.length < n && values > 0) return !res.rowMode && res.gaps > 0 ? 'gaps' : 'short';
  return null;
}

function buildRow(rdecl: RowDecl, decl: BlockDecl, label: Range, res: SlotResult): Row {
  const unclear = unclearOf(res, decl.columns.length);
  const confidence = unclear ? 'uncertain' : 'certain';
  const cells = decl.columns.map((c, i) => {
    const cell = makeCell(c, res.ambiguous ? undefined : res.slots[i], label[1]);
    cell.confidence = confidence;
    if (res.ambiguous) return { ...cell, state: 'ambiguous' as const, range: res.ambiguous.range, raw: res.ambiguous.raw };
    return cell;
  });
  const last = res.slots.length ? res.slots[res.slots.length - 1]!.range[1] : label[1];
  const row: Row = { decl: rdecl, label, cells, range: [label[0], Math.max(label[1], last)], ambiguous: res.ambiguous, confidence, unclear, run: null };
  if (res.ambiguous?.reason === 'merged') {
    const tokens = res.slots.filter((s) => !s.blank).map((s) => ({ range: s.range, raw: s.raw }));
    RUNS.set(row, tokens);
    row.run = [label[1], tokens[tokens.length - 1]!.range[1]];
  }
  return row;
}

/** The tokens of rows whose numbers ran together, until their block decides them. */
const RUNS = new WeakMap<Row, RunToken[]>();

/** Rows whose numbers ran together, cut where the block's sums hold (see runs.ts). */
function decideRuns(decl: BlockDecl, rows: Row[]): void {
  const runs = new Map<Row, RunToken[]>();
  for (const r of rows) {
    const tokens = RUNS.get(r);
    if (tokens) runs.set(r, tokens);
  }
  if (!runs.size) return;
  const outcome = resolveRuns(decl, rows, runs);
  for (const [row, cut] of outcome.decided) {
    row.cells = decl.columns.map((c, j) => {
      const cell = makeCell(c, { range: cut.ranges[j]!, raw: cut.raws[j]!, blank: false, piped: false, spaced: false }, row.label[1]);
      cell.split = true;
      return cell;
    });
    row.ambiguous = null;
    row.unclear = null;
    row.confidence = 'certain';
  }
  for (const [row, cuts] of outcome.ambiguous) {
    row.unclear = 'readings';
    row.readings = cuts.map((c) => c.raws);
  }
  for (const row of outcome.beyond) row.unclear = 'bounds';
}

const DISTINCTIVE = new WeakMap<BlockDecl, string[]>();
/** The header words that open 表四's header (结果维持…), not the 行政复议 prose may name too. */
function distinctiveHeader(decl: BlockDecl): string[] {
  let words = DISTINCTIVE.get(decl);
  if (!words) DISTINCTIVE.set(decl, (words = decl.header.filter((w) => w.length >= 4 && !/^行政/.test(w))));
  return words;
}

/**
 * 表四: one row of numbers under its header, read from the lines; where that leaves cells unsure,
 * from a PDF's stream order when its layout vouches for it.
 */
function parseUnlabelled(ctx: ParseContext, decl: BlockDecl, compact: View, to: number) {
  const lines = parseUnlabelledLines(ctx, decl, compact, to);
  if (lines && lines.row.confidence === 'certain' && lines.natural === decl.columns.length) return lines;
  if (!compact.length) return lines;
  const row = readReviewStream(ctx, decl, compact.offset(0), to);
  return row ? { row, natural: decl.columns.length } : lines;
}

/** 表四: one row of numbers under a header whose cells are often split one character per line. */
function parseUnlabelledLines(ctx: ParseContext, decl: BlockDecl, compact: View, to: number) {
  const words = decl.header;
  // The header starts at its first distinctive word (结果维持); prose before it may name 行政复议 too.
  const anchors = occurrences(compact, distinctiveHeader(decl));
  if (!anchors.length) return null;
  const headerStart = anchors[0]![0];
  const all = occurrences(compact, words, headerStart).filter(([i]) => i >= headerStart);
  // The first line after the anchor that holds only values opens the numbers.
  const { lines, text } = ctx;
  const anchorOff = compact.offset(headerStart);
  let numbersAt = -1;
  for (let l = lines.lineAt(anchorOff) + 1; l < lines.count && lines.start(l) < to; l++) {
    if (ctx.ignored.has(l)) continue;
    const t = text.slice(lines.start(l), Math.min(lines.end(l), to)).trim();
    const raw = text.slice(lines.start(l), Math.min(lines.end(l), to));
    const pieces = raw.split(/[\t|]| {2,}/);
    // The numbers: a line of values, or of separators for every cell (an empty table to fill in);
    // a PDF viewer's copy puts one space between them ("0 0 3 1 …").
    const values = (ps: string[]) => ps.every((p) => isValueLike(p.trim()));
    if ((/\d/.test(t) || pieces.length >= decl.columns.length) && (values(pieces) || values(t.split(/\s+/)))) {
      numbersAt = lines.start(l);
      break;
    }
  }
  if (numbersAt === -1) return parseGrouped(ctx, decl, compact, headerStart, to) ?? parseRunOn(ctx, decl, compact, all, to);
  let headerEnd = anchorOff;
  for (const [i, j] of all) {
    const r = compact.range(i, j);
    if (r[1] <= numbersAt) headerEnd = Math.max(headerEnd, r[1]);
  }
  // Header cells broken mid-word across lines ("结果维\n持") leave text after the last whole word.
  for (let l = lines.lineAt(headerEnd) + 1; l < lines.lineAt(numbersAt); l++) {
    if (!ctx.ignored.has(l) && text.slice(lines.start(l), lines.end(l)).trim()) headerEnd = lines.end(l);
  }
  const n = decl.columns.length;
  const res = collectSlots(ctx, headerEnd, to, n);
  const row = buildRow(decl.rows[0]!, decl, [anchorOff, headerEnd], res);
  if (res.slots.length) row.range = [res.slots[0]!.range[0], row.range[1]];
  if (res.natural < n / 2) return parseGrouped(ctx, decl, compact, headerStart, to) ?? { row, natural: res.natural };
  return { row, natural: res.natural };
}

/**
 * 表四 run into one line with its header (a page's textContent): the numbers right after the last
 * header word, on its line ("…尚未审结总计45131301052…"), cut where the group totals hold.
 */
function parseRunOn(ctx: ParseContext, decl: BlockDecl, compact: View, words: [number, number][], to: number) {
  if (!words.length) return null;
  const last = words.reduce((a, b) => (b[1] > a[1] ? b : a));
  const end = compact.range(last[0], last[1])[1];
  const { text, lines } = ctx;
  const c = text.charCodeAt(end);
  if (!(c >= 48 && c <= 57) && c !== 32 && c !== 9) return null;
  const res = collectSlots(ctx, end, Math.min(lines.end(lines.lineAt(end)), to), decl.columns.length);
  if (!res.natural) return null;
  const row = buildRow(decl.rows[0]!, decl, [compact.range(words[0]![0], words[0]![1])[0], end], res);
  if (res.slots.length) row.range = [res.slots[0]!.range[0], row.range[1]];
  return { row, natural: res.natural };
}

/** 表四 drafted as one row per group under a shared header: the groups' cells joined into the one row. */
function parseGrouped(ctx: ParseContext, decl: BlockDecl, compact: View, headerStart: number, to: number) {
  const layout = decl.groupedLayout;
  if (!layout) return null;
  const found = alignLabels(
    compact,
    layout.map((g, k) => ({ key: k, labels: g.labels, weight: 1 })),
    headerStart,
  );
  if (found.length !== layout.length) return null;
  const slots: (Slot | undefined)[] = [];
  let natural = 0;
  let unclear: Unclear | null = null;
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const res = collectSlots(ctx, f.range[1], k + 1 < found.length ? found[k + 1]!.range[0] : to, layout[k]!.columns.length);
    if (res.ambiguous || !res.natural) return null;
    natural += res.natural;
    // A group short of cells: which of its columns lacks one is a guess.
    unclear ??= unclearOf(res, layout[k]!.columns.length);
    for (let i = 0; i < layout[k]!.columns.length; i++) slots.push(res.slots[i]);
  }
  let at = 0;
  const byId = new Map<string, Slot | undefined>();
  for (const g of layout) for (const c of g.columns) byId.set(c, slots[at++]);
  const confidence: Confidence = unclear ? 'uncertain' : 'certain';
  const cells = decl.columns.map((c) => {
    const cell = makeCell(c, byId.get(c.id), found[0]!.range[1]);
    cell.confidence = confidence;
    return cell;
  });
  const present = slots.filter((s): s is Slot => !!s);
  const row: Row = {
    decl: decl.rows[0]!,
    label: found[0]!.range,
    cells,
    range: [found[0]!.range[0], Math.max(...present.map((s) => s.range[1]))],
    ambiguous: null,
    confidence,
    unclear,
    run: null,
  };
  return { row, natural };
}

/** A table is certain when every block of it is. */
export function tableConfidence(blocks: Block[]): Confidence {
  return blocks.every((b) => b.confidence === 'certain') ? 'certain' : 'uncertain';
}

/** The best variant among several for one block slot. */
export function chooseVariant(parses: BlockParse[], preferred: FormatId | null): BlockParse {
  const sorted = [...parses].sort((a, b) => b.score - a.score);
  const best = sorted[0]!;
  const second = sorted[1];
  if (!second) {
    best.block.evidence = best.markers ? 'marked' : best.fits ? 'shape' : 'assumed';
    return best;
  }
  if (best.markers > second.markers) best.block.evidence = 'marked';
  else if (best.score > second.score) best.block.evidence = 'shape';
  else {
    // A tie: among the best, the format the report's year asks for, else the first (oldest declared first).
    const pick = sorted.find((p) => p.score === best.score && blockIn(p.block.decl, preferred)) ?? best;
    pick.block.evidence = 'assumed';
    return pick;
  }
  return best;
}

/** The block in [from, to) as the variant that fits it best; a variant its header words single out is the only one parsed. */
function parseVariants(ctx: ParseContext, variants: BlockDecl[], from: number, to: number, heading: Range | null, preferred: FormatId | null): Block {
  if (variants.length > 1) {
    const view = compactOf(ctx, from, to);
    const counts = variants.map((v) => v.markers.filter((m) => occursIn(view, single(m))).length);
    const max = Math.max(...counts);
    if (max > 0 && counts.filter((c) => c === max).length === 1) {
      const p = parseBlock(ctx, variants[counts.indexOf(max)]!, from, to, heading);
      p.block.evidence = 'marked';
      return p.block;
    }
  }
  // No header word decides: the variant the year asks for, if every one of its rows is there in full.
  const first = variants.find((v) => blockIn(v, preferred));
  if (first && variants.length > 1) {
    const p = parseBlock(ctx, first, from, to, heading);
    if (p.rowsFound === first.rows.length && p.fits === p.rowsFound) {
      p.block.evidence = 'shape';
      return p.block;
    }
    return chooseVariant([p, ...variants.filter((v) => v !== first).map((v) => parseBlock(ctx, v, from, to, heading))], preferred).block;
  }
  return chooseVariant(
    variants.map((v) => parseBlock(ctx, v, from, to, heading)),
    preferred,
  ).block;
}

/** Variants of each slot of a table, across the formats. */
export function slotsOf(formats: readonly FormatDecl[], table: TableId): { slot: string; variants: BlockDecl[] }[] {
  const out: { slot: string; variants: BlockDecl[] }[] = [];
  for (const f of formats) {
    for (const b of f.blocks[table]) {
      let s = out.find((x) => x.slot === b.slot);
      if (!s) {
        s = { slot: b.slot, variants: [] };
        out.push(s);
      }
      if (!s.variants.includes(b)) s.variants.push(b);
    }
  }
  return out;
}

/** 表二: article blocks, each opened by its heading (第二十条第（一）项 …). */
export function parseActiveTable(ctx: ParseContext, decl: TableDecl, from: number, to: number, preferred: FormatId | null): Table | null {
  const compact = compactOf(ctx, from, to);
  const slots = slotsOf(ctx.formats, 'active');
  const items: LabelItem<number>[] = slots.map((s, k) => ({ key: k, labels: s.variants[0]!.heading, weight: 1 }));
  const found = alignLabels(compact, items);
  if (!found.length) return null;
  const blocks: Block[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const end = k + 1 < found.length ? found[k + 1]!.range[0] : to;
    blocks.push(parseVariants(ctx, slots[f.key]!.variants, f.range[1], end, f.range, preferred));
  }
  const range: Range = [blocks[0]!.range[0], Math.max(...blocks.map((b) => b.range[1]))];
  return { decl, range, blocks, missingBlocks: [], regionEnd: to, confidence: tableConfidence(blocks) };
}

/** 表三 or 表四: one block, located by its rows (or header) inside [from, to). */
export function parseSingleTable(ctx: ParseContext, decl: TableDecl, from: number, to: number, preferred: FormatId | null): Table | null {
  const slot = slotsOf(ctx.formats, decl.id)[0]!;
  const block = parseVariants(ctx, slot.variants, from, to, null, preferred);
  // Too little to be the table: fewer than two rows (a stray label in prose).
  if (!block.decl.unlabelled && block.rows.length < 2) return null;
  if (block.decl.unlabelled && !block.rows.length) return null;
  // Notes and header cells before the first row belong to the table.
  let start = block.range[0];
  const compact = compactOf(ctx, from, block.range[0]);
  for (const a of decl.anchors) {
    const occ = occurrences(compact, single(a));
    if (occ.length) start = Math.min(start, compact.range(occ[0]![0], occ[0]![1])[0]);
  }
  block.range = [start, block.range[1]];
  return { decl, range: [start, block.range[1]], blocks: [block], missingBlocks: [], regionEnd: to, confidence: tableConfidence([block]) };
}
