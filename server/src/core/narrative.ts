/**
 * The narrative of a report, as the text rules read it: the normalized text with the tables,
 * debris lines and directive comments blanked out (same length, so offsets hold), split into
 * sentences where needed. Made once per report.
 */
import type { Range, Report } from './model';

const cache = new WeakMap<Report, string>();

/** The normalized text with everything but the narrative turned into spaces (line breaks kept). */
export function narrative(report: Report): string {
  let out = cache.get(report);
  if (out !== undefined) return out;
  const blank: Range[] = report.tables.map((t) => t.range);
  for (const l of report.ignoredLines) blank.push([report.lines.start(l), report.lines.end(l)]);
  for (const a of report.artifacts) blank.push(a.range);
  for (const d of report.directives) blank.push(d.range);
  if (report.title) blank.push(report.title.range);
  blank.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [s, e] of blank) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    parts.push(report.norm.slice(at, from), report.norm.slice(from, e).replace(/[^\n]/g, ' '));
    at = e;
  }
  parts.push(report.norm.slice(at));
  out = parts.join('');
  cache.set(report, out);
  return out;
}

/** Where sentences end: 。；！？ (full-width as normalized, and their ASCII forms) and line breaks. */
export const SENTENCE_END = /[。;!?？！；\n]/;

export interface Sentence {
  /** The sentence without its end mark and the white space around it. */
  range: Range;
  text: string;
}

/** The narrative's sentences, in order, none empty. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // A sentence: the characters up to the next end mark, white space around it left out (as trim() does).
    let end = i;
    while (end < n && !isSentenceEnd(text.charCodeAt(end))) end++;
    let a = i;
    let b = end;
    while (a < b && isTrimmed(text.charCodeAt(a))) a++;
    while (b > a && isTrimmed(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ range: [a, b], text: text.slice(a, b) });
    i = end + 1;
  }
  return out;
}

const sentenceCache = new WeakMap<Report, Sentence[]>();

/** The sentences of a report's narrative, made once per report (the text rules and the extract share them). */
export function narrativeSentences(report: Report): Sentence[] {
  let out = sentenceCache.get(report);
  if (!out) {
    out = sentences(narrative(report));
    sentenceCache.set(report, out);
  }
  return out;
}

/** 。;!?？！； and the line break: SENTENCE_END, by code. */
function isSentenceEnd(c: number): boolean {
  return c === 0x0a || c === 0x3002 || c === 0x3b || c === 0x21 || c === 0x3f || c === 0xff1f || c === 0xff01 || c === 0xff1b;
}

/** White space as String.prototype.trim() removes it (ECMAScript's WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
