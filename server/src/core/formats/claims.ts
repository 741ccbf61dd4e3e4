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
  /** Group `n` is the number; group `q`, where a pattern has one, the part a message quotes. */
  patterns: string[];
  /** Words every pattern contains: the patterns are tried only near them. */
  keys: string[];
  /** The cells the figure is the sum of. */
  cells: CellPath[];
  /** Other scopes a text may count; a figure equal to one of them is not reported. */
  alsoAccepted?: CellPath[][];
  /**
   * A total (all requests received, all cases): after "其中" in the same clause the figure is a
   * part of it ("其中通过网络收到申请5件"), not the table's total, and is not compared.
   */
  total?: boolean;
  /** How a message names the cells when they are a whole group of rows ("（三）不予公开"各项之和). */
  sumName?: Msg;
}

/** A number written with digits or in Chinese (一 … 九十九, 两). */
export const NUM = '(?<n>\\d+|[零一二两三四五六七八九十百]+)';
/** What a count is counted in. */
const UNIT = '(件|个|条|项)';

const req = (row: string, col = 'total'): CellPath => ({ table: 'requests', slot: 'requests', row, col });
const rev = (col: string): CellPath => ({ table: 'review', slot: 'review', row: 'cases', col });
const active = (row: string, col: string): CellPath => ({ table: 'active', slot: 'active.1', row, col });
const rows = (...ids: string[]) => ids.map((id) => req(id));
const DENIED = rows('denied.secret', 'denied.law', 'denied.safety', 'denied.third', 'denied.internal', 'denied.process', 'denied.enforcement', 'denied.query');
const UNABLE = rows('unable.none', 'unable.create', 'unable.unclear');
const REJECTED = rows('rejected.petition', 'rejected.repeat', 'rejected.publication', 'rejected.mass', 'rejected.confirm');

const groupSum = (zh: string, en: string) => msg(`“${zh}”各项之和`, `the rows of “${en}”`);

/** A result of 表三 "三、本年度办理结果": its words, then the figure ("不予公开3件", "不予公开的3件"). */
const result = (words: string) => [`(?<!不|部分)${words}(的|类)?(申请)?(共计?|合计)?\\s*${NUM}\\s*${UNIT}`];

