import { msg } from '../i18n';
import type { Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section.order',
  name: msg('章节顺序错误', 'Sections out of order'),
  description: msg('六个部分应按格式规定的顺序排列。', 'The six sections must come in the prescribed order.'),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg('顺序错乱通常意味着粘贴时段落错位，表格可能落在错误的部分下。', 'Sections out of order usually mean a paste went wrong and tables sit under the wrong heading.'),
    wrong: '一、总体情况\n三、收到和处理政府信息公开申请情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n',
    right: '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n',
  },
  check({ report }) {
    return report.extraHeadings
      .filter((x) => x.misplaced)
      .map((x) => ({
        range: x.heading.range,
        message: msg(`“${x.heading.text}”的位置不对：第${'一二三四五六'[x.decl.number - 1]}部分应排在第${x.decl.number}位`, `“${x.heading.text}” is out of place: it is section ${x.decl.number}`),
      }));
  },
};
