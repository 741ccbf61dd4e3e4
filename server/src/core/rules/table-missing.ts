import { TABLES } from '../formats';
import { msg } from '../i18n';
import { skeletonFor } from '../skeleton';
import { REVIEW_HEADER } from './examples';
import type { Rule } from './types';

export const tableMissing: Rule = {
  id: 'table.missing',
  name: msg('缺少表格', 'Missing table'),
  description: msg('第二、三、四部分各有一张格式规定的统计表，缺表即缺数据。', 'Sections 2, 3 and 4 each carry a table the format prescribes.'),
  severity: 'error',
  fixable: true,
  doc: {
    rationale: msg('只写“无”或只写文字而不附表，不符合格式要求；即使全为 0 也应列表。', 'Even when every figure is 0 the table must be there.'),
    wrong: '某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议、行政诉讼。\n',
    right: `某局2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议、行政诉讼。\n${REVIEW_HEADER}\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of TABLES) {
      if (report.tables.some((x) => x.decl.id === t.id)) continue;
      // A missing section is reported (and inserted with its table) by section.missing.
      const section = report.sections.find((s) => s.decl.id === t.section);
      if (!section?.heading) continue;
      const skeleton = skeletonFor(report, t.section);
      const at = report.lines.end(report.lines.lineAt(section.heading.range[1]));
      const brk = report.text[at] === '\r' ? '\r\n' : '\n';
      out.push({
        range: section.heading.range,
        message: msg(`“${section.heading.text}”下缺少${t.name.zh}`, `${t.name.en} is missing under “${section.heading.text}”`),
        ...(skeleton
          ? {
              fix: {
                range: [at, at] as [number, number],
                text: brk + skeleton.replace(/\n$/, ''),
                title: msg(`插入空白${t.name.zh}`, `Insert an empty ${t.name.en}`),
              },
            }
          : {}),
      });
    }
    return out;
  },
};
