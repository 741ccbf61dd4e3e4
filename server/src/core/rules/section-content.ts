import { formatById } from '../formats/registry';
import { msg } from '../i18n';
import type { Rule } from './types';

export const sectionContent: Rule = {
  id: 'section.content',
  name: msg('章节内容不全', 'Section content incomplete'),
  description: msg(
    '2021 年版格式要求：第一部分总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障；第六部分应报告收取信息处理费的情况。',
    'The 2021 format: section 1 covers proactive disclosure, requests, information management, platforms and oversight; section 6 reports information processing fees.',
  ),
  severity: 'info',
  fixable: false,
  doc: {
    rationale: msg(
      '2021 年版格式新增了这些必报内容，沿用旧稿时最容易漏掉，尤其是信息处理费。',
      'The 2021 format added these; drafts reusing old text miss them, the fee most of all.',
    ),
    wrong: '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n',
    right: '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    const format = report.format !== 'unknown' ? report.format : report.formatByYear;
    const covers = format ? formatById(format)?.covers : undefined;
    if (!format || !covers) return out;
    for (const s of report.sections) {
      const topics = covers[s.decl.id];
      if (!s.heading || !topics) continue;
      const body = report.norm.slice(s.heading.range[1], s.range[1]);
      const missing = topics.filter((c) => !c.words.some((w) => body.includes(w)));
      if (!missing.length) continue;
      out.push({
        range: s.heading.range,
        message: msg(
          `“${s.heading.text}”未提及${missing.map((m) => `“${m.topic.zh}”`).join('、')}（${format}年版格式要求）`,
          `“${s.heading.text}” does not mention ${missing.map((m) => m.topic.en).join(', ')} (required by the ${format} format)`,
        ),
      });
    }
    return out;
  },
};
