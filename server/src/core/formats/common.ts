/**
 * Declarations the formats share: the six sections, the tables, 表三's rows and columns (2019 and
 * 2021 differ only in （六）其他处理) and 表四. Sums are generated here from the rows and columns so
 * that every equation is declared once, as data, next to the cells it relates. A block belongs to
 * the formats that list it; the format id given to the helpers below only names the block.
 */
import { msg, type Msg } from '../i18n';
import type { BlockDecl, CellRef, ColumnDecl, FormatId, GroupDecl, RowDecl, SectionDecl, SumDecl, TableDecl } from './types';

export const SECTIONS: SectionDecl[] = [
  {
    id: 'overview',
    number: 1,
    canonical: '一、总体情况',
    name: msg('总体情况', 'Overview'),
    patterns: ['总体情况', '基本情况', '工作概况', '概述'],
    variants: ['政府信息公开总体情况', '工作基本情况', '总体情况'],
  },
  {
    id: 'active',
    number: 2,
    canonical: '二、主动公开政府信息情况',
    name: msg('主动公开政府信息情况', 'Information disclosed proactively'),
    patterns: ['主动公开'],
    variants: ['政府信息主动公开情况', '主动公开政府信息情况'],
  },
  {
    id: 'requests',
    number: 3,
    canonical: '三、收到和处理政府信息公开申请情况',
    name: msg('收到和处理政府信息公开申请情况', 'Disclosure requests received and handled'),
    patterns: ['(收到|处理|办理).{0,12}申请', '依申请公开'],
    variants: ['收到和处理政府信息依申请公开情况', '收到和处理政府信息公开申请情况', '政府信息依申请公开情况'],
  },
  {
    id: 'review',
    number: 4,
    canonical: '四、政府信息公开行政复议、行政诉讼情况',
    name: msg('政府信息公开行政复议、行政诉讼情况', 'Administrative reconsideration and litigation'),
    patterns: ['行政复议', '行政诉讼'],
    variants: ['政府信息公开被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议、行政诉讼情况'],
  },
  {
    id: 'problems',
    number: 5,
    canonical: '五、存在的主要问题及改进情况',
    name: msg('存在的主要问题及改进情况', 'Main problems and improvements'),
    patterns: ['存在.{0,6}问题', '改进情况', '问题及改进', '问题和改进'],
    variants: ['存在的问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及改进情况'],
  },
  {
    id: 'other',
    number: 6,
    canonical: '六、其他需要报告的事项',
    name: msg('其他需要报告的事项', 'Other matters to report'),
    patterns: ['其他需要报告', '其他事项', '需要报告的'],
    variants: ['其他需要报告的事项'],
  },
];

export const TABLES: TableDecl[] = [
  {
    id: 'active',
    section: 'active',
    name: msg('表二（主动公开政府信息情况）', 'Table 2 (proactive disclosure)'),
    anchors: ['第二十条第(一)项', '第二十条第(五)项', '信息内容'],
  },
  {
    id: 'requests',
    section: 'requests',
    name: msg('表三（收到和处理政府信息公开申请情况）', 'Table 3 (requests received and handled)'),
    anchors: ['本列数据的勾稽关系', '申请人情况'],
  },
  {
    id: 'review',
    section: 'review',
    name: msg('表四（行政复议、行政诉讼情况）', 'Table 4 (reconsideration and litigation)'),
    anchors: ['结果维持'],
  },
];

// ---------------------------------------------------------------- 表三

const col = (id: string, zh: string, en: string, header: string[] = [zh]): ColumnDecl => ({
  id,
  name: msg(zh, en),
  kind: 'count',
  header,
});

export const REQUEST_COLUMNS: ColumnDecl[] = [
  col('natural', '自然人', 'Natural persons'),
  col('business', '商业企业', 'Businesses'),
  col('research', '科研机构', 'Research institutions'),
  col('nonprofit', '社会公益组织', 'Non-profit organisations'),
  col('legal', '法律服务机构', 'Legal service providers'),
  col('others', '其他', 'Others'),
  col('total', '总计', 'Total'),
];

const row = (id: string, zh: string, en: string, labels: string[], group?: string): RowDecl =>
  group ? { id, name: msg(zh, en), labels, group } : { id, name: msg(zh, en), labels };

const group = (id: string, zh: string, en: string, labels: string[]): GroupDecl => ({ id, name: msg(zh, en), labels });

