/** text → report model. Pure: no editor or LSP types. */
import { blockFormats, blockIn, formatById, formatForYear, formatIds, formats as registered } from '../formats/registry';
import type { FormatDecl, FormatId, SectionDecl } from '../formats/types';
import type { Block, Range, Report, Section, Table, YearMention } from '../model';
import { Lines } from '../text';
import { findDebris } from './debris';
import { dictionaryOf, LabelIndex } from './labels';
import { lex } from './lexer';
import { chooseHeadings, findHeadingCandidates, findInlineHeadings, type HeadingCandidate } from './sections';
import { parseActiveTable, parseBlock, parseSingleTable, slotsOf, tableConfidence, type ParseContext } from './tables';

export interface ParseOptions {
  /** Force a format instead of telling it from the tables and the year. */
  format?: FormatId | 'auto';
}

const YEAR_RE = /(\d{4,6})\s*年(?!\s*\d{1,2}\s*月)/;

/**
 * A report's beginning: what is read before any table (the title, the period, the signing date,
 * the year) and whether that alone shows the text is a report (a section heading, or a title that
 * says 政府信息公开 or 政务公开). `parse` starts with it, so the two never disagree. Cheaper than
 * `parse` by the tables: the CLI's index pass pairs reports by it.
 */
export interface Head {
  title: Report['title'];
  period: Report['period'];
  signed: Report['signed'];
  year: number | null;
  /** Section headings found (each makes a section with its heading). */
  headings: number;
}

/** The head of a text: see `Head`. */
export function parseHead(text: string, options: ParseOptions = {}): Head {
  const h = readHead(text, options);
  return { title: h.title, period: h.period, signed: h.signed, year: h.year, headings: h.chosen.length };
}

/** The parser's state once the head is read: the lexed and masked text, the headings, the head. */
function readHead(text: string, options: ParseOptions) {
  // One array per state of the registry: the caches keyed by it (dictionary, headings) follow it.
  const all = registered();
  const dict = dictionaryOf(all);
  const lexed = lex(text, dict);
  const { norm, lines: rawLines } = lexed;
  const debris = findDebris(text, norm, rawLines, lexed.shape);
  const masked = debris.masked;
  // Masking blanks debris but keeps every line break: the line starts are the same.
  const lines = debris.masked === norm ? rawLines : new Lines(masked, rawLines.starts);
  const formats: readonly FormatDecl[] = all;

  // ------------------------------------------------------------ sections
  const cands = findHeadingCandidates(masked, lines, debris.shape, debris.ignoredLines, formats);
  for (const c of findInlineHeadings(masked, lines, debris.ignoredLines, formats, cands)) cands.push(c);
  const { chosen, extra, misplaced } = chooseHeadings(cands);
  const headingStarts = chosen.map((c) => c.heading.range[0]);

  // ------------------------------------------------------------ title, period, year
  const title = findTitle(masked, lines, debris.ignoredLines, headingStarts[0] ?? masked.length);
  const period = findPeriod(masked);
  const signed = findSigned(masked, lines, chosen);
  // A year is read only from four digits: "202020年" is a typo for report.year to point out, not a year.
  const four = (m: YearMention | null | undefined) => (m && m.raw.length === 4 ? m.year : null);
  const year = four(title?.year) ?? four(period?.to) ?? four(period?.from) ?? (signed ? signed.year - 1 : null);
  const forcedDecl = options.format && options.format !== 'auto' ? formatById(options.format) : undefined;
  if (options.format && options.format !== 'auto' && !forcedDecl) throw new Error(`unknown format "${options.format}" (known: ${formatIds().join(', ')})`);
  return { all, dict, lexed, norm, debris, masked, lines, chosen, extra, misplaced, title, period, signed, year, forcedDecl };
}

