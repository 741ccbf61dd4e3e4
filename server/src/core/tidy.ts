/**
 * `nianbao tidy`: a readable report rewritten as clean text. The title and the section headings
 * stand on their own lines, as written; every table read with certainty is written into its
 * format's standard layout (rows in declared order, labels as the declaration writes them, one row
 * per line, cells separated by tabs, blank cells left empty); a table read with uncertainty stays
 * as it was. Everything else is the text as written, character for character, but for the line
 * breaks put around a heading or a table.
 *
 * A table is rewritten only when every character of its stretch of text is accounted for: a cell,
 * a row or group label, a block heading, a header word, punctuation, or debris the reader named
 * (page numbers, footers: written back after the table). Anything else in it (a sentence, a
 * directive) keeps the table as written, so tidying never loses text.
 */
import { type CheckResult, checkReport } from './check';
import type { Config } from './config';
import { formatById, formats } from './formats/registry';
import type { BlockDecl, RowDecl } from './formats/types';
import type { Block, Range, Report, Table } from './model';
import { type ParseOptions, parse } from './parse';
import { blockLines, REQUESTS_NOTE } from './skeleton';

export interface TidyOptions {
  /** The format to read the tables in (as the config's `format`); `auto` by default. */
  format?: ParseOptions['format'];
  /** The rules' settings the tidied text must check the same under (all rules by default). */
  config?: Config;
}

/** One table's stretch: in the text given and in the tidied text. */
export interface TidySpan {
  table: Table['decl']['id'];
  /** Rewritten into the standard layout (else kept as written). */
  tidied: boolean;
  /**
   * Why a table was kept as written: read with uncertainty, in no known format, holding text that
   * is not the table's, or because the tidied text would not check the same.
   */
  kept?: KeptReason;
  from: Range;
  to: Range;
}

export interface TidyResult {
  text: string;
  /** Whether the tidied text differs from the text given. */
  changed: boolean;
  /** Tables kept as written: read with uncertainty, of no known format, or holding text not part of the table. */
  tablesVerbatim: number;
  /** Tables rewritten into the standard layout. */
  tablesTidied: number;
  spans: TidySpan[];
}

export type KeptReason = 'uncertain' | 'format' | 'text' | 'findings';

interface Edit {
  range: Range;
  text: string;
  table?: { id: Table['decl']['id']; tidied: boolean; kept?: KeptReason };
  /** A line break before or after a heading. */
  heading?: boolean;
  /** Where the edit's text stands in the tidied text (set by `apply`). */
  out?: Range | undefined;
}

const SPACE = /[ \t\u3000\u00a0]/;
const COMPACT = /\s+/g;
/** What may stand between a table's words: punctuation, pipes and rules of a Markdown table. */
const FILLER = /^[\p{P}\p{S}]*$/u;

/** Header cells drafts add over the label columns (a Markdown table's "| 分组 | 项目 |"). */
const GENERIC_HEADER = ['项目', '分组', '类别', '序号', '栏目', '名称'];

/** Every word a table's header, labels and headings may be written with, longest first. */
function tableWords(table: Table): Words {
  const header = new Set<string>([REQUESTS_NOTE, '申请人情况', '信息内容', '法人或其他组织', ...GENERIC_HEADER, ...table.decl.anchors]);
  const labels = new Set<string>();
  for (const f of formats())
    for (const b of f.blocks[table.decl.id] ?? []) {
      for (const w of [...b.header, ...b.markers]) header.add(w);
      for (const c of b.columns) {
        for (const w of c.header) header.add(w);
        for (const w of c.name.zh.split('·')) header.add(w);
      }
      for (const g of b.groupedLayout ?? []) for (const w of g.labels) header.add(w);
      for (const w of b.heading) labels.add(w);
      for (const r of b.rows) for (const w of r.labels) labels.add(w);
      for (const g of b.groups) for (const w of g.labels) labels.add(w);
    }
  const compact = (ws: Set<string>) => [...ws].map((w) => w.replace(COMPACT, ''));
  const list = [...compact(header), ...compact(labels)].sort((a, b) => b.length - a.length);
  return { list, joined: list.join('\u0000'), header: compact(header).join('\u0000') };
}

/** A table's words, longest first; all of them joined, and the header's (to find pieces of them). */
interface Words {
  list: string[];
  joined: string;
  header: string;
}

/** Whether a piece of text is nothing but a table's words and punctuation. */
function onlyWords(s: string, words: Words): boolean {
  let rest = s.replace(COMPACT, '');
  for (const w of words.list) if (w && rest.includes(w)) rest = rest.replaceAll(w, '');
  return FILLER.test(rest);
}

/**
 * Whether a stretch of text is nothing but the table's words: whole, or, where a PDF's columns
 * cut them into pieces on several lines ("结果 结果 其他" over "维持 纠正 结果"), each piece between
 * spaces a piece of one of the words. A piece with no letter (a stray number) is not a word's.
 */
