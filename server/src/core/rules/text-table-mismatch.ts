import { bodyFromTitle, parseBody } from '../crossyear/body';
import { NONE_CLAIMS, readNumber, SCOPE_WORDS, TEXT_CLAIMS, UPHELD_CLAIM, type CellPath } from '../formats/claims';
import { msg } from '../i18n';
import type { Cell, Report } from '../model';
import type { Report_, Rule } from './types';
import { cellName, fmt } from './util';

function cellAt(report: Report, p: CellPath): Cell | undefined {
  const t = report.tables.find((x) => x.decl.id === p.table);
  const b = t?.blocks.find((x) => x.decl.slot === p.slot);
  return b?.rows.find((r) => r.decl.id === p.row)?.cells.find((c) => c.col.id === p.col);
}

/** The sum the table gives for a claim, or null when a cell is not there or not a number. */
function tableSum(report: Report, cells: CellPath[]): { value: number; cells: Cell[] } | null {
  const found = cells.map((p) => cellAt(report, p));
  // Only cells read with certainty speak for the table: a guessed reading accuses no sentence.
  if (found.some((c) => c?.state !== 'ok' || c.value === null || c.confidence !== 'certain')) return null;
  return { value: found.reduce((a, c) => a + c!.value!, 0), cells: found as Cell[] };
}

/**
 * The normalized text with the tables blanked out (same length, so offsets hold), read where it is
 * needed instead of copied whole: a character, a slice, the next occurrence of a word.
 */
class Narrative {
  /** The blanked stretches, in order and apart. */
  private readonly blanks: [number, number][] = [];
  readonly length: number;
  constructor(
    private readonly norm: string,
    tables: Report['tables'],
  ) {
    this.length = norm.length;
    let last = 0;
    for (const t of [...tables].sort((a, b) => a.range[0] - b.range[0])) {
      if (t.range[0] < last) continue;
      if (t.range[1] > t.range[0]) this.blanks.push([t.range[0], t.range[1]]);
      last = t.range[1];
    }
  }
  private blanked(from: number, to: number): boolean {
    for (const [a, b] of this.blanks) if (a < to && from < b) return true;
    return false;
  }
  charAt(i: number): string {
    return this.blanked(i, i + 1) ? ' ' : this.norm[i]!;
  }
  slice(from: number, to: number): string {
    const part = this.norm.slice(from, to);
    if (!this.blanked(from, to)) return part;
    let out = '';
    let at = from;
    for (const [a, b] of this.blanks) {
      if (b <= from || a >= to) continue;
      const s = Math.max(a, from);
      const e = Math.min(b, to);
      out += this.norm.slice(at, s) + ' '.repeat(e - s);
      at = e;
    }
    return out + this.norm.slice(at, to);
  }
  /** The next occurrence of a word (no white space in it) at or after `from`, or -1. */
  indexOf(word: string, from = 0): number {
    for (let i = this.norm.indexOf(word, from); i !== -1; i = this.norm.indexOf(word, i + 1)) if (!this.blanked(i, i + word.length)) return i;
    return -1;
  }
}

/**
 * Where a claim's patterns are tried: near its key words only (a claim's patterns all contain one,
 * and trying them at every digit of a long text is slow). Windows wide enough for any claim,
 * merged where they overlap, never starting inside a number.
 */
function windowsNear(text: Narrative, keys: string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const key of keys)
    for (let i = text.indexOf(key); i !== -1; i = text.indexOf(key, i + 1)) found.push([Math.max(0, i - 60), Math.min(text.length, i + key.length + 60)]);
  if (found.length > 1) found.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let last = -1;
  for (let k = 0; k < found.length; k++) {
    let [from, to] = found[k]!;
    while (k + 1 < found.length && found[k + 1]![0] <= to) to = Math.max(to, found[++k]![1]);
    from = Math.max(from, last);
    while (from > 0 && NUMERAL.test(text.charAt(from - 1))) from--;
    out.push([from, to]);
    last = to;
  }
  return out;
}
const NUMERAL = /[\d零一二两三四五六七八九十百]/;

/** The matches of a pattern in the windows, with their indices in the whole text. */
function matchesIn(text: Narrative, source: string, windows: [number, number][]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const r = re(source);
  for (const [from, to] of windows) {
    const part = text.slice(from, to);
    r.lastIndex = 0;
    for (let m = r.exec(part); m; m = r.exec(part)) {
      if (m[0] === '') r.lastIndex++;
      m.index += from;
      out.push(m);
    }
  }
  return out;
}

