/**
 * The lexer: one pass over a report's code units that does what every later step would otherwise
 * read the whole text again for. It folds the units (`normalize`), finds the line starts, each
 * line's indentation and content end, the lines that may hold a debris word, the compact text with
 * its offsets, and where the forms of the declared labels may start (confirmed after the pass).
 */
import { Compact, COMPACT_TABLE, FOLD_TABLE, IntBuffer, Lines, Scratch } from '../text';
import { WORD_START } from './debris';
import { hash3, LabelIndex, type FormDictionary } from './labels';
import type { LineShape } from './shape';

export interface Lexed {
  norm: string;
  lines: Lines;
  shape: LineShape;
  compact: Compact;
  labels: LabelIndex;
}

// The lexer's memory, reused from one text to the next (fresh memory is slow to touch): what it
// returns points into it, so a lexed text is valid until the next one is lexed. The parser reads
// it and keeps none of it (the line starts are copied).
const units16 = new Scratch();
const compactUnits = new Scratch();
const offsetsBuf = new Scratch();
const candidates = new IntBuffer();
const starts = new IntBuffer();
const indent = new IntBuffer();
const contentEnd = new IntBuffer();
const debrisHint = new IntBuffer();

export function lex(text: string, dict: FormDictionary): Lexed {
  const n = text.length;
  const units = units16.units(text);
  const codes = compactUnits.reserve(n);
  const offsets = offsetsBuf.int32(n);
  const used = dict.used;
  for (const b of [candidates, starts, indent, contentEnd, debrisHint]) b.clear();
  starts.push(0);
  let first = -1;
  let last = 0;
  let hint = 0;
  let k = 0;
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < n; i++) {
    let c = units[i]!;
    if (c >= 0x4e00 && c <= 0x9fff) {
      // A Han character (most of a report): never folded, never dropped.
      if (first === -1) first = i;
      last = i + 1;
      hint |= WORD_START[c]!;
    } else {
      if (c > 127 || c === 13 || c === 12 || c === 11) {
        const r = FOLD_TABLE[c]!;
        if (r !== 0) units[i] = c = r;
      }
      if (c === 10) {
        indent.push(first === -1 ? i : first);
        contentEnd.push(first === -1 ? i : last);
        debrisHint.push(hint);
        starts.push(i + 1);
        first = -1;
        hint = 0;
        continue;
      }
      if (c !== 32 && c !== 9) {
        if (first === -1) first = i;
        last = i + 1;
        hint |= WORD_START[c]!;
      }
      const m = COMPACT_TABLE[c]!;
      if (m === 0xffff) continue;
      if (m !== 0) c = m;
    }
    codes[k] = c;
    offsets[k] = i;
    if (k >= 2) {
      const h = hash3(p1, p2, c);
      if ((used[h >> 5]! & (1 << (h & 31))) !== 0) candidates.push(k - 2);
    }
    p1 = p2;
    p2 = c;
    k++;
  }
  indent.push(first === -1 ? n : first);
  contentEnd.push(first === -1 ? n : last);
  debrisHint.push(hint);
  const norm = units16.string(n);
  const compact = new Compact(compactUnits.string(k), offsets.subarray(0, k), 0, n);
  const labels = new LabelIndex(compact, dict, dict.verify(codes, k, candidates.view()));
  return { norm, lines: new Lines(norm, starts.copy()), shape: { indent: indent.view(), contentEnd: contentEnd.view(), debrisHint: debrisHint.view() }, compact, labels };
}