/** Listed most specific first: a figure claimed by one claim is not read again by a later one. */
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
    total: true,
  },
  {
    id: 'disclosed',
    name: msg('予以公开和部分公开', 'disclosed in whole or in part'),
    patterns: [`予以公开(及|和|、|与|或)部分公开(的|类)?(申请)?(共计?|合计)?\\s*${NUM}\\s*${UNIT}`],
    keys: ['部分公开'],
    cells: [req('granted'), req('partial')],
  },
  {
    id: 'granted',
    name: msg('予以公开', 'disclosed'),
    patterns: result('予以公开'),
    keys: ['予以公开'],
    cells: [req('granted')],
    // "予以公开12件" may count those disclosed in part too.
    alsoAccepted: [[req('granted'), req('partial')]],
  },
  { id: 'partial', name: msg('部分公开', 'partly disclosed'), patterns: result('部分公开'), keys: ['部分公开'], cells: [req('partial')] },
  {
    id: 'denied',
    name: msg('不予公开', 'not disclosed'),
    patterns: result('不予公开'),
    keys: ['不予公开'],
    cells: DENIED,
    sumName: groupSum('（三）不予公开', '(3) Not disclosed'),
  },
  {
    id: 'unable',
    name: msg('无法提供', 'cannot be provided'),
    patterns: result('无法提供'),
    keys: ['无法提供'],
    cells: UNABLE,
    sumName: groupSum('（四）无法提供', '(4) Cannot provide'),
  },
  {
    id: 'rejected',
    name: msg('不予处理', 'not processed'),
    patterns: result('不予处理'),
    keys: ['不予处理'],
    cells: REJECTED,
    sumName: groupSum('（五）不予处理', '(5) Not processed'),
  },
  {
    id: 'handled',
    name: msg('本年度办理结果（七）总计', 'requests handled'),
    patterns: [`(已?办结|已?答复|已?办理完毕)[^。，,;；\\d]{0,4}?\\s*${NUM}\\s*(件|个|条)`, `${NUM}\\s*(件|个|条)[^。，,;；\\d]{0,4}?已?(办结|答复完毕)`],
    keys: ['办结', '答复', '办理完毕'],
    cells: [req('total')],
    total: true,
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
    total: true,
  },
  {
    id: 'reconsideration',
    name: msg('行政复议', 'administrative reconsideration'),
    patterns: [`行政复议(案件)?(共计?)?\\s*${NUM}\\s*(件|起|宗|次)`],
    keys: ['行政复议'],
    cells: [rev('reconsideration.total')],
    total: true,
  },
  {
    id: 'litigation',
    name: msg('行政诉讼', 'administrative litigation'),
    patterns: [`行政诉讼(案件)?(共计?)?\\s*${NUM}\\s*(件|起|宗|次)`],
    keys: ['行政诉讼'],
    cells: [rev('direct.total'), rev('after.total')],
    total: true,
  },
  {
    id: 'normative',
    name: msg('现行有效行政规范性文件', 'normative documents in force'),
    patterns: [
      `现行有效的?(行政)?规范性文件(共计?)?\\s*${NUM}\\s*(件|份|个)`,
      // "制发行政规范性文件3件，废止2件，现行有效85件": the documents named earlier in the clause.
      `规范性文件[^。；;：:]{0,30}?(?<q>现行有效的?(共计?)?\\s*${NUM}\\s*(件|份|个))`,
    ],
    keys: ['规范性文件'],
    cells: [active('normative', 'current')],
    // 2021 format only (the 2019 table has no 现行有效件数): elsewhere the cell is not found.
    alsoAccepted: [[active('rules', 'current'), active('normative', 'current')]],
    total: true,
  },
  {
    id: 'issued',
    name: msg('本年制发行政规范性文件', 'normative documents issued this year'),
    patterns: [
      `制发(的|了)?(行政)?规范性文件(共计?)?\\s*${NUM}\\s*(件|份|个)`,
      `规范性文件[^。；;：:\\d]{0,20}?(?<q>制发(了)?(共计?)?\\s*${NUM}\\s*(件|份|个))`,
    ],
    keys: ['制发'],
    cells: [active('normative', 'issued')],
    alsoAccepted: [[active('rules', 'issued'), active('normative', 'issued')]],
    total: true,
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

/**
 * "…均获维持", "均维持原行政行为": every case upheld, so 表四's 结果纠正 and 尚未审结 are 0 in the
 * groups the sentence speaks of (复议, 诉讼, or both when it names neither or both). A sentence that
 * says "已审结的…均获维持" speaks of the cases decided: 尚未审结 may then be non-zero.
 */
export const UPHELD_CLAIM = {
  patterns: ['(均|全部|都)(获|被|予以|得到|已)?维持(了)?(原)?(行政行为|具体行政行为|决定|原决定|原判)?'],
  keys: ['维持'],
  /** Words that name each group in the sentence. */
  groups: [
    { words: ['复议'], ids: ['reconsideration'] },
    { words: ['诉讼', '起诉', '判决', '法院'], ids: ['direct', 'after'] },
  ],
  decided: ['已审结', '审结的', '已结案', '结案的', '已办结'],
  cols: (group: string, decided: boolean) => (decided ? [rev(`${group}.corrected`)] : [rev(`${group}.corrected`), rev(`${group}.pending`)]),
};

/**
 * Words before a figure, in its sentence, that say it counts another scope than the report's
 * table: one channel of requests, or (in a government's report) one office or level of it. A
 * mismatch after them is said without accusing.
 */
export const SCOPE_WORDS = {
  channel: ['当面', '信函', '电子邮件', '传真', '网上', '网络', '政务服务窗口'],
  office: ['本级', '办公室', '本办', '本部门', '机关本级', '各部门', '各乡镇', '各街道'],
};

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
