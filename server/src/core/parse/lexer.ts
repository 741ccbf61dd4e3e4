/**
 * The lexer: one pass over a report's code units that does what every later step would otherwise
 * read the whole text again for. It folds the units (`normalize`), finds the line starts, each
 * line's indentation and content end, the lines that may hold a debris word, the compact text with
 * its offsets, and where the forms of the declared labels may start (confirmed after the pass).
 */
import { Compact, COMPACT_TABLE, FOLD_TABLE, IntBuffer, Lines, Scratch } from '../text';
import { WORD_START_BITS } from './debris';
import { hash2, hash3, LabelIndex, type FormDictionary } from './labels';
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
// it and keeps none of it (the line starts are copied). The per-line arrays have room for the
// lines counted before the pass, so it writes them without a bounds test of its own.
const units16 = new Scratch();
const compactUnits = new Scratch();
const offsetsBuf = new Scratch();
const candidates = new IntBuffer();
const pairCandidates = new IntBuffer();
const startsBuf = new Scratch();
const indentBuf = new Scratch();
const contentEndBuf = new Scratch();
const hintBuf = new Scratch();

export function lex(text: string, dict: FormDictionary): Lexed {
  const n = text.length;
  const units = units16.units(text);
  const codes = compactUnits.reserve(n);
  const offsets = offsetsBuf.int32(n);
  // Every \n, \r and \f ends a line (a CRLF ends two, as the folding makes it).
  let lines = 1;
  for (const br of ['\n', '\r', '\f']) for (let i = text.indexOf(br); i !== -1; i = text.indexOf(br, i + 1)) lines++;
  const starts = startsBuf.int32(lines);
  const indent = indentBuf.int32(lines);
  const contentEnd = contentEndBuf.int32(lines);
  const debrisHint = hintBuf.int32(lines);
  const { used, pairUsed } = dict;
  candidates.clear();
  pairCandidates.clear();
  starts[0] = 0;
  let line = 0;
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
      hint |= WORD_START_BITS[c >> 5]! & (1 << (c & 31));
    } else {
      if (c > 127 || c === 13 || c === 12 || c === 11) {
        const r = FOLD_TABLE[c]!;
        if (r !== 0) units[i] = c = r;
      }
      if (c === 10) {
        indent[line] = first === -1 ? i : first;
        contentEnd[line] = first === -1 ? i : last;
        debrisHint[line] = hint;
        starts[++line] = i + 1;
        first = -1;
        hint = 0;
        continue;
      }
      if (c !== 32 && c !== 9) {
        if (first === -1) first = i;
        last = i + 1;
        hint |= WORD_START_BITS[c >> 5]! & (1 << (c & 31));
      }
      const m = COMPACT_TABLE[c]!;
      if (m === 0xffff) continue;
      if (m !== 0) c = m;
    }
    codes[k] = c;
    offsets[k] = i;
    // The candidates FormDictionary.scan would find, made here while the units are at hand.
    if (k >= 1) {
      const h2 = hash2(p2, c);
      if ((pairUsed[h2 >> 5]! & (1 << (h2 & 31))) !== 0) pairCandidates.push(k - 1);
      if (k >= 2) {
        const h = hash3(p1, p2, c);
        if ((used[h >> 5]! & (1 << (h & 31))) !== 0) candidates.push(k - 2);
      }
    }
    p1 = p2;
    p2 = c;
    k++;
  }
  indent[line] = first === -1 ? n : first;
  contentEnd[line] = first === -1 ? n : last;
  debrisHint[line] = hint;
  const count = line + 1;
  const norm = units16.string(n);
  const compact = new Compact(codes.subarray(0, k), offsets.subarray(0, k), 0, n);
  const labels = new LabelIndex(compact, dict, dict.verify(codes, k, candidates.view(), pairCandidates.view()));
  const shape = { indent: indent.subarray(0, count), contentEnd: contentEnd.subarray(0, count), debrisHint: debrisHint.subarray(0, count) };
  return { norm, lines: new Lines(norm, starts.slice(0, count)), shape, compact, labels };
}