export function parse(text: string, options: ParseOptions = {}): Report {
  const { all, dict, lexed, norm, debris, masked, lines, chosen, extra, misplaced, title, period, signed, year, forcedDecl } = readHead(text, options);
  const formats: readonly FormatDecl[] = all;
  const ignored = debris.ignoredLines;
  // The lexer's compact text holds the debris: without it, the labels are found again.
  const labels = masked === norm && !ignored.size ? lexed.labels : new LabelIndex(lexed.compact.without(norm, masked, lines, ignored), dict);
  const ctx: ParseContext = { text: masked, lines, ignored, formats, labels };
  const formatByYear = year !== null && year >= 1000 && year < 10000 ? formatForYear(year) : null;
  const forced = forcedDecl ? forcedDecl.id : null;
  const preferred = forced ?? formatByYear;
  if (forcedDecl) ctx.formats = [forcedDecl];

  // ------------------------------------------------------------ tables
  const byId = (id: string) => chosen.find((c) => c.decl.id === id) ?? null;
  const sorted = [...chosen].sort((a, b) => a.heading.range[0] - b.heading.range[0]);
  const after = (off: number) => sorted.find((c) => c.heading.range[0] > off)?.heading.range[0] ?? masked.length;
  /** The span a section's table is looked for in: its own span, or the gap its missing heading left. */
  const spanFor = (decl: SectionDecl): Range => {
    const own = byId(decl.id);
    if (own) return [own.inline ? own.heading.range[1] : lineEndAt(lines, own.heading.range[1]), after(own.heading.range[1])];
    const before = sorted.filter((c) => c.decl.number < decl.number).pop();
    const next = sorted.find((c) => c.decl.number > decl.number && (!before || c.heading.range[0] > before.heading.range[0]));
    return [before ? lineEndAt(lines, before.heading.range[1]) : 0, next ? next.heading.range[0] : masked.length];
  };
  const tableDecl = (id: string) => formats[0]!.tables.find((t) => t.id === id)!;
  const tables: Table[] = [];

  const reqSpan = spanFor(sectionDecl(formats, 'requests'));
  const requests = parseSingleTable(ctx, tableDecl('requests'), reqSpan[0], reqSpan[1], preferred);

  let activeSpan = spanFor(sectionDecl(formats, 'active'));
  if (requests && requests.range[0] >= activeSpan[0] && requests.range[0] < activeSpan[1]) activeSpan = [activeSpan[0], lineStartAt(lines, requests.range[0])];
  const active = parseActiveTable(ctx, tableDecl('active'), activeSpan[0], activeSpan[1], preferred);

  let reviewSpan = spanFor(sectionDecl(formats, 'review'));
  if (requests && !byId('review') && requests.range[1] > reviewSpan[0] && requests.range[1] < reviewSpan[1]) reviewSpan = [requests.range[1], reviewSpan[1]];
  const review = parseSingleTable(ctx, tableDecl('review'), reviewSpan[0], reviewSpan[1], preferred);
  for (const t of [active, requests, review]) if (t) tables.push(t);

  // ------------------------------------------------------------ format
  const format: FormatId | 'unknown' = forced ?? chooseFormat(all, tables, preferred);
  if (format !== 'unknown') {
    const decl = formatById(format)!;
    // Blocks the tables could not tell apart take the report's format.
    for (const t of tables) {
      t.blocks = t.blocks.map((b) => (b.evidence === 'assumed' && !blockIn(b.decl, format) ? reparse(ctx, t, b, decl) : b));
      const present = new Set(t.blocks.map((b) => b.decl.slot));
      t.missingBlocks = decl.blocks[t.decl.id].filter((b) => !present.has(b.slot));
    }
  }

  // Blocks re-read in the report's format change what the table is sure of.
  for (const t of tables) t.confidence = tableConfidence(t.blocks);

  // ------------------------------------------------------------ sections, with the ones only their table shows
  const sections: Section[] = chosen.map((c) => ({ decl: c.decl, range: [c.heading.range[0], 0] as Range, heading: c.heading, subsections: [] }));
  for (const t of tables) {
    if (sections.some((s) => s.decl.id === t.decl.section)) continue;
    const decl = sectionDecl(formats, t.decl.section);
    sections.push({ decl, range: [lineStartAt(lines, t.range[0]), 0], heading: null, subsections: [] });
  }
  sections.sort((a, b) => a.range[0] - b.range[0]);
  for (let i = 0; i < sections.length; i++) sections[i]!.range[1] = i + 1 < sections.length ? sections[i + 1]!.range[0] : text.length;
  for (const s of sections) s.subsections = findSubsections(text, masked, lines, debris.ignoredLines, s.range, tables);

  return {
    text,
    norm,
    lines,
    title,
    period,
    signed,
    format,
    formatByYear,
    year,
    sections,
    extraHeadings: [...extra, ...misplaced.map((m) => ({ decl: m.decl, heading: m.heading, misplaced: true }))],
    tables,
    artifacts: debris.artifacts,
    ignoredLines: debris.ignoredLines,
    directives: debris.directives,
  };
}

