import { msg } from '../i18n';
import { baseName } from './crossyear-util';
import type { Rule } from './types';

/** A series with a year missing: said on the later report; the reports either side are not compared. */
export const crossyearGap: Rule = {
  id: 'crossyear.gap',
  name: msg('缺少上一年度报告', 'Last year’s report missing from the series'),
  description: msg(
    '同一机关的报告一起检查时，若缺少上一年度的报告，则本年报告不与更早的报告比较（例如2023年不与2021年比较），并在标题处提示。',
    'When one body’s reports are checked together and the year before is missing, this report is not compared with an older one (2023 is not compared with 2021); a note on the title says so.',
  ),
  severity: 'info',
  fixable: false,
  doc: {
    rationale: msg(
      '跨年度核对只在相邻年度之间成立；缺一年时无法核对结转和存量，应补齐上一年度报告。',
      'The checks across years hold between consecutive years only; with a year missing, carry-over and stocks cannot be checked.',
    ),
    previous: '桐溪区人民政府2020年政府信息公开工作年度报告\n',
    wrong: '桐溪区人民政府2022年政府信息公开工作年度报告\n',
    right: '桐溪区人民政府2021年政府信息公开工作年度报告\n',
  },
  check({ report, crossyear }) {
    const range = report.title?.range ?? ([0, 0] as [number, number]);
    const year = report.year;
    if (crossyear?.gap) {
      const g = crossyear.gap;
      return [
        {
          range,
          message: msg(
            `未找到${year !== null ? `${year - 1}年` : '上一年度'}的报告，不与${g.year}年报告（${baseName(g.file)}）比较结转和存量`,
            `No report for ${year !== null ? year - 1 : 'the year before'} found; not compared with the ${g.year} report (${baseName(g.file)})`,
          ),
        },
      ];
    }
    if (crossyear?.conflict) {
      const c = crossyear.conflict;
      return [
        {
          range,
          message: msg(
            `${c.year}年有两份内容不同的报告（${baseName(c.files[0])}、${baseName(c.files[1])}），无法确定以哪份为准，未比较结转和存量`,
            `Two different ${c.year} reports found (${baseName(c.files[0])}, ${baseName(c.files[1])}); not compared, as neither can be chosen`,
          ),
        },
      ];
    }
    return [];
  },
};
