import { msg } from '../i18n';
import type { Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section.order',
  name: msg('章节顺序错误', 'Sections out of order'),
  description: msg('六个部分应按格式规定的顺序排列。', 'The six sections must come in the prescribed order.'),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '顺序错乱通常意味着粘贴时段落错位，表格可能落在错误的部分下。',
      'Sections out of order usually mean a paste went wrong and tables sit under the wrong heading.',
    ),
    wrong:
      '一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n',
    right:
      '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n',
  },
  check({ report }) {
    return report.extraHeadings
      .filter((x) => x.misplaced)
      .map((x) => {
        // The heading it should have come before: the first earlier section with a higher number.
        const before = report.sections.find((s) => s.heading && s.range[0] < x.heading.range[0] && s.decl.number > x.decl.number);
        const where = before?.heading ? before.heading.text : '';
        return {
          range: x.heading.range,
          message: where
            ? msg(`章节顺序不对：“${x.heading.text}”应排在“${where}”之前`, `Sections out of order: “${x.heading.text}” belongs before “${where}”`)
            : msg(
                `章节顺序不对：“${x.heading.text}”应是第${'一二三四五六'[x.decl.number - 1]}部分`,
                `Sections out of order: “${x.heading.text}” is section ${x.decl.number}`,
              ),
        };
      });
  },
};
