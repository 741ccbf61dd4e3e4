/**
 * Text utilities for the parser. Everything works on the original text's UTF-16 offsets:
 * `normalize` produces a copy of exactly the same length in which full-width forms are folded
 * to their ASCII counterparts, so an offset found in the normalized copy is an offset in the
 * original text.
 */
import { lowerBound, upperBound } from './bisect';

const FOLD: Record<string, string> = {
  '\u3000': ' ', // ideographic space
  '\u00a0': ' ', // no-break space
  '\ufeff': ' ', // BOM / zero-width no-break space
  '\u200b': ' ',
  '\u200c': ' ',
  '\u200d': ' ',
  '\u2060': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u000b': ' ',
  '\f': '\n', // form feed from PDF text: a page break is a line break
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '．': '.',
  '，': ',',
  '：': ':',
  '；': ';',
  '／': '/',
  '＋': '+',
  '－': '-',
  '−': '-',
  '–': '-',
  '｜': '|',
  '％': '%',
  '＜': '<',
  '＞': '>',
  '！': '!',
  '＃': '#',
};

/** FOLD as a table from UTF-16 unit to its replacement unit (0: unchanged). */
export const FOLD_TABLE = (() => {
  const t = new Uint16Array(65536);
  for (const [from, to] of Object.entries(FOLD)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = c - 0xff10 + 48; // full-width digits
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = c - 0xfee0; // full-width Latin capitals
  for (let c = 0xff41; c <= 0xff5a; c++) t[c] = c - 0xfee0; // and small letters
  t[13] = 10; // CR (alone or in CRLF) ends a line too: CRLF reads as a line and an empty line
  return t;
})();

/** A buffer this many bytes large is given back when a use needs less than a quarter of it. */
const SHRINK_ABOVE = 8 << 20;

/**
 * A growable list of 32-bit integers, kept from one use to the next: here, a fresh array's memory
 * costs more to touch than the work that fills it (pushing onto a plain array of 80,000 numbers
 * took 100 ns a push, against 12 at 10,000).
 */
export class IntBuffer {
  private data = new Int32Array(256);
  length = 0;
  clear(): void {
    // Memory a huge text needed is given back once texts are small again.
    if (this.data.length > SHRINK_ABOVE >> 2 && this.length * 4 < this.data.length) this.data = new Int32Array(Math.max(256, this.length * 2));
    this.length = 0;
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  /** The values so far, in the buffer itself: valid until it is cleared or grows. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
  /** The values so far, copied. */
  copy(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * A buffer reused from one call to the next, grown as needed: a typed array allocated off the heap
 * costs microseconds, more than reading a whole report. Each user has its own, and nothing that
 * points into one outlives the call that filled it.
 */
export class Scratch {
  private buf = Buffer.allocUnsafeSlow(0);
  /** A buffer of at least `bytes` bytes: this one, grown, or shrunk when it is far larger than needed. */
  private room(bytes: number): Buffer {
    const have = this.buf.length;
    if (have < bytes) this.buf = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * have, 1024));
    else if (have > SHRINK_ABOVE && bytes * 4 < have) this.buf = Buffer.allocUnsafeSlow(Math.max(2 * bytes, 1024));
    return this.buf;
  }
  /** The units of `text`, copied into the buffer (which may hold more after them). */
  units(text: string): Uint16Array {
    const u = this.reserve(text.length);
    this.buf.write(text, 0, 2 * text.length, 'utf16le');
    return u;
  }
  /** Room for `size` units (old contents undefined). */
  reserve(size: number): Uint16Array {
    const buf = this.room(2 * size);
    return new Uint16Array(buf.buffer, buf.byteOffset, buf.length >> 1);
  }
  /** Room for `size` 32-bit integers (old contents undefined). */
  int32(size: number): Int32Array {
    const buf = this.room(4 * size);
    return new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2);
  }
  /** Units [0, n) of the buffer as a string, lone surrogates kept (TextDecoder would replace them). */
  string(n: number): string {
    return this.buf.toString('utf16le', 0, 2 * n);
  }
}

const normScratch = new Scratch();

/** The text with full-width forms, odd spaces and line breaks folded (the parser's lexer does the same in its pass). */
export function normalize(text: string): string {
  const n = text.length;
  const codes = normScratch.units(text);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c > 127 || c === 13 || c === 12 || c === 11) {
      const r = FOLD_TABLE[c]!;
      if (r !== 0) codes[i] = r;
    }
  }
  return normScratch.string(n);
}

