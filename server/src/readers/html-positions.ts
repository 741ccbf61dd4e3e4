/**
 * A web page's source ↔ the text the HTML reader makes of it, character by character, for squiggles
 * on the page's source in the editor. The reader knows where each paragraph's and cell's first text
 * node starts (`at`); from there each character of the piece is found again in the source, past
 * tags, comments and white space, character references decoded. A piece whose characters cannot all
 * be found so (a hidden element inside it, a reference not known here) maps only as far as they can:
 * a range is placed only when every character in it was found, never near enough.
 */
import { htmlDocumentBlocks } from './html';
import { render } from './render';
import type { Segment } from './types';

const REFERENCES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  divide: '÷',
  plusmn: '±',
  yen: '¥',
  copy: '©',
  reg: '®',
};

/** The character a reference at `i` stands for and its length, or null. */
function reference(src: string, i: number): { ch: string; len: number } | null {
  const m = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/.exec(src.slice(i, i + 12));
  if (!m) return null;
  const name = m[1]!;
  let ch: string | undefined;
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    ch = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  } else ch = REFERENCES[name];
  return ch === undefined ? null : { ch, len: m[0].length };
}

const SPACE = /\s/;

/** Where the source's next visible character from `j` is (past white space, tags and comments), and what it is. */
function nextVisible(src: string, j: number): { at: number; ch: string; len: number } | null {
  while (j < src.length) {
    const c = src[j]!;
    if (c === '<') {
      if (src.startsWith('<!--', j)) {
        const end = src.indexOf('-->', j + 4);
        if (end < 0) return null;
        j = end + 3;
      } else if (/^<\/?[a-zA-Z!?]/.test(src.slice(j, j + 3))) {
        const end = src.indexOf('>', j + 1);
        if (end < 0) return null;
        j = end + 1;
      } else return { at: j, ch: c, len: 1 };
      continue;
    }
    if (c === '&') {
      const r = reference(src, j);
      if (r && SPACE.test(r.ch)) {
        j += r.len;
        continue;
      }
      if (r) return { at: j, ch: r.ch, len: r.len };
      return { at: j, ch: c, len: 1 };
    }
    if (SPACE.test(c)) {
      j++;
      continue;
    }
    const code = src.codePointAt(j)!;
    const len = code > 0xffff ? 2 : 1;
    return { at: j, ch: src.slice(j, j + len), len };
  }
  return null;
}

/** The reader's text of a page, and each of its characters' place in the source. */
export interface HtmlPositions {
  text: string;
  segments: Segment[];
  /** Offsets [start, end) in the text → [start, end) in the source, when every visible character between was found; else null. */
  toSource(range: readonly [number, number]): [number, number] | null;
}

/** Reads a page's source as the HTML reader does and maps its text back, or says why it cannot be read. */
export function htmlPositions(source: string): HtmlPositions | { error: string } {
  const blocks = htmlDocumentBlocks(source);
  if ('error' in blocks) return blocks;
  const r = render(blocks);
  const starts = new Int32Array(r.text.length).fill(-1);
  const ends = new Int32Array(r.text.length).fill(-1);
  for (const seg of r.segments) {
    if (seg.at === undefined) continue;
    let j = seg.at;
    for (let i = seg.start; i < seg.end; i++) {
      const c = r.text[i]!;
      if (SPACE.test(c)) continue;
      // A surrogate pair's second half goes with its first.
      if (i > seg.start && c >= '\udc00' && c <= '\udfff' && starts[i - 1]! >= 0) {
        starts[i] = starts[i - 1]!;
        ends[i] = ends[i - 1]!;
        continue;
      }
      const v = nextVisible(source, j);
      const want = r.text.codePointAt(i)! > 0xffff ? r.text.slice(i, i + 2) : c;
      if (!v || v.ch !== want) break;
      starts[i] = v.at;
      ends[i] = v.at + v.len;
      j = v.at + v.len;
    }
  }
  const toSource = (range: readonly [number, number]): [number, number] | null => {
    const [s, e] = range;
    if (s < 0 || e > r.text.length || s > e) return null;
    if (s === e) return s < r.text.length && starts[s]! >= 0 ? [starts[s]!, starts[s]!] : null;
    let first = -1;
    let last = -1;
    for (let i = s; i < e; i++) {
      if (SPACE.test(r.text[i]!)) continue;
      if (starts[i]! < 0) return null;
      if (first < 0) first = starts[i]!;
      last = ends[i]!;
    }
    return first < 0 ? null : [first, last];
  };
  return { text: r.text, segments: r.segments, toSource };
}
