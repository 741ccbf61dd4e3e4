import { msg, type Msg } from '../i18n';
import type { Unclear } from '../model';
import { requestsExample } from './examples';
import type { Rule } from './types';
import { missingRowCount, scrambled } from './table-row-missing';

type Reported = Exclude<Unclear, 'readings'>;
const WHY: Record<Reported, Msg> = {
  short: msg('数字少于栏数，看不出缺的是哪一栏', 'fewer numbers than columns, and which one lacks cannot be told'),
  gaps: msg('其中的空行可能是空白单元格，也可能只是分隔', 'its empty lines may be blank cells or mere separators'),
  extra: msg('数字多于栏数', 'more numbers than columns'),
  merged: msg('数字连在一起，没有一种分法能使合计成立', 'its digits run together and no way of cutting them makes the sums hold'),
  bounds: msg('数字连在一起，可能的分法太多，超出了检查的范围', 'its digits run together with more ways to cut them than the check tries'),
  order: msg(
    '行标签与数字的先后次序被打乱（常见于从 PDF 复制的文字），看不出哪些数字属于本行',
    'its label stands apart from the numbers (text copied from a PDF), and which are its own cannot be told',
  ),
};

/** Rows whose reading this rule reports (rows with several readings are table.ambiguous's). */
const reported = (u: Unclear | null): u is Reported => u !== null && u !== 'readings';

const CELLS = {
  'new:natural': '3',
  'new:total': '3',
  'granted:natural': '3',
  'granted:total': '3',
  'total:natural': '3',
  'total:total': '3',
};

/** 表三 with its first row's cells one per line and an empty line where a cell is empty. */
function wrongExample(): string {
  const text = requestsExample(CELLS);
  return text.replace(/^(（一）予以公开)\t3\t0\t0\t0\t0\t0\t3$/m, '$1\n3\n\n0\n0\n0\n0\n3');
}

export const tableUnreadable: Rule = {
  id: 'table.unreadable',
  name: msg('表格无法可靠识别', 'Table cannot be read with certainty'),
  description: msg(
    '表格的排版让某些行的数字无法确定属于哪一栏（常见于从网页、PDF 复制的表格）；这些表格的合计不予核对，也不给出数字修改。',
    'The layout leaves some rows’ numbers without a sure column (web and PDF copies): such a table’s sums are not checked and no number is written into it.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '把数字放错栏会得出错误的合计结论，甚至给出把正确数字改错的修改。读不准时，nianbao 只说明一次，不做猜测；用制表符分隔各栏、或在空白单元格处填 0 后即可核对。',
      'Numbers read into the wrong column give false totals and even fixes that would change a right figure. When the reading is unsure nianbao says so once and guesses nothing; separate the cells with tabs, or fill the blanks, and the table is checked.',
    ),
    wrong: wrongExample(),
    right: requestsExample(CELLS),
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      if (t.confidence === 'certain') continue;
      const rows = t.blocks.flatMap((b) => b.rows.filter((r) => reported(r.unclear)).map((r) => ({ b, r })));
      if (!rows.length) continue;
      const first = rows[0]!.r;
      const shown = rows.slice(0, 4);
      const names = shown.map(({ r }) => `“${r.decl.name.zh}”（${WHY[r.unclear as Reported].zh}）`).join('；');
      const namesEn = shown.map(({ r }) => `“${r.decl.name.en}” (${WHY[r.unclear as Reported].en})`).join('; ');
      const more = rows.length > shown.length ? msg(`等 ${rows.length} 行`, ` and ${rows.length - shown.length} more rows`) : msg('', '');
      const lost = scrambled(t) ? missingRowCount(t) : 0;
      const notFound = lost
        ? msg(
            `；另有 ${lost} 行未在文字中找到，可能在次序被打乱的部分中，未按缺行报告`,
            `; ${lost} more row(s) were not found in the text, perhaps among the part out of order, and are not reported as missing`,
          )
        : msg('', '');
      out.push({
        range: first.label[1] > first.label[0] ? first.label : first.range,
        message: msg(
          `${t.decl.name.zh}有 ${rows.length} 行无法确定各栏的值：${names}${more.zh}${notFound.zh}。本表的合计未核对`,
          `${t.decl.name.en}: ${rows.length} row(s) cannot be read with certainty: ${namesEn}${more.en}${notFound.en}. Its sums were not checked`,
        ),
        ...(rows.length > 1
          ? { related: rows.slice(1).map(({ r }) => ({ range: r.label, message: msg('无法确定各栏的行', 'A row read with uncertainty') })) }
          : {}),
      });
    }
    return out;
  },
};