/** Line starts of a normalized text (lines end at "\n"). */
export class Lines {
  readonly starts: Int32Array;
  /** `starts` may be given: those of another text with its line breaks in the same places. */
  constructor(
    readonly norm: string,
    starts?: Int32Array,
  ) {
    if (!starts) {
      const found = new IntBuffer();
      found.push(0);
      for (let i = norm.indexOf('\n'); i !== -1; i = norm.indexOf('\n', i + 1)) found.push(i + 1);
      starts = found.copy();
    }
    this.starts = starts;
  }
  get count(): number {
    return this.starts.length;
  }
  start(line: number): number {
    return this.starts[line]!;
  }
  /** End of the line's content (before its "\n"). */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.norm.length;
  }
  text(line: number): string {
    return this.norm.slice(this.start(line), this.end(line));
  }
  /** The 0-based line that contains an offset. */
  lineAt(offset: number): number {
    return Math.max(0, upperBound(this.starts, offset) - 1);
  }
}

/** The white space String.prototype.trim removes (and \s matches), as code units. */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Characters dropped from the compact form: white space and quotation marks. */
const COMPACT_DROP = new Set([' ', '\t', '\n', '"', "'", '“', '”', '‘', '’', '「', '」', '『', '』', '《', '》', '〈', '〉', '<', '>']);
const COMPACT_MAP: Record<string, string> = { '、': '.', '。': '.', '【': '(', '】': ')', '〔': '(', '〕': ')' };
/** The same as a table: 0 keeps a unit, 0xffff drops it, anything else replaces it. */
export const COMPACT_TABLE = (() => {
  const t = new Uint16Array(65536);
  for (const ch of COMPACT_DROP) t[ch.charCodeAt(0)] = 0xffff;
  for (const [from, to] of Object.entries(COMPACT_MAP)) t[from.charCodeAt(0)] = to.charCodeAt(0);
  return t;
})();

/** The one view `Compact.without` makes in a parse: valid until it makes the next. */
const withoutOffsets = new Scratch();
const withoutCodes = new Scratch();
const withoutLines = new Scratch();

/**
 * A view of a stretch of normalized text without white space, quotation marks or layout, for
 * finding labels that real drafts split across lines, indent, or write one character per line.
 */
