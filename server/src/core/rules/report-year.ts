import { formatForYear } from '../formats/registry';
import { msg } from '../i18n';
import type { YearMention } from '../model';
import type { Fix, Rule } from './types';

/** "202020" → "2020": a year typed twice over, or with a digit doubled. */
function repairYear(raw: string, want: number | null): string | null {
  if (raw.length <= 4) return null;
  const head = raw.slice(0, 4);
  if (want !== null) return raw.includes(String(want)) ? String(want) : null;
  // A year some format covers (and not far off).
  return formatForYear(Number(head)) !== null && Number(head) <= 2100 ? head : null;
}

export const reportYear: Rule = {
  id: 'report.year',
  name: msg('年度不一致', 'Report year inconsistent'),
  description: msg(
    '标题年度、统计期限和落款日期应一致：统计期限为报告年度的1月1日至12月31日，落款日期在报告年度之后；年份应为四位数字。',
    'The title year, the reporting period and the signing date must agree; years have four digits.',
  ),
  severity: 'error',
  fixable: true,
  doc: {
    rationale: msg(
      '“202020年”之类的笔误、沿用上年的统计期限，会让整份报告的年度存疑。',
      'Typos like “202020年” or last year’s period left in place make the whole report’s year doubtful.',
    ),
    wrong: '某局202020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n',
    right: '某局2020年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    const { title, period, signed } = report;
    const periodYear = period && period.to.raw.length === 4 ? period.to.year : null;
    const titleYear = title?.year && title.year.raw.length === 4 ? title.year.year : null;
    const typo = (m: YearMention, where: { zh: string; en: string }, want: number | null) => {
      const repaired = repairYear(m.raw, want);
      const fix: Fix | undefined = repaired ? { range: m.range, text: repaired, title: msg(`改为 ${repaired}`, `Change to ${repaired}`) } : undefined;
      out.push({
        range: m.range,
        message: msg(
          `${where.zh}中的年份“${m.raw}”不是四位数字${repaired ? `，应为“${repaired}”` : ''}`,
          `The year “${m.raw}” in ${where.en} is not four digits${repaired ? `: “${repaired}”?` : ''}`,
        ),
        // Preferred only when another mention of the year confirms the repair.
        ...(fix ? (want !== null ? { fix } : { suggestions: [fix] }) : {}),
      });
    };
    if (title?.year && title.year.raw.length !== 4) typo(title.year, msg('标题', 'the title'), periodYear);
    if (period) {
      for (const m of [period.from, period.to]) if (m.raw.length !== 4) typo(m, msg('统计期限', 'the reporting period'), titleYear);
      if (period.from.raw.length === 4 && period.to.raw.length === 4 && period.from.year !== period.to.year) {
        out.push({
          range: period.range,
          message: msg(
            `统计期限应为同一年度的1月1日至12月31日，实为${period.from.year}年至${period.to.year}年`,
            `The reporting period must be one calendar year, not ${period.from.year}–${period.to.year}`,
          ),
        });
      }
    }
    if (titleYear !== null && periodYear !== null && titleYear !== periodYear) {
      // Which is wrong cannot be told; both are offered, for a person to choose.
      out.push({
        range: period!.to.range,
        message: msg(
          `统计期限的年度（${periodYear}年）与标题年度（${titleYear}年）不一致`,
          `The reporting period (${periodYear}) does not match the title year (${titleYear})`,
        ),
        related: [{ range: title!.year!.range, message: msg('标题中的年度', 'The year in the title') }],
        suggestions: [
          {
            range: period!.from.range,
            text: String(titleYear),
            title: msg(`统计期限起始年改为 ${titleYear}`, `Period start year → ${titleYear}`),
            more: [{ range: period!.to.range, text: String(titleYear) }],
          },
          { range: title!.year!.range, text: String(periodYear), title: msg(`标题年度改为 ${periodYear}`, `Title year → ${periodYear}`) },
        ],
      });
    }
    const year = titleYear ?? periodYear;
    if (signed && year !== null && signed.year <= year) {
      out.push({
        range: signed.range,
        message: msg(
          `落款日期（${signed.year}年）应在报告年度（${year}年）结束之后`,
          `The signing date (${signed.year}) should fall after the report year (${year})`,
        ),
      });
    }
    return out;
  },
};
