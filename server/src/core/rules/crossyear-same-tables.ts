import { tableHash } from '../crossyear/sentences';
import { msg } from '../i18n';
import { baseName } from './crossyear-util';
import type { Rule } from './types';

export const crossyearSameTables: Rule = {
  id: 'crossyear.same-tables',
  name: msg('表格与上年完全相同', 'Table identical to last year’s'),
  description: msg(
    '与上一年度报告一起检查时，某张表格（表二、表三或表四）的数字与上年逐一相同且不全为 0，提示核对是否沿用了上年数据。',
    'Checked beside last year’s report: a table (2, 3 or 4) whose figures are all the same as last year’s, and not all 0, may be last year’s data left in.',
  ),
  severity: 'info',
  fixable: false,
  doc: {
    rationale: msg(
      '两年的申请、复议或诉讼数字完全一样的情况极少见，多是套用上年报告后忘了更新表格。',
      'Two years with exactly the same requests or cases are rare; it is mostly last year’s table not updated.',
    ),
    previous:
      '桐溪区人民政府2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n2\t1\t0\t0\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n',
    wrong:
      '桐溪区人民政府2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n2\t1\t0\t0\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n',
    right:
      '桐溪区人民政府2022年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n',
  },
  check({ report, crossyear }) {
    const previous = crossyear?.previous;
    if (!previous) return [];
    const out: ReturnType<Rule['check']> = [];
    for (const table of report.tables) {
      const h = tableHash(table);
      if (h === null || previous.extract.tables?.[table.decl.id] !== h) continue;
      const year = previous.extract.year;
      out.push({
        range: [table.range[0], report.lines.end(report.lines.lineAt(table.range[0]))],
        message: msg(
          `${table.decl.name.zh}的数字与${year !== null ? `${year}年` : '上年'}报告（${baseName(previous.file)}）逐一相同：是否沿用了上年数据？`,
          `${table.decl.name.en} has exactly the figures of ${year !== null ? `the ${year}` : 'last year’s'} report (${baseName(previous.file)}): last year’s data left in?`,
        ),
      });
    }
    return out;
  },
};
