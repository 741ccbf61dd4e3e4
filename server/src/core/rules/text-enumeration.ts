import { readNumber } from '../formats/claims';
import { msg } from '../i18n';
import type { Range, Report } from '../model';
import { narrative } from '../narrative';
import type { Report_, Rule } from './types';

/** Chinese numerals 1–99 as the lists write them ("十一"). */
function numeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? d[tens] : ''}十${n % 10 ? d[n % 10] : ''}`;
}

interface Marker {
  kind: 'shi' | 'paren';
  /** The numeral's range (what a renumbering rewrites). */
  range: Range;
  value: number;
}

/**
 * A list's markers: "一是", "二是" after a sentence or clause boundary; "（一）", "（二）" at a
 * line's start or after a sentence's end (not "第二十条第（一）项"). As the regular expressions
 *   /(?<=^|[\n。;,:!？\s])([一二三四五六七八九十]{1,3})是/gu
 *   /(?<=^|[\n。;:!？]|\n[ \t]{1,8})\(([一二三四五六七八九十]{1,3})\)/gu
 * find them in text[from, to) (^ at `from`), found from each 是 and ( instead: a look-behind first
 * is tried at every character of the text.
 */
const NUMERALS = '一二三四五六七八九十';
const SHI_BEFORE = /[\n。;,:!？\s]/u;
const PAREN_BEFORE = '\n。;:!？';

export function markersIn(text: string, from: number, to: number): Marker[] {
  const out: Marker[] = [];
  const numeral = (i: number) => NUMERALS.includes(text[i]!);
  const push = (kind: Marker['kind'], start: number, end: number) => {
    const value = readNumber(text.slice(start, end));
    if (value !== null && value > 0) out.push({ kind, range: [start, end], value });
  };
  // 一是: one to three numerals right before 是, and before them the start or a boundary.
  for (let q = text.indexOf('是', from); q >= 0 && q < to; q = text.indexOf('是', q + 1)) {
    let p = q;
    while (p > from && q - p < 4 && numeral(p - 1)) p--;
    if (p === q || q - p > 3) continue;
    if (p === from || SHI_BEFORE.test(text[p - 1]!)) push('shi', p, q);
  }
  // （一）: one to three numerals between ( and ), the ( at the start, after a boundary, or after a line break and 1–8 spaces or tabs.
  for (let p = text.indexOf('(', from); p >= 0 && p < to; p = text.indexOf('(', p + 1)) {
    let q = p + 1;
    while (q < to && q - p <= 4 && numeral(q)) q++;
    if (q === p + 1 || q - p > 4 || q >= to || text[q] !== ')') continue;
    if (p > from && !PAREN_BEFORE.includes(text[p - 1]!)) {
      let s = p;
      while (s > from && p - s < 9 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      if (s === p || p - s > 8 || s === from || text[s - 1] !== '\n') continue;
    }
    push('paren', p + 1, q);
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

/**
 * A section's lists, each kind apart: a list starts at its "一" and runs to the next "一" of the
 * same kind. Only lists that start at "一" are read: a stretch of "（三）" quoted from elsewhere is not
 * a list of this report's.
 */
function lists(markers: Marker[]): Marker[][] {
  const out: Marker[][] = [];
  for (const kind of ['shi', 'paren'] as const) {
    let cur: Marker[] | null = null;
    for (const m of markers) {
      if (m.kind !== kind) continue;
      if (m.value === 1) {
        cur = [m];
        out.push(cur);
      } else cur?.push(m);
    }
  }
  return out;
}

/** The stretches a list lives in: each section (the whole narrative when none was found). */
function scopes(report: Report): Range[] {
  const found = report.sections.filter((s) => s.range[1] > s.range[0]).map((s) => s.range);
  return found.length ? found : [[0, report.norm.length]];
}

export const textEnumeration: Rule = {
  id: 'text.enumeration',
  name: msg('序号不连续', 'List numbering out of sequence'),
  description: msg(
    '段落或章节中的列举序号（“一是、二是、三是”，“（一）（二）（三）”）应从“一”起依次连续，不重复、不跳号。',
    'The numbering of a list in a paragraph or section (一是, 二是, 三是; （一）（二）（三）) should run from 一 without repeats or gaps.',
  ),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg(
      '“一是…三是…三是”之类的序号错误多由增删段落后未重新编号造成，评议时会被视为报告未经认真校对。修复按出现顺序重新编号。',
      'Numbering such as 一是…三是…三是 comes from adding or deleting a paragraph without renumbering, and reads as a report nobody proofread. The fix renumbers in order.',
    ),
    wrong: '某局2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n下一步，一是加强培训；三是完善制度；三是强化监督。\n',
    right: '某局2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n下一步，一是加强培训；二是完善制度；三是强化监督。\n',
  },
  check({ report }) {
    const out: Report_[] = [];
    const text = narrative(report);
    for (const [from, to] of scopes(report)) {
      for (const list of lists(markersIn(text, from, to))) {
        list.forEach((m, k) => {
          const want = k + 1;
          if (m.value === want) return;
          const written = report.text.slice(m.range[0], m.range[1]);
          const prev = report.text.slice(list[k - 1]!.range[0], list[k - 1]!.range[1]);
          const [a, b] = m.kind === 'shi' ? ['', '是'] : ['（', '）'];
          const why =
            m.value === list[k - 1]!.value
              ? msg('与上一项重复', 'repeats the one before')
              : msg(`上一项为“${a}${prev}${b}”`, `the one before is “${a}${prev}${b}”`);
          out.push({
            range: m.kind === 'shi' ? [m.range[0], m.range[1] + 1] : [m.range[0] - 1, m.range[1] + 1],
            message: msg(
              `序号“${a}${written}${b}”应为“${a}${numeral(want)}${b}”（${why.zh}）`,
              `The list number “${a}${written}${b}” should be “${a}${numeral(want)}${b}” (${why.en})`,
            ),
            fix: { range: m.range, text: numeral(want), title: msg(`改为“${a}${numeral(want)}${b}”`, `Change to “${a}${numeral(want)}${b}”`) },
          });
        });
      }
    }
    return out;
  },
};
