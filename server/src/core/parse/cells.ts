/**
 * Finding a row's cells after its label, in every layout drafts come in: one row per line with
 * tabs, pipes or runs of spaces between cells; one cell per line (blank lines between rows, a line
 * of white space for a blank cell); and rows wrapped onto the next line.
 */
import type { ColumnDecl } from '../formats/types';
import type { Cell, Range } from '../model';
import type { Lines } from '../text';

export interface Slot {
  range: Range;
  raw: string;
  blank: boolean;
  piped: boolean;
  /** Came from a piece whose numbers were separated by single spaces only. */
  spaced: boolean;
}

export interface SlotResult {
  slots: Slot[];
  /** Set when the numbers cannot be told apart (run together, or more than the row has). */
  ambiguous: { range: Range; raw: string; reason: 'merged' | 'extra' } | null;
  /** Value slots found before the limit, uncapped: tells the table variants apart. */
  natural: number;
  /** Whether the cells stood on the label's own line. */
  rowMode: boolean;
}

const NUMBER_RE = /^([+-])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|亿元|元|件|条|个|项|次|%)?$/;
const PLACEHOLDER_RE = /^(—+|-+|\/|无|空|\\|×|x|X|N\/?A|n\/a|\*)$/;
const SIGN_WORD_RE = /^(增加?|减少?)\s*(\d+)\s*(件|条|个|项)?$/;

/** Whether a trimmed piece of text can stand in a number cell (a number, a placeholder, a blank). */
/** A plain run of ASCII digits (most cells): read without regular expressions. */
function allDigits(t: string): boolean {
  if (!t.length || t.length > 15) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isValueLike(t: string): boolean {
  if (t === '' || allDigits(t)) return true;
  if (NUMBER_RE.test(t) || PLACEHOLDER_RE.test(t) || SIGN_WORD_RE.test(t)) return true;
  // Short things with digits ("约3", "3.5.1") are wrong values, not labels.
  return t.length <= 8 && /\d/.test(t) && (t.match(/[\u4e00-\u9fff]/g)?.length ?? 0) <= 1;
}

function isNumberToken(t: string): boolean {
  return allDigits(t) || NUMBER_RE.test(t);
}

interface Piece {
  start: number;
  end: number;
  /** Trimmed. */
  ts: number;
  te: number;
  piped: boolean;
}

/** Splits [from, to) of one line into pieces at tabs, pipes and runs of two or more spaces. */
export function splitPieces(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let s = from;
  let piped = false;
  const push = (e: number, nextPiped: boolean) => {
    let ts = s;
    let te = e;
    while (ts < te && (text[ts] === ' ' || text[ts] === '\t')) ts++;
    while (te > ts && (text[te - 1] === ' ' || text[te - 1] === '\t')) te--;
    out.push({ start: s, end: e, ts, te, piped: piped || nextPiped });
    piped = nextPiped;
  };
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (ch === '\t' || ch === '|') {
      push(i, ch === '|');
      s = i + 1;
      i++;
    } else if (ch === ' ' && text[i + 1] === ' ') {
      let j = i;
      while (j < to && text[j] === ' ') j++;
      // Two or more spaces inside a piece separate cells, but not at the piece's edges.
      if (i > s && j < to && text[j] !== '\t' && text[j] !== '|') {
        push(i, false);
        s = j;
      }
      i = j;
    } else i++;
  }
  push(to, false);
  return out;
}

/** Splits a piece of number tokens separated by single spaces ("5 0 00 0 16") into its tokens. */
function spacedTokens(text: string, p: Piece): Piece[] | null {
  const t = text.slice(p.ts, p.te);
  if (!t.includes(' ')) return null;
  const toks = t.split(/ +/);
  if (toks.length < 2 || !toks.every((x) => /^[+-]?\d+(\.\d+)?$/.test(x))) return null;
  const out: Piece[] = [];
  let pos = p.ts;
  for (const tok of toks) {
    const at = text.indexOf(tok, pos);
    out.push({ start: at, end: at + tok.length, ts: at, te: at + tok.length, piped: p.piped });
    pos = at + tok.length;
  }
  return out;
}

function toSlot(text: string, p: Piece, spaced = false): Slot {
  const raw = text.slice(p.ts, p.te);
  if (raw === '') {
    // A blank cell: its range is the white space between its separators.
    return { range: [p.start, p.end], raw: '', blank: true, piped: p.piped, spaced };
  }
  return { range: [p.ts, p.te], raw, blank: false, piped: p.piped, spaced };
}

function isSeparatorLine(t: string): boolean {
  return /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(t);
}

export interface SlotContext {
  text: string; // the masked normalized text
  lines: Lines;
  ignored: Set<number>;
}