const REQUEST_ROWS_HEAD: RowDecl[] = [
  row('new', '一、本年新收政府信息公开申请数量', '1. New requests this year', ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请']),
  row('carried', '二、上年结转政府信息公开申请数量', '2. Requests carried over from last year', [
    '二、上年结转政府信息公开申请数量',
    '二、上年结转政府信息公开申请',
  ]),
  row('granted', '（一）予以公开', '(1) Disclosed', ['（一）予以公开'], 'results'),
  row('partial', '（二）部分公开', '(2) Partly disclosed', ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'], 'results'),
  row('denied.secret', '（三）不予公开·1.属于国家秘密', '(3) Not disclosed · 1. State secret', ['1.属于国家秘密'], 'denied'),
  row('denied.law', '（三）不予公开·2.其他法律行政法规禁止公开', '(3) Not disclosed · 2. Barred by other laws', ['2.其他法律行政法规禁止公开'], 'denied'),
  row(
    'denied.safety',
    '（三）不予公开·3.危及“三安全一稳定”',
    '(3) Not disclosed · 3. Endangers security or stability',
    ['3.危及“三安全一稳定”', '3.危及三安全一稳定'],
    'denied',
  ),
  row('denied.third', '（三）不予公开·4.保护第三方合法权益', '(3) Not disclosed · 4. Third-party rights', ['4.保护第三方合法权益'], 'denied'),
  row('denied.internal', '（三）不予公开·5.属于三类内部事务信息', '(3) Not disclosed · 5. Internal affairs', ['5.属于三类内部事务信息'], 'denied'),
  row('denied.process', '（三）不予公开·6.属于四类过程性信息', '(3) Not disclosed · 6. Process information', ['6.属于四类过程性信息'], 'denied'),
  row('denied.enforcement', '（三）不予公开·7.属于行政执法案卷', '(3) Not disclosed · 7. Enforcement files', ['7.属于行政执法案卷'], 'denied'),
  row('denied.query', '（三）不予公开·8.属于行政查询事项', '(3) Not disclosed · 8. Administrative query', ['8.属于行政查询事项'], 'denied'),
  row('unable.none', '（四）无法提供·1.本机关不掌握相关政府信息', '(4) Cannot provide · 1. Not held', ['1.本机关不掌握相关政府信息'], 'unable'),
  row('unable.create', '（四）无法提供·2.没有现成信息需要另行制作', '(4) Cannot provide · 2. Would need creating', ['2.没有现成信息需要另行制作'], 'unable'),
  row(
    'unable.unclear',
    '（四）无法提供·3.补正后申请内容仍不明确',
    '(4) Cannot provide · 3. Still unclear after amendment',
    ['3.补正后申请内容仍不明确'],
    'unable',
  ),
  row('rejected.petition', '（五）不予处理·1.信访举报投诉类申请', '(5) Not processed · 1. Petitions and complaints', ['1.信访举报投诉类申请'], 'rejected'),
  row('rejected.repeat', '（五）不予处理·2.重复申请', '(5) Not processed · 2. Repeated request', ['2.重复申请'], 'rejected'),
  row('rejected.publication', '（五）不予处理·3.要求提供公开出版物', '(5) Not processed · 3. Published material', ['3.要求提供公开出版物'], 'rejected'),
  row('rejected.mass', '（五）不予处理·4.无正当理由大量反复申请', '(5) Not processed · 4. Mass repeated requests', ['4.无正当理由大量反复申请'], 'rejected'),
  row(
    'rejected.confirm',
    '（五）不予处理·5.要求行政机关确认或重新出具已获取信息',
    '(5) Not processed · 5. Confirmation of information held',
    ['5.要求行政机关确认或重新出具已获取信息'],
    'rejected',
  ),
];

const REQUEST_ROWS_TAIL: RowDecl[] = [
  row('total', '（七）总计', '(7) Total', ['（七）总计'], 'results'),
  row('carryover', '四、结转下年度继续办理', '4. Carried over to next year', ['四、结转下年度继续办理', '四、结转下年度']),
];

const REQUEST_GROUPS: GroupDecl[] = [
  group('results', '三、本年度办理结果', '3. Results this year', ['三、本年度办理结果']),
  group('denied', '（三）不予公开', '(3) Not disclosed', ['（三）不予公开']),
  group('unable', '（四）无法提供', '(4) Cannot provide', ['（四）无法提供']),
  group('rejected', '（五）不予处理', '(5) Not processed', ['（五）不予处理']),
];

/** 表三's sums: each row's 总计, each column's （七）总计, and the printed identity 一+二=（七）+四. */
function requestSums(rows: RowDecl[]): SumDecl[] {
  const parts = REQUEST_COLUMNS.filter((c) => c.id !== 'total');
  const results = rows.filter((r) => r.group && r.id !== 'total');
  const sums: SumDecl[] = [];
  for (const r of rows) {
    sums.push({
      id: `row-total:${r.id}`,
      rule: 'table.row-total',
      name: msg(`${r.name.zh}的总计`, `total of ${r.name.en}`),
      left: [{ row: r.id, col: 'total' }],
      right: parts.map((c) => ({ row: r.id, col: c.id })),
      anchor: { row: r.id, col: 'total' },
    });
  }
  for (const c of REQUEST_COLUMNS) {
    sums.push({
      id: `result-total:${c.id}`,
      rule: 'table.result-total',
      name: msg(`（七）总计·${c.name.zh}`, `(7) Total · ${c.name.en}`),
      left: [{ row: 'total', col: c.id }],
      right: results.map((r) => ({ row: r.id, col: c.id })),
      anchor: { row: 'total', col: c.id },
    });
    sums.push({
      id: `identity:${c.id}`,
      rule: 'table.identity',
      name: msg(`一+二=（七）+四（${c.name.zh}）`, `1+2 = (7)+4 (${c.name.en})`),
      left: [
        { row: 'new', col: c.id },
        { row: 'carried', col: c.id },
      ],
      right: [
        { row: 'total', col: c.id },
        { row: 'carryover', col: c.id },
      ],
      anchor: { row: 'total', col: c.id },
    });
  }
  return sums;
}

export function requestsBlock(format: FormatId, other: { rows: RowDecl[]; groups: GroupDecl[]; markers: string[] }): BlockDecl {
  const rows = [...REQUEST_ROWS_HEAD, ...other.rows, ...REQUEST_ROWS_TAIL];
  return {
    id: `requests@${format}`,
    slot: 'requests',
    name: msg('收到和处理政府信息公开申请情况', 'Requests received and handled'),
    heading: [],
    header: ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构'],
    columns: REQUEST_COLUMNS,
    rows,
    groups: [...REQUEST_GROUPS, ...other.groups],
    sums: requestSums(rows),
    markers: other.markers,
  };
}

// ---------------------------------------------------------------- 表四

const REVIEW_GROUPS: [string, string, string][] = [
  ['reconsideration', '行政复议', 'Reconsideration'],
  ['direct', '行政诉讼·未经复议直接起诉', 'Litigation without reconsideration'],
  ['after', '行政诉讼·复议后起诉', 'Litigation after reconsideration'],
];
const REVIEW_OUTCOMES: [string, string, string][] = [
  ['upheld', '结果维持', 'upheld'],
  ['corrected', '结果纠正', 'corrected'],
  ['other', '其他结果', 'other outcome'],
  ['pending', '尚未审结', 'pending'],
  ['total', '总计', 'total'],
];

export const REVIEW_BLOCK: BlockDecl = (() => {
  const columns: ColumnDecl[] = [];
  const sums: SumDecl[] = [];
  for (const [g, gzh, gen] of REVIEW_GROUPS) {
    for (const [o, ozh, oen] of REVIEW_OUTCOMES) columns.push(col(`${g}.${o}`, `${gzh}·${ozh}`, `${gen} · ${oen}`, [ozh]));
    const ref = (o: string): CellRef => ({ row: 'cases', col: `${g}.${o}` });
    sums.push({
      id: `group-total:${g}`,
      rule: 'table.group-total',
      name: msg(`${gzh}·总计`, `${gen} · total`),
      left: [ref('total')],
      right: REVIEW_OUTCOMES.filter(([o]) => o !== 'total').map(([o]) => ref(o)),
      anchor: ref('total'),
    });
  }
  return {
    id: 'review',
    slot: 'review',
    name: msg('行政复议、行政诉讼情况', 'Reconsideration and litigation'),
    heading: [],
    header: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
    columns,
    rows: [row('cases', '行政复议、行政诉讼', 'Reconsideration and litigation', [])],
    groups: [],
    sums,
    unlabelled: true,
    groupedLayout: [
      { labels: ['行政复议'], columns: columns.slice(0, 5).map((c) => c.id) },
      { labels: ['未经复议直接起诉', '直接起诉'], columns: columns.slice(5, 10).map((c) => c.id) },
      { labels: ['复议后起诉'], columns: columns.slice(10, 15).map((c) => c.id) },
    ],
    markers: [],
  };
})();

// ---------------------------------------------------------------- 表二 helpers

export function articleBlock(format: FormatId, item: string, en: string, columns: ColumnDecl[], rows: RowDecl[], markers: string[]): BlockDecl {
  const han = '一二三四五六七八九十'[Number(item) - 1]!;
  return {
    id: `active.${item}@${format}`,
    slot: `active.${item}`,
    name: msg(`第二十条第（${han}）项`, `Article 20 (${item}): ${en}`),
    heading: [`第二十条第（${han}）项`, `第二十条第${han}项`],
    header: ['信息内容', ...columns.flatMap((c) => c.header)],
    columns,
    rows,
    groups: [],
    sums: [],
    markers,
  };
}

export function column(id: string, zh: string, en: string, kind: ColumnDecl['kind'], header: string[] = [zh], unit?: ColumnDecl['unit']): ColumnDecl {
  return unit ? { id, name: msg(zh, en), kind, header, unit } : { id, name: msg(zh, en), kind, header };
}

export function itemRow(id: string, zh: string, en: string, labels: string[] = [zh]): RowDecl {
  return row(id, zh, en, labels);
}

export { row, group };
export type { Msg };