export class Compact {
  private text: string | null = null;
  /**
   * `codes[i]` is the i-th unit of the compact text and `offsets[i]` its offset in the normalized
   * text; the view covers [from, to) of that text. (The parser's views point into buffers it
   * reuses: a view is read only while its text is parsed.)
   */
  constructor(
    readonly codes: Uint16Array,
    readonly offsets: Int32Array,
    readonly from: number,
    readonly to: number,
  ) {}
  get length(): number {
    return this.codes.length;
  }
  /** The compact text as a string, made when first asked for (the parser reads the units). */
  get str(): string {
    return (this.text ??= Buffer.from(this.codes.buffer, this.codes.byteOffset, this.codes.byteLength).toString('utf16le'));
  }
  /** The first index at or after `from` where `form` starts, or -1. */
  indexOf(form: string, from = 0): number {
    const codes = this.codes;
    const m = form.length;
    if (m === 0) return Math.min(Math.max(0, from), codes.length);
    const first = form.charCodeAt(0);
    for (let i = Math.max(0, from), last = codes.length - m; i <= last; i++) {
      if (codes[i] !== first) continue;
      let k = 1;
      while (k < m && codes[i + k] === form.charCodeAt(k)) k++;
      if (k === m) return i;
    }
    return -1;
  }
  /** The compact view of [from, to) of a normalized text, without the lines `skip` lists. */
  static of(norm: string, from: number, to: number, skip?: { lines: Lines; ignored: Set<number> }): Compact {
    const size = Math.max(0, to - from);
    const offs = new Int32Array(size);
    const codes = new Uint16Array(size);
    let k = 0;
    // The stretches to read: [from, to), or its lines that are not skipped.
    const spans: number[] = [];
    if (skip) {
      for (let l = skip.lines.lineAt(from); l < skip.lines.count && skip.lines.start(l) < to; l++) {
        if (!skip.ignored.has(l)) spans.push(Math.max(from, skip.lines.start(l)), Math.min(to, skip.lines.end(l) + 1));
      }
    } else spans.push(from, to);
    for (let x = 0; x < spans.length; x += 2) {
      for (let i = spans[x]!, e = spans[x + 1]!; i < e; i++) {
        const c = norm.charCodeAt(i);
        // Han characters are kept as they are: no table lookup for them.
        const m = c >= 0x4e00 && c <= 0x9fff ? 0 : COMPACT_TABLE[c]!;
        if (m === 0xffff) continue;
        codes[k] = m === 0 ? c : m;
        offs[k++] = i;
      }
    }
    return new Compact(codes.subarray(0, k), offs.subarray(0, k), from, to);
  }
  /**
   * This view of `norm` as `Compact.of(masked, …)` would make it, `masked` being `norm` with some
   * units blanked to spaces and the `ignored` lines skipped: the entries that remain, in one pass
   * (into buffers reused from one parse to the next, like the lexer's).
   */
  without(norm: string, masked: string, lines: Lines, ignored: Set<number>): Compact {
    const n = this.codes.length;
    const offs = withoutOffsets.int32(n);
    const codes = withoutCodes.reserve(n);
    const starts = lines.starts;
    const count = starts.length;
    const skipLine = withoutLines.reserve(count);
    for (let l = 0; l < count; l++) skipLine[l] = ignored.has(l) ? 1 : 0;
    const blanked = masked !== norm;
    let line = 0;
    let next = count > 1 ? starts[1]! : Infinity;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const o = this.offsets[i]!;
      while (o >= next) next = ++line + 1 < count ? starts[line + 1]! : Infinity;
      if (skipLine[line] || (blanked && masked.charCodeAt(o) !== norm.charCodeAt(o))) continue;
      codes[k] = this.codes[i]!;
      offs[k++] = o;
    }
    return new Compact(codes.subarray(0, k), offs.subarray(0, k), this.from, this.to);
  }
  /** The normalized-text range [start, end) of compact range [i, j). */
  range(i: number, j: number): [number, number] {
    return [this.offsets[i]!, this.offsets[j - 1]! + 1];
  }
  /** The first compact index whose text offset is >= offset. */
  indexAt(offset: number): number {
    return lowerBound(this.offsets, offset);
  }
}

/** The compact form of text that is already normalized. */
export function compactText(norm: string): string {
  const n = norm.length;
  let i = 0;
  // Most short texts (heading bodies) have nothing to drop or replace: the text itself.
  while (i < n && COMPACT_TABLE[norm.charCodeAt(i)] === 0) i++;
  if (i === n) return norm;
  let out = norm.slice(0, i);
  for (; i < n; i++) {
    const c = norm.charCodeAt(i);
    const m = COMPACT_TABLE[c]!;
    if (m !== 0xffff) out += String.fromCharCode(m === 0 ? c : m);
  }
  return out;
}

/** The compact form of a label as declared (same folding as `Compact`). */
export function compactLabel(label: string): string {
  return compactText(normalize(label));
}

/** True when a UTF-16 offset does not fall between the two halves of a surrogate pair. */
export function onBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const c = text.charCodeAt(offset);
  return !(c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800);
}