/**
 * The report's format by its tables: each block its evidence singled out votes for the formats it
 * belongs to (a block every format shares tells none apart). The most votes win; a tie, or no vote
 * at all, goes to `preferred` (the year's format) when it is among the leaders, else to the leader
 * nearest it in time; without a year, or without tables, the format is unknown.
 */
function chooseFormat(all: readonly FormatDecl[], tables: Table[], preferred: FormatId | null): FormatId | 'unknown' {
  const votes = new Map<FormatId, number>(all.map((f) => [f.id, 0]));
  for (const t of tables) {
    for (const b of t.blocks) {
      if (b.evidence === 'assumed') continue;
      const of = blockFormats(b.decl);
      if (of.length >= all.length) continue;
      for (const id of of) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
  }
  const max = Math.max(...votes.values());
  const leaders = all.filter((f) => votes.get(f.id) === max);
  if (max > 0 && leaders.length === 1) return leaders[0]!.id;
  if (!tables.length || !preferred) return 'unknown';
  if (leaders.some((f) => f.id === preferred)) return preferred;
  const at = all.findIndex((f) => f.id === preferred);
  const distance = (f: FormatDecl) => Math.abs(all.indexOf(f) - at);
  // The nearest leader; between two as near, the newer.
  return leaders.reduce((a, b) => (distance(b) <= distance(a) ? b : a)).id;
}

function reparse(ctx: ParseContext, t: Table, b: Block, format: FormatDecl): Block {
  const slot = slotsOf([format], t.decl.id).find((s) => s.slot === b.decl.slot);
  if (!slot) return b;
  const variant = slot.variants[0]!;
  if (t.decl.id === 'active') {
    const next = t.blocks[t.blocks.indexOf(b) + 1];
    return parseActiveBlock(ctx, variant, b.heading!, next ? next.range[0] : t.regionEnd);
  }
  const p = parseSingleTable(ctx, t.decl, t.range[0], t.range[1], format.id);
  return p?.blocks.find((x) => x.decl === variant) ?? b;
}

function parseActiveBlock(ctx: ParseContext, variant: Block['decl'], heading: Range, end: number): Block {
  const p = parseBlock(ctx, variant, heading[1], end, heading);
  p.block.evidence = 'assumed';
  return p.block;
}

function sectionDecl(formats: readonly FormatDecl[], id: string): SectionDecl {
  return formats[0]!.sections.find((s) => s.id === id)!;
}

function lineEndAt(lines: Lines, off: number): number {
  return lines.end(lines.lineAt(off));
}
function lineStartAt(lines: Lines, off: number): number {
  return lines.start(lines.lineAt(off));
}

function yearMention(m: RegExpExecArray, base: number): YearMention {
  const digits = m[1]!;
  const start = base + m.index + m[0].indexOf(digits);
  return { range: [start, start + digits.length], year: Number(digits), raw: digits };
}

/** The title: the first lines that say 报告 (with the body's name on a line above it), before the first section. */
function findTitle(masked: string, lines: Lines, ignored: Set<number>, limit: number): Report['title'] {
  let seen = 0;
  for (let l = 0; l < lines.count && lines.start(l) < limit && seen < 8; l++) {
    if (ignored.has(l)) continue;
    const t = masked.slice(lines.start(l), lines.end(l)).trim();
    if (!t) continue;
    seen++;
    if (!/报告|年报/.test(t) || t.length > 60) continue;
    let first = l;
    // The body's name often stands alone on the line(s) above: short, no sentence punctuation.
    for (let k = l - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
      if (ignored.has(k)) break;
      const u = masked.slice(lines.start(k), lines.end(k)).trim();
      if (!u) continue;
      if (u.length <= 30 && !/[。,，:;；>]/.test(u) && !/^\d{4}-\d{2}-\d{2}$/.test(u)) first = k;
      break;
    }
    const s0 = lines.start(first);
    const startOff = s0 + (masked.slice(s0, lines.end(first)).length - masked.slice(s0, lines.end(first)).trimStart().length);
    const endOff = lines.start(l) + masked.slice(lines.start(l), lines.end(l)).trimEnd().length;
    const titleText = masked.slice(startOff, endOff).replace(/\s+/g, '');
    const ym = YEAR_RE.exec(masked.slice(startOff, endOff));
    return { range: [startOff, endOff], text: titleText, year: ym ? yearMention(ym, startOff) : null };
  }
  return null;
}

const PERIOD_RE = /统计期限[^。\n]{0,20}?(\d{4,6})\s*年\s*0?1\s*月\s*0?1\s*日[^。\n]{0,12}?(\d{4,6})\s*年\s*12\s*月\s*31\s*日/;

function findPeriod(masked: string): Report['period'] {
  const m = PERIOD_RE.exec(masked);
  if (!m) return null;
  const a = m.index + m[0].indexOf(m[1]!);
  const b = m.index + m[0].lastIndexOf(m[2]!, m[0].lastIndexOf('12'));
  return {
    range: [m.index, m.index + m[0].length],
    from: { range: [a, a + m[1]!.length], year: Number(m[1]), raw: m[1]! },
    to: { range: [b, b + m[2]!.length], year: Number(m[2]), raw: m[2]! },
  };
}

function findSigned(masked: string, lines: Lines, chosen: HeadingCandidate[]): Report['signed'] {
  const last = chosen.find((c) => c.decl.id === 'other') ?? chosen[chosen.length - 1];
  const from = last ? lines.lineAt(last.heading.range[0]) : Math.max(0, lines.count - 12);
  for (let l = lines.count - 1; l > from; l--) {
    const s = lines.start(l);
    const t = masked.slice(s, lines.end(l));
    const m = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(t);
    if (m) {
      const start = s + t.indexOf(m[1]!);
      return { range: [start, s + t.trimEnd().length], year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    }
  }
  return null;
}

const SUBSECTION = /^[ \t]*(\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}是)/;

function findSubsections(text: string, masked: string, lines: Lines, ignored: Set<number>, range: Range, tables: Table[]): Section['subsections'] {
  const out: Section['subsections'] = [];
  const inTable = (o: number) => tables.some((t) => o >= t.range[0] && o < t.range[1]);
  for (let l = lines.lineAt(range[0]) + 1; l < lines.count && lines.start(l) < range[1]; l++) {
    if (ignored.has(l)) continue;
    const s = lines.start(l);
    // Cheap rejection: a subsection line opens with "(" or a numeral after its indentation.
    let a = s;
    while (masked.charCodeAt(a) === 32 || masked.charCodeAt(a) === 9) a++;
    if (masked[a] !== '(' && !'一二三四五六七八九十'.includes(masked[a] ?? 'x')) continue;
    const t = masked.slice(s, lines.end(l));
    const m = SUBSECTION.exec(t);
    if (!m || inTable(s)) continue;
    const lead = t.length - t.trimStart().length;
    // The title as written (full-width brackets and all), from the original text.
    const body = text.slice(s + lead, s + lead + t.trim().length);
    // The title is the text up to the first full stop (or the whole short line).
    const stop = body.search(/[。;；]/);
    const title = (stop > 0 ? body.slice(0, stop) : body).slice(0, 40);
    out.push({ range: [s + lead, s + lead + body.length], title });
  }
  return out;
}