const compiled = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source, 'g')));
  return r;
}

/** How far a sentence's start or end is looked for: a figure's context, not a whole page on one line. */
const SENTENCE_REACH = 200;
function sentenceStart(text: Narrative, at: number): number {
  let i = at;
  const stop = Math.max(0, at - SENTENCE_REACH);
  while (i > stop && !'。；;！!？?\n'.includes(text.charAt(i - 1))) i--;
  return i;
}
function sentenceEnd(text: Narrative, at: number): number {
  let i = at;
  const stop = Math.min(text.length, at + SENTENCE_REACH);
  while (i < stop && !'。；;！!？?\n'.includes(text.charAt(i))) i++;
  return i;
}

/** Whether the report is a government's (人民政府, 办事处…: no department after the units). */
function isGovernment(report: Report): boolean {
  const name = report.title ? bodyFromTitle(report.title.text) : null;
  if (!name) return false;
  const body = parseBody(name);
  return body.units.length > 0 && body.rest === '';
}

/** The word before a figure that says it may count another scope, or null. */
function scopeWord(report: Report, before: string): string | null {
  const words = isGovernment(report) ? [...SCOPE_WORDS.channel, ...SCOPE_WORDS.office] : SCOPE_WORDS.channel;
  return words.find((w) => before.includes(w)) ?? null;
}

/** The figures the text states, compared with the table's. */
function checkFigures(report: Report, arith: Parameters<Rule['check']>[0]['arith'], text: Narrative, inTable: (o: number) => boolean): Report_[] {
  const out: Report_[] = [];
  const seen = new Set<number>();
  for (const claim of TEXT_CLAIMS) {
    const sum = tableSum(report, claim.cells);
    if (!sum) continue;
    const windows = windowsNear(text, claim.keys);
    // The cells' names, for the messages: the same for every mismatch of this claim.
    let names: ReturnType<typeof cellName>[] | null = null;
    for (const source of claim.patterns) {
      for (const m of matchesIn(text, source, windows)) {
        const n = m.groups!.n!;
        const at = m.index! + m[0].lastIndexOf(n, m[0].length);
        if (inTable(at) || seen.has(at)) continue;
        seen.add(at);
        const value = readNumber(n);
        if (value === null || value === sum.value) continue;
        if (claim.alsoAccepted?.some((scope) => tableSum(report, scope)?.value === value)) continue;
        const before = text.slice(sentenceStart(text, m.index!), m.index!);
        // "其中…收到申请5件": a part of a total the sentence gave first, not the total.
        if (claim.total && /其中/.test(before.slice(-12) + m[0])) continue;
        names ??= sum.cells.map((c) => cellName(arith.rowOf.get(c), c));
        const namesZh = claim.sumName?.zh ?? names.map((x) => `“${x.zh}”`).join('+');
        const namesEn = claim.sumName?.en ?? names.map((x) => `“${x.en}”`).join(' + ');
        const q = m.groups!.q;
        const from = q ? m.index! + m[0].lastIndexOf(q) : m.index!;
        // Quoted as normalized (full-width digits as ASCII): the same message for the same report in any form.
        const phrase = report.norm.slice(from, from + (q ?? m[0]).length).trim();
        const scope = scopeWord(report, before + m[0]);
        out.push({
          range: [at, at + n.length],
          message: scope
            ? msg(
                `正文“${phrase}”与表格的${namesZh}（${fmt(sum.value)}）不同；正文有“${scope}”，可能按其他口径计数，请核对`,
                `The text “${phrase}” differs from the table's ${namesEn} (${fmt(sum.value)}); it says “${scope}” and may count another scope: check`,
              )
            : msg(
                `正文“${phrase}”与表格不一致：${namesZh}为 ${fmt(sum.value)}`,
                `The text “${phrase}” disagrees with the table: ${namesEn} is ${fmt(sum.value)}`,
              ),
          related: sum.cells.map((c) => ({ range: c.range, message: msg('表格中的数字', 'The figure in the table') })),
          suggestions: [
            { range: [at, at + n.length], text: fmt(sum.value), title: msg(`按表格改为 ${fmt(sum.value)}`, `Change to the table's ${fmt(sum.value)}`) },
          ],
        });
      }
    }
  }
  return out;
}