function accounted(s: string, words: Words): boolean {
  if (onlyWords(s, words)) return true;
  return s.split(/\s+/).every((piece) => FILLER.test(piece) || onlyWords(piece, words) || (/[^\p{P}\p{S}\p{N}]/u.test(piece) && pieces(piece, words)));
}

/** Outside what the reader took for the table, only whole words count: a line "（一）申请情况" is the text's. */
function wholeWords(s: string, words: Words): boolean {
  return s.split(/\s+/).every((piece) => onlyWords(piece, words));
}

/**
 * Whether a piece is one piece of a word, or pieces of header words of two or more characters run
 * together ("总计商业"). Not pieces of labels run together: "规章情况" is a sentence's, not the table's.
 */
function pieces(s: string, words: Words): boolean {
  if (words.joined.includes(s)) return true;
  if (s.length > 64) return false;
  // ok[i]: s[0, i) splits into pieces of header words.
  const ok = [true, ...Array<boolean>(s.length).fill(false)];
  for (let i = 2; i <= s.length; i++) for (let j = i - 2; j >= 0 && !ok[i]; j--) if (ok[j] && words.header.includes(s.slice(j, i))) ok[i] = true;
  return ok[s.length]!;
}

/**
 * The ranges inside a table that the reader gave a meaning to: cells, labels, block headings. The
 * "label" of 表四's unlabelled row is whatever stands before its cells (header words, or a
 * sentence that mentions them): not a label, so its words are accounted for one by one.
 */
function readRanges(table: Table): Range[] {
  const out: Range[] = [];
  for (const b of table.blocks) {
    if (b.heading) out.push(b.heading);
    for (const g of b.groups) out.push(g.range);
    for (const r of b.rows) {
      if (!b.decl.unlabelled) out.push(r.label);
      for (const c of r.cells) out.push(c.range);
    }
  }
  return out.filter((r) => r[1] > r[0]);
}

/** From the first thing read of the table to the last. */
function tableExtent(text: string, table: Table, words: Words): Range {
  const unlabelled = table.blocks.every((b) => b.decl.unlabelled);
  // 表四's row has no label: the reader takes what stands before its cells for its header, which
  // may begin inside a sentence ("…行政复议案件中，结果维持2件…"). The table starts where only its
  // words are left before the first cell.
  let [s, e] = unlabelled ? [Number.POSITIVE_INFINITY, 0] : table.range;
  for (const b of table.blocks) {
    if (b.decl.unlabelled) {
      const first = b.rows[0]?.cells.find((c) => c.range[1] > c.range[0]);
      const from = Math.min(b.range[0], ...b.rows.map((r) => r.label[0]));
      const to = first ? first.range[0] : b.range[1];
      s = Math.min(s, headerStart(text, from, to, words));
    } else s = Math.min(s, b.range[0]);
    e = Math.max(e, b.range[1]);
  }
  for (const r of readRanges(table)) {
    s = Math.min(s, r[0]);
    e = Math.max(e, r[1]);
  }
  return Number.isFinite(s) ? [s, Math.max(s, e)] : table.range;
}

/** The first line start or sentence end in [from, to) after which only the table's words stand before `to`. */
function headerStart(text: string, from: number, to: number, words: Words): number {
  for (let i = Math.max(from, to - HEADER_WINDOW); i < to; i++) {
    if (!isBreakBefore(text, i) || !accounted(text.slice(i, to), words)) continue;
    while (i < to && /\s/.test(text[i]!)) i++;
    return i;
  }
  return to;
}

/** How far before and after a table its header words are looked for (a PDF's header of wide columns is several hundred characters). */
const HEADER_WINDOW = 4000;

const isBreakBefore = (text: string, i: number) => i === 0 || text[i - 1] === '\n' || /[。；;：:！!？?]/.test(text[i - 1]!);
const isBreakAfter = (text: string, i: number) => i >= text.length || text[i] === '\n' || text[i] === '\r';

/**
 * The table's stretch widened over the header words around it (a header the reader did not need,
 * "行政复议 行政诉讼" before 表四's first cell), from a line start or a sentence's end, not past `lo`/`hi`.
 */
