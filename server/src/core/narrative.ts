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
  const re = /[^。;!?？！；\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ range: [m.index + lead, m.index + lead + body.length], text: body });
  }
  return out;
}