/** "未发生行政复议和行政诉讼" with cases in 表四. */
function checkNone(report: Report, text: Narrative, inTable: (o: number) => boolean): Report_[] {
  const out: Report_[] = [];
  for (const claim of NONE_CLAIMS) {
    const sum = tableSum(report, claim.cells);
    if (!sum || sum.value === 0) continue;
    const windows = windowsNear(text, claim.keys);
    for (const source of claim.patterns) {
      for (const m of matchesIn(text, source, windows)) {
        if (inTable(m.index!)) continue;
        const said = m[0];
        out.push({
          range: [m.index!, m.index! + m[0].length],
          message: msg(
            `正文称“${said}”，但表四中${claim.name.zh}合计为 ${fmt(sum.value)} 件`,
            `The text says “${said}”, but table 4 counts ${fmt(sum.value)} cases of ${claim.name.en}`,
          ),
          related: sum.cells.filter((c) => c.value).map((c) => ({ range: c.range, message: msg('表格中的数字', 'The figure in the table') })),
        });
      }
    }
  }
  return out;
}

/** "…均获维持" with cases corrected or pending in the groups the sentence speaks of. */
function checkUpheld(report: Report, arith: Parameters<Rule['check']>[0]['arith'], text: Narrative, inTable: (o: number) => boolean): Report_[] {
  const out: Report_[] = [];
  const windows = windowsNear(text, UPHELD_CLAIM.keys);
  for (const source of UPHELD_CLAIM.patterns) {
    for (const m of matchesIn(text, source, windows)) {
      if (inTable(m.index!)) continue;
      const sentence = text.slice(sentenceStart(text, m.index!), sentenceEnd(text, m.index! + m[0].length));
      const named = UPHELD_CLAIM.groups.filter((g) => g.words.some((w) => sentence.includes(w)));
      // A sentence that names no case at all ("均维持原有做法") is not about 表四.
      if (!named.length && !/案件|行政行为|原决定|原判/.test(sentence)) continue;
      const groups = (named.length ? named : UPHELD_CLAIM.groups).flatMap((g) => g.ids);
      const decided = UPHELD_CLAIM.decided.some((w) => sentence.includes(w));
      const cells = groups.flatMap((g) => UPHELD_CLAIM.cols(g, decided));
      const sum = tableSum(report, cells);
      if (!sum || sum.value === 0) continue;
      const nonZero = sum.cells.filter((c) => c.value);
      const names = nonZero.map((c) => `“${cellName(arith.rowOf.get(c), c).zh}”为 ${fmt(c.value!)}`).join('，');
      const namesEn = nonZero.map((c) => `“${cellName(arith.rowOf.get(c), c).en}” is ${fmt(c.value!)}`).join(', ');
      const said = m[0];
      out.push({
        range: [m.index!, m.index! + m[0].length],
        message: msg(`正文称“${said}”，但表四中${names}`, `The text says “${said}”, but in table 4 ${namesEn}`),
        related: nonZero.map((c) => ({ range: c.range, message: msg('表格中的数字', 'The figure in the table') })),
      });
    }
  }
  return out;
}

export const textTableMismatch: Rule = {
  id: 'text.table-mismatch',
  name: msg('正文数字与表格不符', 'Text disagrees with the table'),
  description: msg(
    '正文重复表格中的数字（收到申请件数，予以公开、部分公开、不予公开、无法提供、不予处理件数，办结或答复件数，结转件数，行政复议和行政诉讼件数及其结果，制发和现行有效规范性文件件数）时，应与表格一致。',
    'Figures the text repeats from the tables (requests received; disclosed, partly disclosed, not disclosed, not provided, not processed; handled or answered; carried over; reconsideration and litigation and their outcomes; documents issued and in force) must agree with them.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '正文与表格不一致，必有一处是错的。有的报告正文按不同口径计数（如把上年结转也算作收到，“其中”之后的分项，或只统计政府办公室本身），此类情况不报告，或只提示核对而不认定为错误。',
      'When text and table disagree one of them is wrong. Texts that count another scope (received including carried over, a part after “其中”, one office of a government) are not reported, or only asked to be checked.',
    ),
    wrong: `某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度共发生行政复议2件。\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
    right: `某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度共发生行政复议1件。\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
  },
  check({ report, arith }) {
    // Only the narrative: the tables' own numbers are not claims (and are most of the digits).
    const text = new Narrative(report.norm, report.tables);
    const inTable = (o: number) => report.tables.some((t) => o >= t.range[0] && o < t.range[1]);
    return [...checkFigures(report, arith, text, inTable), ...checkNone(report, text, inTable), ...checkUpheld(report, arith, text, inTable)];
  },
};
