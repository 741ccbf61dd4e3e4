/**
 * Figures the narrative repeats from the tables ("共收到政府信息公开申请12件"): each claim's wording
 * (regular expressions; group `n` is the number) and the table cells whose sum it states. Some texts
 * count a different scope (一+二 instead of 一): those sums are accepted too.
 */
import { msg, type Msg } from '../i18n';
import type { TableId } from './types';

export interface CellPath {
  table: TableId;
  /** Block slot ("requests", "review", "active.1"). */
  slot: string;
  row: string;
  col: string;
}

export interface TextClaim {
  id: string;
  name: Msg;
  patterns: string[];
  /** Words every pattern contains: the patterns are tried only near them. */
  keys: string[];
  /** The cells the figure is the sum of. */
  cells: CellPath[];
  /** Other scopes a text may count; a figure equal to one of them is not reported. */
  alsoAccepted?: CellPath[][];
}

/** A number written with digits or in Chinese (一 … 九十九, 两). */
export const NUM = '(?<n>\\d+|[零一二两三四五六七八九十百]+)';

const req = (row: string, col = 'total'): CellPath => ({ table: 'requests', slot: 'requests', row, col });
const rev = (col: string): CellPath => ({ table: 'review', slot: 'review', row: 'cases', col });

export const TEXT_CLAIMS: TextClaim[] = [
  {
    id: 'received',
    name: msg('本年新收申请', 'new requests'),
    patterns: [
      `(收到|受理|接收|接到)[^。，,;；:：\\d]{0,14}?(申请|申请件|依申请公开件?|依申请公开信息)\\s*(共计?|合计)?\\s*${NUM}\\s*(件|个|条)`,
      `(收到|受理|接收|接到)\\s*${NUM}\\s*(件|个|条)[^。，,;；]{0,8}?(申请|依申请)`,
    ],
    keys: ['收到', '受理', '接收', '接到'],
    cells: [req('new')],
    alsoAccepted: [[req('new'), req('carried')]],
  },
  {
    id: 'handled',
    name: msg('本年度办理结果（七）总计', 'requests handled'),
    patterns: [`(已?办结|已?答复|已?办理完毕)[^。，,;；\\d]{0,4}?\\s*${NUM}\\s*(件|个|条)`, `${NUM}\\s*(件|个|条)[^。，,;；\\d]{0,4}?已?(办结|答复完毕)`],
    keys: ['办结', '答复', '办理完毕'],
    cells: [req('total')],
  },
  {
    id: 'carryover',
    name: msg('结转下年度继续办理', 'carried over to next year'),
    patterns: [
      `${NUM}\\s*(件|个|条)[^。，,;；\\d]{0,4}?结转(至|到)?下(一)?年度?`,
      `结转(至|到)?下(一)?年度?(继续办理)?[^。，,;；\\d]{0,4}?\\s*${NUM}\\s*(件|个|条)`,
    ],
    keys: ['结转'],
    cells: [req('carryover')],
  },
  {
    id: 'reconsideration',
    name: msg('行政复议', 'administrative reconsideration'),
    patterns: [`行政复议(案件)?(共计?)?\\s*${NUM}\\s*(件|起|宗|次)`],
    keys: ['行政复议'],
    cells: [rev('reconsideration.total')],
  },
  {
    id: 'litigation',
    name: msg('行政诉讼', 'administrative litigation'),
    patterns: [`行政诉讼(案件)?(共计?)?\\s*${NUM}\\s*(件|起|宗|次)`],
    keys: ['行政诉讼'],
    cells: [rev('direct.total'), rev('after.total')],
  },
  {
    id: 'normative',
    name: msg('现行有效行政规范性文件', 'normative documents in force'),
    patterns: [`现行有效的?(行政)?规范性文件(共计?)?\\s*${NUM}\\s*(件|份|个)`],
    keys: ['规范性文件'],
    cells: [{ table: 'active', slot: 'active.1', row: 'normative', col: 'current' }],
  },
];

/** "No reconsideration or litigation": the cells that must then be 0. */
export const NONE_CLAIMS: { patterns: string[]; keys: string[]; cells: CellPath[]; name: Msg }[] = [
  {
    name: msg('行政复议和行政诉讼', 'reconsideration and litigation'),
    patterns: ['(未发生|没有发生|无|没有|未被|未有)[^。，,;；\\d]{0,10}?行政复议[^。，,;；\\d]{0,4}?(和|或|及|、|与)[^。，,;；\\d]{0,6}?行政诉讼'],
    keys: ['行政复议'],
    cells: [rev('reconsideration.total'), rev('direct.total'), rev('after.total')],
  },
];

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十三", "一百零五" → number; null when it is not a number. */
export function readNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch in DIGITS) cur = DIGITS[ch]!;
    else if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else return null;
  }
  return total + cur;
}
