import { formatById } from '../formats/registry';
import { formatsByYearText } from '../formats/describe';
import { msg } from '../i18n';
import type { Rule } from './types';

export const formatMismatch: Rule = {
  id: 'format.mismatch',
  name: msg('表格格式与年度不符', 'Table format does not match the year'),
  description: formatsByYearText(),
  severity: 'error',
  fixable: false,
  doc: {
    rationale: msg(
      '沿用上一年的表格是每年最常见的问题之一：2021 年起表二、表三的栏目都改了。',
      'Reusing last year’s tables is a yearly mistake: tables 2 and 3 changed in 2021.',
    ),
    wrong:
      '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n',
    right:
      '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n',
  },
  check({ report }) {
    if (report.format === 'unknown' || !report.formatByYear || report.format === report.formatByYear) return [];
    const year = report.year!;
    const want = formatById(report.formatByYear)!;
    const have = formatById(report.format)!;
    const range: [number, number] = report.title?.year?.range ?? report.tables[0]?.range ?? [0, 0];
    return [
      {
        range,
        message: msg(
          `${year}年度报告应使用${want.name.zh}，但表格使用的是${have.name.zh}`,
          `A ${year} report must use the ${want.name.en}, but its tables are in the ${have.name.en}`,
        ),
        related: report.tables.map((t) => ({
          range: t.range,
          message: msg(`${t.decl.name.zh}为${have.id}年版格式`, `${t.decl.name.en} is in the ${have.id} format`),
        })),
      },
    ];
  },
};