/** Value pieces of a line span, or null when the span holds text that is not a value. */
function valuePieces(ctx: SlotContext, from: number, to: number, dropLeadingBlank: boolean): { slots: Slot[] } | null {
  const { text } = ctx;
  const pieces = splitPieces(text, from, to);
  const slots: Slot[] = [];
  for (const p of pieces) {
    const t = text.slice(p.ts, p.te);
    if (!isValueLike(t)) {
      const split = spacedTokens(text, p);
      if (!split) return null;
      for (const q of split) slots.push(toSlot(text, q, true));
      continue;
    }
    const split = t.includes(' ') && !isNumberToken(t) ? spacedTokens(text, p) : null;
    if (split) for (const q of split) slots.push(toSlot(text, q, true));
    else slots.push(toSlot(text, p));
  }
  if (dropLeadingBlank) while (slots.length && slots[0]!.blank) slots.shift();
  // A pipe-table line's outer pipes open and close it: nothing stands before the first or after the last.
  const line = text.slice(from, to).trim();
  if (line.startsWith('|') && slots.length && slots[0]!.blank) slots.shift();
  if (line.endsWith('|') && slots.length && slots[slots.length - 1]!.blank) slots.pop();
  return { slots };
}

/**
 * The cells of a row whose label ends at `labelEnd`, up to `limit` (the next label), for a row of
 * `n` columns.
 */
export function collectSlots(ctx: SlotContext, labelEnd: number, limit: number, n: number): SlotResult {
  const { text, lines, ignored } = ctx;
  const line0 = lines.lineAt(labelEnd);
  const lineEnd = Math.min(lines.end(line0), limit);
  let slots: Slot[] = [];
  let rowMode = false;

  // The rest of the label's own line: first the tail of the label's cell, then further cells.
  const rest = splitPieces(text, labelEnd, lineEnd);
  if (rest.length) {
    const tail = rest[0]!;
    const tailText = text.slice(tail.ts, tail.te);
    const tailSlots: Slot[] = [];
    if (tailText && isValueLike(tailText)) tailSlots.push(toSlot(text, tail));
    else if (tailText) {
      const split = spacedTokens(text, tail);
      if (split) for (const q of split) tailSlots.push(toSlot(text, q, true));
    }
    const others = rest.slice(1);
    const more: Slot[] = [];
    let textSeen = false;
    for (const p of others) {
      const t = text.slice(p.ts, p.te);
      if (isValueLike(t)) {
        const split = t.includes(' ') && !isNumberToken(t) ? spacedTokens(text, p) : null;
        if (split) for (const q of split) more.push(toSlot(text, q, true));
        else more.push(toSlot(text, p));
      } else {
        const split = spacedTokens(text, p);
        if (split) for (const q of split) more.push(toSlot(text, q, true));
        else {
          textSeen = true;
          break;
        }
      }
    }
    const candidate = [...tailSlots, ...more];
    // A pipe-table line's closing pipe ends it: the empty piece after it is no cell.
    if (candidate.length && candidate[candidate.length - 1]!.blank && text.slice(labelEnd, lineEnd).trimEnd().endsWith('|')) candidate.pop();
    // Cells on the label's line: some value, or a separator for every cell (an empty row to fill in).
    if (!textSeen && (candidate.some((s) => !s.blank) || candidate.length >= n)) {
      rowMode = true;
      slots = candidate;
    }
  }

  let natural = 0;
  if (rowMode) {
    // Trailing then leading empty pieces are layout (a trailing tab, an empty merged cell).
    while (slots.length > n && slots[slots.length - 1]!.blank) slots.pop();
    while (slots.length > n && slots[0]!.blank) slots.shift();
    // A row wrapped onto the following lines.
    let l = line0 + 1;
    while (slots.length < n && l < lines.count && lines.start(l) < limit) {
      if (ignored.has(l)) {
        l++;
        continue;
      }
      const s = lines.start(l);
      const e = Math.min(lines.end(l), limit);
      if (text.slice(s, e).trim() === '') {
        l++;
        continue;
      }
      const vp = valuePieces(ctx, s, e, true);
      if (!vp || !vp.slots.some((x) => !x.blank)) break;
      slots.push(...vp.slots);
      l++;
    }
    natural = slots.filter((s) => !s.blank).length;
  } else {
    // One cell per line (or a line of several cells) below the label.
    let l = line0 + 1;
    let counting = true;
    while (l < lines.count && lines.start(l) < limit) {
      if (ignored.has(l)) {
        l++;
        continue;
      }
      const s = lines.start(l);
      const e = Math.min(lines.end(l), limit);
      const raw = text.slice(s, e);
      l++;
      if (raw.length === 0) continue;
      const trimmed = raw.trim();
      if (isSeparatorLine(trimmed)) continue;
      if (trimmed === '') {
        // A line of only separators, one between each two of the cells still to come (at least
        // three): a row of blank cells, as the templates write an empty table.
        const pieces = slots.length === 0 && counting ? splitPieces(text, s, e) : [];
        if (pieces.length >= 3 && pieces.length === n) {
          for (const p of pieces) slots.push(toSlot(text, p));
          counting = false;
          continue;
        }
        // A line of only white space is a blank cell: its range is what follows the indentation.
        let k = s;
        while (k < e && raw[k - s] === '\t') k++;
        if (counting && slots.length < n) slots.push({ range: [k, e], raw: '', blank: true, piped: false, spaced: false });
        continue;
      }
      const k0 = s + (raw.length - raw.trimStart().length);
      let vp = valuePieces(ctx, k0, e, false);
      if (!vp) break;
      // A leading tab indents a cell ("\t0"), unless the line is a row whose first cell is blank.
      if (k0 > s && text[s] === '\t' && vp.slots.length > 1) {
        const full = valuePieces(ctx, s, e, false);
        if (full && full.slots.length === vp.slots.length + 1 && n - slots.length === full.slots.length) vp = full;
      }
      // Trailing empty pieces of a line are layout.
      while (vp.slots.length && vp.slots[vp.slots.length - 1]!.blank) vp.slots.pop();
      for (const sl of vp.slots) {
        if (!sl.blank) natural++;
        if (counting && slots.length < n) slots.push(sl);
      }
      if (slots.length >= n) counting = false;
    }
  }

  let ambiguous: SlotResult['ambiguous'] = null;
  const values = slots.filter((s) => !s.blank);
  if (values.length && slots.length !== n) {
    const digits = values.reduce((a, s) => a + s.raw.replace(/\D/g, '').length, 0);
    const anySpaced = values.some((s) => s.spaced);
    // Numbers can run together only on one line: one cell per line, each line is a cell.
    if (slots.length < n && (anySpaced || (rowMode && values.some((s) => /^\d{2,}$/.test(s.raw)))) && digits >= n && !slots.some((s) => s.blank)) {
      ambiguous = { range: [values[0]!.range[0], values[values.length - 1]!.range[1]], raw: '', reason: 'merged' };
    } else if (rowMode && slots.length > n) {
      ambiguous = { range: [values[0]!.range[0], values[values.length - 1]!.range[1]], raw: '', reason: 'extra' };
    }
    if (ambiguous) ambiguous.raw = text.slice(ambiguous.range[0], ambiguous.range[1]);
  }
  if (!rowMode && slots.length > n) slots = slots.slice(0, n);
  return { slots, ambiguous, natural, rowMode };
}

