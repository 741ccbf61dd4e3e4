/**
 * Finding a row's cells after its label, in every layout drafts come in: one row per line with
 * tabs, pipes or runs of spaces between cells; one cell per line (blank lines between rows, a line
 * of white space for a blank cell); and rows wrapped onto the next line.
 */
import type { ColumnDecl, ColumnKind } from '../formats/types';
import type { Cell, Range } from '../model';
import { isTrimSpace, type Lines } from '../text';

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
  /** One cell per line: empty lines passed over before the row's cells were all found (blank cells, or separators?). */
  gaps: number;
  /** One cell per line: values after the row's cells and before the next label, which no cell takes. */
  leftover: number;
}

const NUMBER_RE = /^([+-])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|亿元|元|件|条|个|项|次|%)?$/;
const PLACEHOLDER_RE = /^(—+|-+|\/|无|空|\\|×|x|X|N\/?A|n\/a|\*)$/;
const SIGN_WORD_RE = /^(增加?|减少?)\s*(\d+)\s*(件|条|个|项)?$/;

/** Whether [from, to) of a text is ASCII digits only (true when empty): read without regular expressions. */
export function digitsOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A plain run of ASCII digits (most cells). */
function allDigits(t: string): boolean {
  return t.length > 0 && t.length <= 15 && digitsOnly(t, 0, t.length);
}

