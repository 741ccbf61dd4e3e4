import { msg } from '../i18n';
import { compactLabel, compactText } from '../text';
import type { Rule } from './types';

const compacted = new Map<string, string>();
function compactCanonical(heading: string): string {
  let c = compacted.get(heading);
  if (c === undefined) compacted.set(heading, (c = compactLabel(heading)));
  return c;
}

export const sectionWording: Rule = {
  id: 'section.wording',
  name: msg('章节标题措辞不规范', 'Non-canonical section heading'),
  description: msg(
    '章节标题应使用格式规定的措辞和编号，如“三、收到和处理政府信息公开申请情况”。',
    'Section headings should use the wording and numbering the format prescribes.',
  ),
  severity: 'info',
  fixable: true,
  doc: {
    rationale: msg(
      '各地报告常用变体标题（“政府信息主动公开情况”“4、”），检查和汇总时难以对应；统一措辞便于审核与比对。',
      'Variant headings are recognised, but the canonical wording makes reports comparable across bodies.',
    ),
    wrong: '二、政府信息主动公开情况\n',
    right: '二、主动公开政府信息情况\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const s of report.sections) {
      const h = s.heading;
      if (!h) continue;
      const canonical = s.decl.canonical;
      // The heading's text is read from the normalized text already: its compact form needs no normalizing.
      if (h.text.replace(/\s+/g, '') === canonical && compactText(h.text) === compactCanonical(canonical)) continue;
      const misnumbered = h.number !== s.decl.number;
      out.push({
        range: h.range,
        message: misnumbered
          ? msg(`章节编号或措辞不规范：“${h.text}”应为“${canonical}”`, `Heading “${h.text}” should be “${canonical}” (numbering)`)
          : msg(`章节标题“${h.text}”与格式规定不一致，规范写法为“${canonical}”`, `Heading “${h.text}” differs from the format's “${canonical}”`),
        fix: { range: h.range, text: canonical, title: msg(`改为“${canonical}”`, `Change to “${canonical}”`) },
      });
    }
    return out;
  },
};
