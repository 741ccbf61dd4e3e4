import { blockFormats, blockIn, formatById } from '../formats/registry';
import { msg } from '../i18n';
import type { Rule } from './types';

export const formatMixed: Rule = {
  id: 'format.mixed',
  name: msg('新旧格式混用', 'Formats mixed'),
  description: msg(
    '同一报告中的表格混用了不同版本格式的栏目（如 2021 年版表三中只有一行“（六）其他处理”）。',
    'Blocks of different formats in one report (e.g. a one-row (6) Other handling in a 2021 table 3).',
  ),
  severity: 'error',
  fixable: false,
  doc: {
    rationale: msg(
      '混用格式通常是在旧表上局部改动造成的，混用的部分栏目与新格式对不上。',
      'Mixing formats usually means an old table was only partly updated.',
    ),
    wrong:
      '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t0\t0\t0\n其他对外管理服务事项\t0\t0\t0\n',
    right:
      '2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t0\n',
  },
  check({ report }) {
    if (report.format === 'unknown') return [];
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      for (const b of t.blocks) {
        if (blockIn(b.decl, report.format) || b.evidence === 'assumed') continue;
        const of = blockFormats(b.decl);
        const names = of.map((id) => formatById(id)!.name.zh).join('、');
        out.push({
          range: b.heading ?? b.range,
          message: msg(
            `${t.decl.name.zh}的“${b.decl.name.zh}”为${names}，与报告其余部分（${formatById(report.format)!.name.zh}）不一致`,
            `“${b.decl.name.en}” of ${t.decl.name.en} is in the ${of.join('/')} format, the rest of the report in the ${report.format} format`,
          ),
        });
      }
    }
    return out;
  },
};
