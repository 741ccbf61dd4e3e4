/**
 * A PDF's positioned text → the report's text, laid out as a page looks: items grouped into lines by
 * their baseline, cells apart by runs of spaces as wide as the gap between them (the `pdf-layout`
 * shape the text reader knows), page numbers dropped and pages run together so that a table over a
 * page break reads as one. Characters that broken font maps give as Kangxi radicals or CJK
 * compatibility ideographs ("⼀" for "一") are normalised (NFKC, for those characters only).
 */
import type { PdfImage, PdfPage } from './pdf-types';
import type { Segment } from './types';

/** Kangxi radicals, CJK radicals supplement, CJK compatibility ideographs (and their supplement). */
const COMPAT = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/;
const COMPAT_ALL = new RegExp(COMPAT.source, 'g');

export function normaliseCjk(s: string): string {
  return COMPAT.test(s) ? s.replace(COMPAT_ALL, (c) => c.normalize('NFKC')) : s;
}

/** A page number alone on its line: "3", "- 3 -", "—3—", "第 3 页", "第3页 共10页", "3 / 10", "·3·". */
const PAGE_NUMBER = /^\s*[-－—–·•]?\s*(第\s*)?[0-9０-９]{1,4}\s*(页)?\s*(([/／]|共)\s*[0-9０-９]{1,4}\s*页?)?\s*[-－—–·•]?\s*$/;

interface Line {
  y: number;
  h: number;
  items: { str: string; x: number; w: number; h: number }[];
}

function linesOf(page: PdfPage): Line[] {
  // Spaces pdfjs puts between runs are left out: the gaps themselves say how far apart the runs are.
  const items = page.items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of items) {
    const h = it.h > 0 ? it.h : 10;
    const line = lines.find((l) => Math.abs(l.y - it.y) < 0.5 * Math.min(l.h, h));
    if (line) {
      line.items.push({ str: it.str, x: it.x, w: it.w, h });
      line.h = Math.max(line.h, h);
    } else lines.push({ y: it.y, h, items: [{ str: it.str, x: it.x, w: it.w, h }] });
  }
  lines.sort((a, b) => b.y - a.y);
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[0-9A-Za-z.,%]/.test(c);

export interface LaidOut {
  text: string;
  segments: Segment[];
  /** Where each picture big enough to be a table landed in the text: the offset of the line below it. */
  pictures: { page: number; offset: number }[];
}

/** Big enough to be a table: a third of the page's width and a tenth of its height. */
const isTablePicture = (img: PdfImage, page: PdfPage) => img.w >= page.width / 3 && img.h >= page.height / 10;

/** Lays out every page's text; see the module comment. */
export function layOut(pages: PdfPage[]): LaidOut {
  let text = '';
  const segments: Segment[] = [];
  const pictures: LaidOut['pictures'] = [];
  // The left margin: the leftmost text of the whole document, so indents read alike on every page.
  let left = Number.POSITIVE_INFINITY;
  const heights: number[] = [];
  for (const p of pages)
    for (const i of p.items)
      if (i.str.trim()) {
        left = Math.min(left, i.x);
        heights.push(i.h);
      }
  // A column of the text is half the commonest text height (a Han character is two): cells that
  // stand one above the other on the page stand one above the other in the text.
  heights.sort((a, b) => a - b);
  const unit = (heights[heights.length >> 1] ?? 10) / 2;
  const width = (x: string) => {
    let w = 0;
    for (const c of x) w += c.charCodeAt(0) > 0x2e7f ? 2 : 1;
    return w;
  };
  pages.forEach((page, pi) => {
    const lines = linesOf(page);
    // Page numbers: the first or last line of a page, alone.
    const lineText = (l: Line) => l.items.map((i) => i.str).join('');
    while (lines.length && PAGE_NUMBER.test(lineText(lines[lines.length - 1]!))) lines.pop();
    while (lines.length && PAGE_NUMBER.test(lineText(lines[0]!))) lines.shift();
    const pics = page.images.filter((img) => isTablePicture(img, page)).map((img) => img.y + img.h);
    // The usual distance between lines: a gap much wider is a blank line (a paragraph's or a table's edge).
    const pitches = lines
      .slice(1)
      .map((l, i) => lines[i]!.y - l.y)
      .sort((a, b) => a - b);
    const pitch = pitches[Math.floor(pitches.length / 2)] ?? 0;
    let prev: Line | null = null;
    for (const line of lines) {
      for (let k = pics.length - 1; k >= 0; k--)
        if (pics[k]! > line.y) {
          pictures.push({ page: pi + 1, offset: text.length });
          pics.splice(k, 1);
        }
      if (prev && prev.y - line.y > Math.max(1.5 * pitch, 1.5 * Math.max(prev.h, line.h))) text += '\n';
      let s = '';
      let end: { x: number; c: string | undefined } | null = null;
      for (const it of line.items) {
        const str = normaliseCjk(it.str);
        const column = Math.round((it.x - left) / unit);
        if (!end) s += ' '.repeat(Math.max(0, column));
        else {
          const gap = it.x - end.x;
          if (gap > 0.6 * it.h) s += ' '.repeat(Math.max(2, column - width(s)));
          else if (gap > 0.15 * it.h && (isWordChar(end.c) || isWordChar(str[0]))) s += ' ';
        }
        const start = text.length + s.length;
        s += str;
        segments.push({ start, end: start + str.length, where: { page: pi + 1, x: Math.round(it.x), y: Math.round(page.height - line.y) } });
        end = { x: it.x + it.w, c: str[str.length - 1] };
      }
      text += `${s.trimEnd()}\n`;
      prev = line;
    }
    for (const _ of pics) pictures.push({ page: pi + 1, offset: text.length });
  });
  return { text, segments, pictures };
}