/** Whether a trimmed piece of text can stand in a number cell (a number, a placeholder, a blank). */
export function isValueLike(t: string): boolean {
  if (t === '' || allDigits(t)) return true;
  if (NUMBER_RE.test(t) || PLACEHOLDER_RE.test(t) || SIGN_WORD_RE.test(t) || isRunLike(t)) return true;
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

/** A piece [s, e) with its trimmed range (spaces and tabs). */
function piece(text: string, s: number, e: number, piped: boolean): Piece {
  let ts = s;
  let te = e;
  while (ts < te && (text.charCodeAt(ts) === 32 || text.charCodeAt(ts) === 9)) ts++;
  while (te > ts && (text.charCodeAt(te - 1) === 32 || text.charCodeAt(te - 1) === 9)) te--;
  return { start: s, end: e, ts, te, piped };
}

/** Splits [from, to) of one line into pieces at tabs, pipes and runs of two or more spaces. */
export function splitPieces(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let s = from;
  let piped = false;
  let i = from;
  while (i < to) {
    const ch = text.charCodeAt(i);
    if (ch === 9 || ch === 124) {
      out.push(piece(text, s, i, piped || ch === 124));
      piped = ch === 124;
      s = i + 1;
      i++;
    } else if (ch === 32 && text.charCodeAt(i + 1) === 32) {
      let j = i;
      while (j < to && text.charCodeAt(j) === 32) j++;
      // Two or more spaces inside a piece separate cells, but not at the piece's edges.
      if (i > s && j < to && text.charCodeAt(j) !== 9 && text.charCodeAt(j) !== 124) {
        out.push(piece(text, s, i, piped));
        piped = false;
        s = j;
      }
      i = j;
    } else i++;
  }
  out.push(piece(text, s, to, piped));
  return out;
}

const SPACED_TOKEN = /^[+-]?\d+(\.\d+)?(万元|亿元|元|件|条|个|项|次|%)?$/;
const UNIT_TOKEN = /^(万元|亿元|元|件|条|个|项|次|%)$/;

/**
 * Splits a piece `t` of number tokens separated by single spaces ("5 0 00 0 16", "0 608808.13万元")
 * into its tokens; a unit standing alone after a number ("0 2 元", a PDF viewer's copy) is that number's.
 */
function spacedTokens(text: string, p: Piece, t: string): Piece[] | null {
  if (!t.includes(' ')) return null;
  const toks = t.split(/ +/);
  if (toks.length < 2) return null;
  const out: Piece[] = [];
  let pos = p.ts;
  for (const tok of toks) {
    const at = text.indexOf(tok, pos);
    pos = at + tok.length;
    const prev = out[out.length - 1];
    if (prev && UNIT_TOKEN.test(tok) && /\d$/.test(text.slice(prev.ts, prev.te))) {
      prev.end = prev.te = pos;
      continue;
    }
    if (!SPACED_TOKEN.test(tok)) return null;
    out.push({ start: at, end: pos, ts: at, te: pos, piped: p.piped });
  }
  return out.length >= 2 ? out : null;
}

/** The slot of a piece whose trimmed text is `raw`. */
function slotOf(p: Piece, raw: string, spaced: boolean): Slot {
  // A blank cell: its range is the white space between its separators.
  if (raw === '') return { range: [p.start, p.end], raw: '', blank: true, piped: p.piped, spaced };
  return { range: [p.ts, p.te], raw, blank: false, piped: p.piped, spaced };
}

function toSlot(text: string, p: Piece, spaced = false): Slot {
  return slotOf(p, text.slice(p.ts, p.te), spaced);
}

/** Pushes the slots of a piece whose trimmed text `t` is value-like: its spaced tokens, or itself. */
function pushValue(text: string, p: Piece, t: string, into: Slot[]): void {
  const split = t.includes(' ') && !isNumberToken(t) ? spacedTokens(text, p, t) : null;
  if (split) for (const q of split) into.push(toSlot(text, q, true));
  else into.push(slotOf(p, t, false));
}

const SEPARATOR_LINE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

/** Whether the trimmed line [a, z) is a Markdown table's separator line ("|---|:--:|"). */
function isSeparatorLine(text: string, a: number, z: number): boolean {
  const c = text.charCodeAt(a);
  if (a >= z || (c !== 124 && c !== 58 && c !== 45)) return false;
  return SEPARATOR_LINE.test(text.slice(a, z));
}

export interface SlotContext {
  text: string; // the masked normalized text
  lines: Lines;
  ignored: Set<number>;
}

/** The first unit of [from, to) that trim() keeps, or `to`. */
function trimStart(text: string, from: number, to: number): number {
  while (from < to && isTrimSpace(text.charCodeAt(from))) from++;
  return from;
}
/** The end of [from, to) once trim() has removed its trailing white space. */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isTrimSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/** Value slots of a line span, or null when the span holds text that is not a value. */
function valuePieces(ctx: SlotContext, from: number, to: number, dropLeadingBlank: boolean): Slot[] | null {
  const { text } = ctx;
  const pieces = splitPieces(text, from, to);
  const slots: Slot[] = [];
  for (const p of pieces) {
    const t = text.slice(p.ts, p.te);
    if (!isValueLike(t)) {
      const split = spacedTokens(text, p, t);
      if (!split) return null;
      for (const q of split) slots.push(toSlot(text, q, true));
      continue;
    }
    pushValue(text, p, t, slots);
  }
  if (dropLeadingBlank) while (slots.length && slots[0]!.blank) slots.shift();
  // A pipe-table line's outer pipes open and close it: nothing stands before the first or after the last.
  const a = trimStart(text, from, to);
  const z = trimEnd(text, a, to);
  if (a < z && text.charCodeAt(a) === 124 && slots.length && slots[0]!.blank) slots.shift();
  if (a < z && text.charCodeAt(z - 1) === 124 && slots.length && slots[slots.length - 1]!.blank) slots.pop();
  return slots;
}

/**
 * The cells of a row whose label ends at `labelEnd`, up to `limit` (the next label), for a row of
 * `n` columns.
 */
export function collectSlots(ctx: SlotContext, labelEnd: number, limit: number, n: number): SlotResult {
  const { text, lines, ignored } = ctx;
  const starts = lines.starts;
  const count = starts.length;
  const skipSome = ignored.size > 0;
  const lineEndOf = (l: number) => (l + 1 < count ? starts[l + 1]! - 1 : text.length);
  const line0 = lines.lineAt(labelEnd);
  const lineEnd = Math.min(lineEndOf(line0), limit);
  let slots: Slot[] = [];
  let rowMode = false;

  // The rest of the label's own line: first the tail of the label's cell, then further cells.
  const rest = splitPieces(text, labelEnd, lineEnd);
  if (rest.length) {
    const tail = rest[0]!;
    const tailText = text.slice(tail.ts, tail.te);
    const candidate: Slot[] = [];
    if (tailText && isValueLike(tailText)) pushValue(text, tail, tailText, candidate);
    else if (tailText) {
      const split = spacedTokens(text, tail, tailText);
      if (split) for (const q of split) candidate.push(toSlot(text, q, true));
    }
    let textSeen = false;
    for (let k = 1; k < rest.length; k++) {
      const p = rest[k]!;
      const t = text.slice(p.ts, p.te);
      if (isValueLike(t)) pushValue(text, p, t, candidate);
      else {
        const split = spacedTokens(text, p, t);
        if (split) for (const q of split) candidate.push(toSlot(text, q, true));
        else {
          textSeen = true;
          break;
        }
      }
    }
    // A pipe-table line's closing pipe ends it: the empty piece after it is no cell.
    if (candidate.length && candidate[candidate.length - 1]!.blank) {
      const z = trimEnd(text, labelEnd, lineEnd);
      if (z > labelEnd && text.charCodeAt(z - 1) === 124) candidate.pop();
    }
    // Cells on the label's line: some value, or a separator for every cell (an empty row to fill in).
    if (!textSeen && (candidate.length >= n || candidate.some((x) => !x.blank))) {
      rowMode = true;
      slots = candidate;
    }
  }

  let natural = 0;
  let gaps = 0;
  let leftover = 0;
  if (rowMode) {
    // Trailing then leading empty pieces are layout (a trailing tab, an empty merged cell).
    while (slots.length > n && slots[slots.length - 1]!.blank) slots.pop();
    while (slots.length > n && slots[0]!.blank) slots.shift();
    // A row wrapped onto the following lines.
    let l = line0 + 1;
    while (slots.length < n && l < count && starts[l]! < limit) {
      if (skipSome && ignored.has(l)) {
        l++;
        continue;
      }
      const s = starts[l]!;
      const e = Math.min(lineEndOf(l), limit);
      if (trimStart(text, s, e) === e) {
        l++;
        continue;
      }
      const vp = valuePieces(ctx, s, e, true);
      if (!vp?.some((x) => !x.blank)) break;
      for (const x of vp) slots.push(x);
      l++;
    }
    for (const x of slots) if (!x.blank) natural++;
  } else {
    // One cell per line (or a line of several cells) below the label.
    let l = line0 + 1;
    let counting = true;
    /** Whether a line held several cells: then the row is not written one cell per line. */
    let several = false;
    while (l < count && starts[l]! < limit) {
      if (skipSome && ignored.has(l)) {
        l++;
        continue;
      }
      const s = starts[l]!;
      const e = Math.min(lineEndOf(l), limit);
      l++;
      if (s >= e) {
        if (counting) gaps++;
        continue;
      }
      const k0 = trimStart(text, s, e);
      if (isSeparatorLine(text, k0, trimEnd(text, k0, e))) continue;
      if (k0 === e) {
        // A line of only separators, one between each two of the cells still to come (at least
        // three): a row of blank cells, as the templates write an empty table.
        const pieces = slots.length === 0 && counting ? splitPieces(text, s, e) : [];
        if (pieces.length >= 3 && pieces.length === n) {
          for (const p of pieces) slots.push(toSlot(text, p));
          counting = false;
          continue;
        }
        // A line of only white space is a blank cell (its range is what follows the indentation) in a
        // row written one cell per line; after a line of several cells it is layout, like an empty line.
        let k = s;
        while (k < e && text.charCodeAt(k) === 9) k++;
        if (counting && slots.length < n) {
          if (several) gaps++;
          else slots.push({ range: [k, e], raw: '', blank: true, piped: false, spaced: false });
        }
        continue;
      }
      let vp = valuePieces(ctx, k0, e, false);
      if (!vp) break;
      // A leading tab indents a cell ("\t0"), unless the line is a row whose first cell is blank.
      if (k0 > s && text.charCodeAt(s) === 9 && vp.length > 1) {
        const full = valuePieces(ctx, s, e, false);
        if (full && full.length === vp.length + 1 && n - slots.length === full.length) vp = full;
      }
      // Trailing empty pieces of a line are layout.
      while (vp.length && vp[vp.length - 1]!.blank) vp.pop();
      if (vp.length > 1) several = true;
      for (const sl of vp) {
        if (!sl.blank) natural++;
        if (counting && slots.length < n) slots.push(sl);
        else if (!sl.blank) leftover++;
      }
      if (slots.length >= n) counting = false;
    }
  }

  let ambiguous: SlotResult['ambiguous'] = null;
  if (slots.length !== n) {
    const values = slots.filter((x) => !x.blank);
    if (values.length) {
      const digits = values.reduce((a, x) => a + x.raw.replace(/\D/g, '').length, 0);
      const anySpaced = values.some((x) => x.spaced);
      // Numbers can run together only on one line: one cell per line, each line is a cell.
      if (slots.length < n && (anySpaced || (rowMode && values.length === 1 && isRunLike(values[0]!.raw))) && digits >= n && !slots.some((x) => x.blank)) {
        ambiguous = { range: [values[0]!.range[0], values[values.length - 1]!.range[1]], raw: '', reason: 'merged' };
      } else if (rowMode && slots.length > n) {
        ambiguous = { range: [values[0]!.range[0], values[values.length - 1]!.range[1]], raw: '', reason: 'extra' };
      }
      if (ambiguous) ambiguous.raw = text.slice(ambiguous.range[0], ambiguous.range[1]);
    }
  }
  if (!rowMode && slots.length > n) slots = slots.slice(0, n);
  return { slots, ambiguous, natural, rowMode, gaps, leftover };
}

/**
 * Whether a value may be several cells run together: digits ("5000016"), or digits with a sign or
 * a fraction inside ("0-280", "0608808.13万元", 表二's signed and money columns).
 */
function isRunLike(raw: string): boolean {
  return (
    /^\d{2,}(?:万元|亿元|元|件|条|个|项|次)?$/.test(raw) ||
    /^[+-]?\d+(?:[+-]\d+|\.\d+)+(?:万元|亿元|元|件|条|个|项|次)?$|^\d{2,}\.\d+(?:万元|亿元|元)?$/.test(raw)
  );
}

const COUNT_UNITS = new Set(['件', '条', '个', '项', '次']);

function cell(col: ColumnDecl, slot: Slot, state: Cell['state'], value: number | null, unit: string | null, sign: string | null): Cell {
  return { col, range: slot.range, raw: slot.raw, state, value, unit, sign, piped: slot.piped, confidence: 'certain', split: false };
}

/** A value as a column of one kind reads it: ok with its number, unit and sign, or invalid. */
export interface ValueReading {
  ok: boolean;
  value: number | null;
  unit: string | null;
  sign: string | null;
}

const INVALID: ValueReading = { ok: false, value: null, unit: null, sign: null };

/**
 * Reads a written value by a column's kind — the one reading of values, used by the parser for
 * every cell and by rules asking whether a value would fit another column of its row.
 */
export function readValue(kind: ColumnKind, raw: string): ValueReading {
  if (allDigits(raw)) return { ok: true, value: Number(raw), unit: null, sign: null };
  const m = NUMBER_RE.exec(raw);
  if (!m) {
    const w = kind === 'signed' ? SIGN_WORD_RE.exec(raw) : null;
    if (!w) return INVALID;
    const minus = w[1]!.startsWith('减');
    return { ok: true, value: Number(w[2]) * (minus ? -1 : 1), unit: null, sign: minus ? '减' : '增' };
  }
  const sign = m[1] ?? null;
  const int = m[2]!;
  const frac = m[3];
  const unit = m[4] ?? null;
  const intValue = int.length > 3 && int.includes(',') ? Number(int.replace(/,/g, '')) : Number(int);
  const value = frac !== undefined ? Number(`${intValue}.${frac}`) : intValue;
  switch (kind) {
    case 'count':
      if (sign || frac !== undefined || (unit && !COUNT_UNITS.has(unit))) return { ok: false, value: null, unit, sign };
      return { ok: true, value, unit, sign: null };
    case 'signed':
      if (frac !== undefined || (unit && !COUNT_UNITS.has(unit))) return { ok: false, value: null, unit, sign };
      return { ok: true, value: sign === '-' ? -value : value, unit, sign };
    case 'money':
      if (sign === '-') return { ok: false, value: null, unit, sign };
      return { ok: true, value, unit, sign };
  }
}

/** Reads a cell's value by its column's kind. */
export function makeCell(col: ColumnDecl, slot: Slot | undefined, at: number): Cell {
  if (!slot) return { col, range: [at, at], raw: '', state: 'missing', value: null, unit: null, sign: null, piped: false, confidence: 'certain', split: false };
  if (slot.blank) return cell(col, slot, 'blank', null, null, null);
  const r = readValue(col.kind, slot.raw);
  return cell(col, slot, r.ok ? 'ok' : 'invalid', r.value, r.unit, r.sign);
}
