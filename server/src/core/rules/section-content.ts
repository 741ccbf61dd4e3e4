import { formatById } from '../formats/registry';
import { msg } from '../i18n';
import type { Report, Section } from '../model';
import { narrative } from '../narrative';
import type { Report_, Rule } from './types';
import { isEmptyTable } from './util';

/** Fewer characters than this (white space and punctuation aside) in 五 is too little to say anything. */
export const PROBLEMS_MIN_CHARS = 50;

/** 五、存在的主要问题及改进情况 left empty, as "无", or in under 50 characters (both formats). */
function checkProblems(report: Report, s: Section): Report_ | null {
  if (!s.heading) return null;
  const body = narrative(report).slice(s.heading.range[1], s.range[1]);
  const chars = body.replace(/[\s\p{P}\p{S}]/gu, '');
  const heading = s.heading.text;
  if (!chars) return { range: s.heading.range, message: msg(`“${heading}”下没有内容`, `“${heading}” is empty`) };
  if (/^(无|暂无|没有|无问题|不存在)$/u.test(chars))
    return {
      range: s.heading.range,
      message: msg(
        `“${heading}”只写了“${body.trim()}”：应说明存在的问题和改进措施`,
        `“${heading}” says only “${body.trim()}”: it should name the problems and what is done about them`,
      ),
    };
  if (chars.length < PROBLEMS_MIN_CHARS)
    return {
      range: s.heading.range,
      message: msg(
        `“${heading}”只有 ${chars.length} 个字（少于 ${PROBLEMS_MIN_CHARS} 字）：应具体说明存在的问题和改进措施`,
        `“${heading}” has only ${chars.length} characters (under ${PROBLEMS_MIN_CHARS}): it should name the problems and what is done about them`,
      ),
    };
  return null;
}

export const sectionContent: Rule = {
  id: 'section.content',
  name: msg('章节内容不全', 'Section content incomplete'),
  description: msg(
    '2021 年版格式要求：第一部分总体情况应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障；第六部分应报告收取信息处理费的情况。两种格式的第五部分“存在的主要问题及改进情况”都不应为空、只写“无”或少于 50 字。',
    'The 2021 format: section 1 covers proactive disclosure, requests, information management, platforms and oversight; section 6 reports information processing fees. In both formats section 5 (problems and improvements) should not be empty, “无”, or under 50 characters.',
  ),
  severity: 'info',
  fixable: false,
  doc: {
    rationale: msg(
      '2021 年版格式新增了这些必报内容，沿用旧稿时最容易漏掉，尤其是信息处理费。第五部分空着或只写“无”，是政务公开评估中常见的扣分项。',
      'The 2021 format added these; drafts reusing old text miss them, the fee most of all. Section 5 left empty or as “无” is marked down by transparency evaluations.',
    ),
    wrong: '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n',
    right: '某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    // A template not filled in yet (every table empty: one table.empty hint each) is not a report whose 五 says too little.
    const template = report.tables.length > 0 && report.tables.every(isEmptyTable);
    for (const s of report.sections) {
      if (s.decl.id !== 'problems' || template) continue;
      const f = checkProblems(report, s);
      if (f) out.push(f);
    }
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