function widen(text: string, [s, e]: Range, lo: number, hi: number, words: Words): Range {
  // A header is a few lines: looked for within a window, so a long section costs no more than a short one.
  lo = Math.max(lo, s - HEADER_WINDOW);
  hi = Math.min(hi, e + HEADER_WINDOW);
  let start = s;
  for (let i = lo; i < s; i++) {
    if (!isBreakBefore(text, i)) continue;
    if (wholeWords(text.slice(i, s), words)) {
      start = i;
      break;
    }
  }
  let end = e;
  for (let i = hi; i > e; i--) {
    if (!isBreakAfter(text, i)) continue;
    if (wholeWords(text.slice(e, i), words)) {
      end = i;
      break;
    }
  }
  // White space at either end stays outside.
  while (start < s && /\s/.test(text[start]!)) start++;
  while (end > e && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The table in the standard layout, or why it is kept as written. */
function tableText(report: Report, table: Table, span: Range, words: Words): string | KeptReason {
  if (table.confidence !== 'certain') return 'uncertain';
  const format = report.format === 'unknown' ? undefined : formatById(report.format);
  if (!format) return 'format';
  // Everything in the stretch must be something read, a word of the table, punctuation, or debris.
  const inside = report.artifacts.filter((a) => a.range[0] >= span[0] && a.range[1] <= span[1]);
  const covered = [...readRanges(table), ...inside.map((a) => a.range)].sort((a, b) => a[0] - b[0]);
  const rest: string[] = [];
  let at = span[0];
  for (const [s, e] of covered) {
    if (e <= at || s >= span[1]) continue;
    if (s > at) rest.push(report.text.slice(at, s));
    at = Math.max(at, e);
  }
  if (at < span[1]) rest.push(report.text.slice(at, span[1]));
  if (!rest.every((piece) => accounted(piece, words))) return 'text';
  const order = format.blocks[table.decl.id] ?? [];
  const blocks = [...table.blocks].sort((a, b) => rank(order, a.decl) - rank(order, b.decl));
  const lines: string[] = [];
  for (const b of blocks) {
    const text = blockText(b);
    if (text === null) return 'uncertain';
    lines.push(...text);
  }
  // Debris the reader named inside the table (page numbers, footers) is kept, after it.
  for (const a of inside) lines.push(a.text.trim());
  return lines.join('\n');
}

const rank = (order: BlockDecl[], b: BlockDecl) => {
  const i = order.indexOf(b);
  return i === -1 ? order.length : i;
};

/** A block's lines: the rows read, in declared order, each cell as read (blank: empty). */
function blockText(b: Block): string[] | null {
  const byDecl = new Map(b.rows.map((r) => [r.decl, r]));
  if (byDecl.size !== b.rows.length) return null;
  let bad = false;
  const lines = blockLines(b.decl, (decl: RowDecl | null) => {
    const row = decl ? byDecl.get(decl) : b.rows[0];
    if (!row) return null;
    // Cells missing at the row's end (nothing written there) stay unwritten: a blank is a field.
    let n = row.cells.length;
    while (n > 0 && row.cells[n - 1]!.state === 'missing') n--;
    return row.cells.slice(0, n).map((c) => {
      if (c.state === 'blank' || c.state === 'missing') return '';
      if (c.state === 'ambiguous' || c.confidence !== 'certain') bad = true;
      return c.raw.replace(COMPACT, '');
    });
  });
  return bad ? null : lines;
}

/** Line breaks around a heading written inside a line: before it, and after it (and its closing punctuation). */
function headingEdits(text: string, range: Range, eol: string): Edit[] {
  const out: Edit[] = [];
  let s = range[0];
  while (s > 0 && SPACE.test(text[s - 1]!)) s--;
  // Markdown's marks before a heading ("## ", "**") are part of its line.
  let m = s;
  while (m > 0 && /[#*_>\s]/.test(text[m - 1]!) && text[m - 1] !== '\n') m--;
  if (m > 0 && text[m - 1] !== '\n') out.push({ range: [s, range[0]], text: eol, heading: true });
  let e = range[1];
  while (e < text.length && /[：:。．，,；;*_#]/.test(text[e]!)) e++;
  let f = e;
  while (f < text.length && SPACE.test(text[f]!)) f++;
  if (f < text.length && text[f] !== '\n' && text[f] !== '\r') out.push({ range: [e, f], text: eol, heading: true });
  return out;
}

/** The report's text tidied: see the module's comment. */
export function tidy(text: string, options: TidyOptions = {}): TidyResult {
  return tidyReport(parse(text, { format: options.format ?? 'auto' }), options);
}

/** The edits that tidy a report: its tables (rewritten or kept), and line breaks around its headings. */
function plan(report: Report): Edit[] {
  const { text } = report;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const extents = new Map(report.tables.map((t) => [t, tableExtent(text, t, tableWords(t))]));
  const tables = [...report.tables].sort((a, b) => extents.get(a)![0] - extents.get(b)![0]);
  let lo = 0;
  tables.forEach((t, k) => {
    const extent = extents.get(t)!;
    const words = tableWords(t);
    const section = report.sections.find((s) => s.range[0] <= extent[0] && extent[0] < s.range[1]);
    const from = Math.max(lo, section?.heading ? section.heading.range[1] : 0);
    const next = tables[k + 1];
    const to = Math.min(t.regionEnd, next ? extents.get(next)![0] : text.length, section ? section.range[1] : text.length);
    const span = widen(text, extent, Math.min(from, extent[0]), Math.max(to, extent[1]), words);
    lo = span[1];
    const body = tableText(report, t, span, words);
    if (body === 'uncertain' || body === 'format' || body === 'text') {
      edits.push(keep(text, span, t.decl.id, body));
      return;
    }
    // The table on lines of its own: the white space around it becomes one line break.
    let s = span[0];
    while (s > 0 && SPACE.test(text[s - 1]!)) s--;
    let e = span[1];
    while (e < text.length && SPACE.test(text[e]!)) e++;
    const before = s > 0 && text[s - 1] !== '\n' ? eol : '';
    const after = e < text.length && text[e] !== '\n' && text[e] !== '\r' ? eol : '';
    edits.push({ range: [s, e], text: before + body.replaceAll('\n', eol) + after, table: { id: t.decl.id, tidied: true } });
  });
  const inTable = (r: Range) => edits.some((x) => x.range[0] < r[1] && r[0] < x.range[1]);
  const headings = [report.title?.range, ...report.sections.map((s) => s.heading?.range)].filter((r): r is Range => !!r && !inTable(r));
  for (const h of headings) edits.push(...headingEdits(text, h, eol).filter((x) => !inTable(x.range)));
  return edits;
}

const keep = (text: string, range: Range, id: Table['decl']['id'], kept: KeptReason): Edit => ({
  range,
  text: text.slice(range[0], range[1]),
  table: { id, tidied: false, kept },
});

/** What nianbao finds, as a person reads it, without lines: each finding's rule, section and message. */
function findingKeys(r: CheckResult): string {
  const keys = r.findings.map((f) => {
    const s = r.report.sections.find((x) => x.range[0] <= f.range[0] && f.range[0] < x.range[1]);
    return `${f.rule}|${s?.decl.number ?? 0}|${f.message.zh}`;
  });
  return keys.sort().join('\n');
}

/**
 * `tidy` of a report already read (with the same options). The tidied text is checked again: when
 * nianbao would find other things in it (a heading split out of a garbled line that then reads
 * otherwise), less is tidied — the tables only, then the headings only, then nothing.
 */
export function tidyReport(report: Report, options: TidyOptions = {}): TidyResult {
  const { text } = report;
  const parseOptions: ParseOptions = { format: options.format ?? 'auto' };
  let edits = plan(report);
  // A heading split from a web page's line must not leave debris the reader did not see before
  // (a footer that the long line hid): the line breaks that start such a line are not made.
  const seen = new Set(report.artifacts.map((a) => a.text.trim()));
  for (;;) {
    const result = apply(text, edits);
    const fresh = parse(result.text, parseOptions).artifacts.filter((a) => !seen.has(a.text.trim()));
    const starts = new Set(fresh.map((a) => a.range[0]));
    const next = edits.filter((x) => !(x.heading && x.out && starts.has(x.out[1])));
    if (next.length === edits.length) break;
    edits = next;
  }
  const checkOptions = options.config ? { config: options.config } : {};
  const before = findingKeys(checkReport(report, checkOptions));
  const untidy = (x: Edit) => (x.table?.tidied ? keep(text, x.range, x.table.id, 'findings') : x);
  const ladder = [edits, edits.filter((x) => !x.heading), edits.map(untidy), edits.filter((x) => !x.heading).map(untidy)];
  for (const step of ladder) {
    const result = apply(text, step);
    if (!result.changed || findingKeys(checkReport(parse(result.text, parseOptions), checkOptions)) === before) return result;
  }
  return apply(text, ladder[3]!);
}

function apply(text: string, edits: Edit[]): TidyResult {
  edits.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (const x of edits) x.out = undefined;
  let out = '';
  let at = 0;
  let verbatim = 0;
  let tidied = 0;
  const spans: TidySpan[] = [];
  for (const x of edits) {
    if (x.range[0] < at) continue;
    out += text.slice(at, x.range[0]);
    const start = out.length;
    // One line break where a table's end and a heading's start both ask for one.
    const eol = x.table && !x.table.tidied ? '' : x.text.startsWith('\r\n') ? '\r\n' : x.text.startsWith('\n') ? '\n' : '';
    out += eol && (out.endsWith('\n') || !out) ? x.text.slice(eol.length) : x.text;
    x.out = [start, out.length];
    at = x.range[1];
    if (x.table) {
      if (x.table.tidied) tidied++;
      else verbatim++;
      spans.push({ table: x.table.id, tidied: x.table.tidied, ...(x.table.kept ? { kept: x.table.kept } : {}), from: x.range, to: [start, out.length] });
    }
  }
  out += text.slice(at);
  return { text: out, changed: out !== text, tablesVerbatim: verbatim, tablesTidied: tidied, spans };
}