const COUNT_UNITS = new Set(['件', '条', '个', '项', '次']);

function cell(col: ColumnDecl, slot: Slot, state: Cell['state'], value: number | null, unit: string | null, sign: string | null): Cell {
  return { col, range: slot.range, raw: slot.raw, state, value, unit, sign, piped: slot.piped };
}

/** Reads a cell's value by its column's kind. */
export function makeCell(col: ColumnDecl, slot: Slot | undefined, at: number): Cell {
  if (!slot) return { col, range: [at, at], raw: '', state: 'missing', value: null, unit: null, sign: null, piped: false };
  if (slot.blank) return cell(col, slot, 'blank', null, null, null);
  if (allDigits(slot.raw)) {
    // The common case: a plain count.
    const v = Number(slot.raw);
    return cell(col, slot, 'ok', v, null, null);
  }
  const m = NUMBER_RE.exec(slot.raw);
  if (!m) {
    const w = col.kind === 'signed' ? SIGN_WORD_RE.exec(slot.raw) : null;
    if (w) {
      const minus = w[1]!.startsWith('减');
      return cell(col, slot, 'ok', Number(w[2]) * (minus ? -1 : 1), null, minus ? '减' : '增');
    }
    return cell(col, slot, 'invalid', null, null, null);
  }
  const sign = m[1] ?? null;
  const int = m[2]!;
  const frac = m[3];
  const unit = m[4] ?? null;
  const intValue = int.length > 3 && int.includes(',') ? Number(int.replace(/,/g, '')) : Number(int);
  const value = frac !== undefined ? Number(`${intValue}.${frac}`) : intValue;
  switch (col.kind) {
    case 'count':
      if (sign || frac !== undefined || (unit && !COUNT_UNITS.has(unit))) return cell(col, slot, 'invalid', null, unit, sign);
      return cell(col, slot, 'ok', value, unit, null);
    case 'signed':
      if (frac !== undefined || (unit && !COUNT_UNITS.has(unit))) return cell(col, slot, 'invalid', null, unit, sign);
      return cell(col, slot, 'ok', sign === '-' ? -value : value, unit, sign);
    case 'money':
      if (sign === '-') return cell(col, slot, 'invalid', null, unit, sign);
      return cell(col, slot, 'ok', value, unit, sign);
  }
}
