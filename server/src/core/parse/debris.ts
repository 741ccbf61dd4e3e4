/**
 * Debris that pasted drafts carry: Word bookmarks, web-page breadcrumbs and footers, PDF page
 * numbers, and the tool's own directive comments. The parser skips them; `text.artifact` reports
 * all but the directives.
 */
import type { Artifact, Range } from '../model';
import { isTrimSpace, type Lines } from '../text';
import { reshape, type LineShape } from './shape';

const INLINE_BOOKMARK = /\[bookmark:[^\]\n]*\]/g;
const DIRECTIVE = /<!--\s*nianbao-[\s\S]*?-->/g;

interface LinePattern {
  kind: Artifact['kind'];
  re: RegExp;
  /** Only short lines: a long line that mentions the words is prose. */
  maxLength: number;
}

const LINE_PATTERNS: LinePattern[] = [
  { kind: 'breadcrumb', re: /^(首页|当前位置|您当前的位置|您现在的位置|当前所在位置)\s*(>|»|›|:|\/)/, maxLength: 120 },
  { kind: 'breadcrumb', re: /^[^。，,\s]{1,12}(\s*>\s*[^>。]{1,20}){2,}$/, maxLength: 120 },
  {
    kind: 'web',
    re: /^【\s*字体|^字体\s*:\s*[【[]?\s*大|^【\s*(打印|关闭|收藏)|打印本页|关闭窗口|分享到\s*:|^扫一扫|浏览次数\s*:|^【\s*我要纠错|^\s*责任编辑\s*:/,
    maxLength: 80,
  },
  {
    kind: 'footer',
    re: /网站地图|联系我们|版权所有|ICP备|公网安备|网站标识码|^主办(单位)?\s*:|^承办(单位)?\s*:|^技术支持\s*:|分辨率.*浏览器|^涉密文件严禁上网/,
    maxLength: 120,
  },
  { kind: 'page-number', re: /^(-\s*\d{1,3}\s*-|—\s*\d{1,3}\s*—|第\s*\d{1,3}\s*页(\s*[,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/, maxLength: 20 },
];

/** The words debris is made of: a line with none of them (nor opening like a page number) is not debris. */
const DEBRIS_WORDS = [
  '>',
  '»',
  '›',
  '【',
  '首页',
  '位置',
  '字体',
  '打印',
  '关闭',
  '分享',
  '扫一扫',
  '浏览',
  '编辑',
  '网站',
  '联系我们',
  '版权',
  'ICP',
  '公网安备',
  '主办',
  '承办',
  '技术支持',
  '分辨率',
  '涉密',
];
/** The words by their first unit: WORD_START[c] is 1 + the index of c's list in WORDS_BY_START, or 0. */
const WORD_START = new Uint8Array(65536);
const WORDS_BY_START: string[][] = [];
/** The same as one bit per unit: a table small enough to stay in the cache while the lexer reads every unit. */
export const WORD_START_BITS = new Uint32Array(65536 >> 5);
for (const w of DEBRIS_WORDS) {
  const c = w.charCodeAt(0);
  if (!WORD_START[c]) WORD_START[c] = WORDS_BY_START.push([]);
  WORDS_BY_START[WORD_START[c]! - 1]!.push(w);
  WORD_START_BITS[c >> 5]! |= 1 << (c & 31);
}

function hasDebrisWord(t: string, a: number, e: number): boolean {
  for (let k = a; k < e; k++) {
    const w = WORD_START[t.charCodeAt(k)]!;
    if (w === 0) continue;
    for (const word of WORDS_BY_START[w - 1]!) if (k + word.length <= e && t.startsWith(word, k)) return true;
  }
  return false;
}

/** Whether the trimmed line at [a, e) opens like a page number: "-", "—", "第", or digits, white space, "/". */
function opensLikeDebris(t: string, a: number, e: number): boolean {
  const c = t.charCodeAt(a);
  if (c === 45 || c === 0x2014 || c === 0x7b2c) return true;
  let k = a;
  while (k < e && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
  if (k === a) return false;
  while (k < e && isTrimSpace(t.charCodeAt(k))) k++;
  return t.charCodeAt(k) === 47 && k < e;
}

export interface Debris {
  artifacts: Artifact[];
  /** Lines made only of debris or directives: the parser skips them entirely. */
  ignoredLines: Set<number>;
  /** The normalized text with inline debris and directives blanked out (same length). */
  masked: string;
  directives: { range: Range; body: string; line: number }[];
  /** The shape of the masked text's lines. */
  shape: LineShape;
}

/** The offset just past the line break that ends a line's content at `end` in the original text. */
export function pastBreak(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end < text.length ? end + 1 : end;
}

/** `shape`: the shape of the normalized text's lines (from the lexer). */
export function findDebris(text: string, norm: string, lines: Lines, shape: LineShape): Debris {
  const artifacts: Artifact[] = [];
  const ignoredLines = new Set<number>();
  const directives: Debris['directives'] = [];
  const chars: string[] | null = [];
  const blank: Range[] = [];

  if (norm.includes('<!--'))
    for (const m of norm.matchAll(DIRECTIVE)) {
      const start = m.index!;
      directives.push({ range: [start, start + m[0].length], body: m[0], line: lines.lineAt(start) });
      blank.push([start, start + m[0].length]);
    }
  if (norm.includes('[bookmark:'))
    for (const m of norm.matchAll(INLINE_BOOKMARK)) {
      const start = m.index!;
      blank.push([start, start + m[0].length]);
      artifacts.push({ range: [start, start + m[0].length], line: false, kind: 'bookmark', text: m[0] });
    }
  let masked = norm;
  if (blank.length) {
    chars.length = 0;
    let last = 0;
    blank.sort((a, b) => a[0] - b[0]);
    for (const [s, e] of blank) {
      if (s < last) continue;
      chars.push(norm.slice(last, s), norm.slice(s, e).replace(/[^\n]/g, ' '));
      last = e;
    }
    chars.push(norm.slice(last));
    masked = chars.join('');
  }

  if (masked !== norm) shape = reshape(masked, lines, shape.debrisHint);
  const { indent, debrisHint } = shape;
  for (let l = 0; l < lines.count; l++) {
    const s = lines.start(l);
    const e = lines.end(l);
    // Debris lines are short; prose is not worth trimming and testing.
    if (e - s > 160) continue;
    // Table cells ("\t0", "12"): not debris, and the most common lines of all.
    const a = indent[l]!;
    let z = a;
    while (z < e && masked.charCodeAt(z) >= 48 && masked.charCodeAt(z) <= 57) z++;
    if (z > a && (z === e || masked.charCodeAt(z) === 9 || masked.charCodeAt(z) === 32)) {
      let slash = false;
      for (let k = z; k < e && !slash; k++) slash = masked.charCodeAt(k) === 47;
      if (!slash) continue;
    }
    // The line as trim() sees it (white space other than spaces and tabs, too).
    let ta = a;
    while (ta < e && isTrimSpace(masked.charCodeAt(ta))) ta++;
    if (ta === e && masked === norm) continue;
    if (ta < e && !opensLikeDebris(masked, ta, e) && !(debrisHint[l] && hasDebrisWord(masked, ta, e))) continue;
    const raw = masked.slice(s, e);
    const trimmed = raw.trim();
    if (!trimmed) {
      // A line that held only a bookmark or a directive is debris, not an empty table cell, unless
      // white space stood before the directive: that is a blank cell with its directive after it.
      const original = norm.slice(s, e);
      const directiveOnCell = /^[ \t]+<!--/.test(original) && !artifacts.some((a) => a.kind === 'bookmark' && a.range[0] >= s && a.range[1] <= e);
      if (original.trim() && !directiveOnCell) {
        ignoredLines.add(l);
        const bm = artifacts.find((a) => a.kind === 'bookmark' && a.range[0] >= s && a.range[1] <= e);
        if (bm) {
          bm.line = true;
          bm.range = [s, pastBreak(text, e)];
        }
      }
      continue;
    }
    for (const p of LINE_PATTERNS) {
      if (trimmed.length <= p.maxLength && p.re.test(trimmed)) {
        ignoredLines.add(l);
        artifacts.push({ range: [s, pastBreak(text, e)], line: true, kind: p.kind, text: trimmed });
        break;
      }
    }
  }
  artifacts.sort((a, b) => a.range[0] - b.range[0]);
  return { artifacts, ignoredLines, masked, directives, shape };
}
