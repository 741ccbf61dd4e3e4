import { msg } from '../i18n';
import type { Range, Report, Table } from '../model';
import { REVIEW_HEADER } from './examples';
import type { Rule } from './types';
import { isEmptyTable } from './util';

/** Where a finding about a whole table stands: its section's heading, else its first block's heading or row label. */
function tableHeading(report: Report, t: Table): Range {
  const section = report.sections.find((s) => s.decl.id === t.decl.section);
  const h = section?.heading;
  if (h && h.range[0] <= t.range[0] && section.range[1] >= t.range[0]) return h.range;
  const b = t.blocks[0];
  if (b?.heading) return b.heading;
  const r = b?.rows[0];
  if (r && r.label[1] > r.label[0]) return r.label;
  return [t.range[0], report.lines.end(report.lines.lineAt(t.range[0]))];
}

export const tableEmpty: Rule = {
  id: 'table.empty',
  name: msg('表格尚未填写', 'Table not filled in'),
  description: msg(
    '表格的每个单元格都是空白的（例如刚由模板生成的表格）：整张表只提示一次，不逐格报告，也不核对合计。填入第一个数字后，其余空白单元格逐个提示。',
    'Every cell of a table is blank (a template just created): one hint for the whole table instead of one per cell, and no sums checked. Once a figure is written, the remaining blanks are reported one by one.',
  ),
  severity: 'hint',
  fixable: false,
  doc: {
    rationale: msg(
      '新建的报告模板有上百个空白单元格，逐格警告只会淹没真正的问题。空白不等于 0，所以不自动填 0：没有发生的事项请逐格填 0。',
      'A new template has a hundred-odd blank cells; a warning for each drowns the real problems. A blank is not a zero, so nothing is filled in: write 0 where nothing happened.',
    ),
    wrong: `${REVIEW_HEADER}\n${Array.from({ length: 15 }, () => '').join('\t')}\n`,
    right: `${REVIEW_HEADER}\n${Array.from({ length: 15 }, () => '0').join('\t')}\n`,
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      if (!isEmptyTable(t)) continue;
      const n = t.blocks.reduce((a, b) => a + b.rows.reduce((x, r) => x + r.cells.length, 0), 0);
      out.push({
        range: tableHeading(report, t),
        message: msg(
          `${t.decl.name.zh}尚未填写：全部 ${n} 个单元格都没有数字（没有发生的事项填 0）`,
          `${t.decl.name.en} is not filled in: none of its ${n} cells holds a number (write 0 where nothing happened)`,
        ),
      });
    }
    return out;
  },
};
