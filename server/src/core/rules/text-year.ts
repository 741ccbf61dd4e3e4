import { msg } from '../i18n';
import { narrativeSentences } from '../narrative';
import type { Report_, Rule } from './types';

/**
 * A year opening a sentence as the time of the work it reports: "2022年，我局…", "2022年全年共…",
 * "2022年度，…". What follows the year decides: a comma, or the words a year's account starts with.
 */
const OPENING =
  /^(?:[一二三四五六七八九十]+是|\(?[一二三四五六七八九十]+\)|\d+\.)?\s*(\d{4})\s*年(?:度)?(?=\s*(?:,|全年|以来|我|本|共|累计|全区|全县|全市|全镇|全街道))/u;

/** Words that show the sentence speaks of another year on purpose: a plan, a comparison, a document. */
const ON_PURPOSE = /将|计划|拟|力争|下一步|要继续|同比|较上年|相比|比上年|增长|下降|减少|增加|印发|出台|制定的|发布的|以来|统计期限/u;

export const textYear: Rule = {
  id: 'text.year',
  name: msg('正文年份与报告年度不符', 'Year in the text is not the report year'),
  description: msg(
    '正文以某一年份开头叙述本年度工作（如“2022年，我局…”），而报告年度是另一年，多为沿用上年报告时漏改。比较（“较2022年增长”）、文件（“2022年印发的《…》”）、计划（“2024年，我局将…”）和统计期限不报告。',
    'A sentence opens the year’s account with another year (“2022年，我局…” in a 2023 report), usually last year’s text reused. Comparisons, documents, plans and the statistics period are not reported.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '沿用上年报告时，正文里的年份最容易漏改。读者据此会以为报告写的是另一年的工作。',
      'Years in the text are what a reused report misses most; a reader takes the work for another year’s.',
    ),
    wrong: '某局2023年政府信息公开工作年度报告\n一、总体情况\n2022年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。\n',
    right:
      '某局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开，主动公开信息较2022年增长一成。\n',
  },
  check({ report }) {
    const out: Report_[] = [];
    const year = report.year;
    if (year === null) return out;
    for (const s of narrativeSentences(report)) {
      const m = OPENING.exec(s.text);
      if (!m) continue;
      const y = Number(m[1]);
      if (y === year || y < 1990 || y > 2100) continue;
      // "2024年，我局将…" is a plan; "2022年以来" a span that includes this year.
      if (ON_PURPOSE.test(s.text)) continue;
      const at = s.range[0] + m[0].indexOf(m[1]!);
      out.push({
        range: [at, at + 4],
        message: msg(
          `正文以“${y}年”叙述工作，但本报告是${year}年度报告：是否沿用了${y}年的报告？`,
          `The text tells the work of ${y}, but this is the report for ${year}: was ${y}’s report reused?`,
        ),
        suggestions: [{ range: [at, at + 4], text: String(year), title: msg(`改为“${year}年”`, `Change to ${year}`) }],
      });
    }
    return out;
  },
};
