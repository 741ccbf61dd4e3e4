import { msg } from '../i18n';
import type { Rule } from './types';

export const sectionDuplicate: Rule = {
  id: 'section.duplicate',
  name: msg('章节重复', 'Duplicate section'),
  description: msg('同一部分的标题出现了两次。', 'A section heading appears twice.'),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '重复的部分多来自两次粘贴；其中一份数据可能是旧的。',
      'A repeated section usually comes from pasting twice; one copy may hold stale figures.',
    ),
    wrong: '一、总体情况\n……\n一、总体情况\n……\n',
    right: '一、总体情况\n……\n',
  },
  check({ report }) {
    return report.extraHeadings
      .filter((x) => !x.misplaced)
      .map((x) => {
        const first = report.sections.find((s) => s.decl.id === x.decl.id);
        return {
          range: x.heading.range,
          message: msg(`第${'一二三四五六'[x.decl.number - 1]}部分“${x.decl.name.zh}”重复出现`, `Section ${x.decl.number} “${x.decl.name.en}” appears again`),
          ...(first?.heading ? { related: [{ range: first.heading.range, message: msg('第一次出现在这里', 'First heading here') }] } : {}),
        };
      });
  },
};
