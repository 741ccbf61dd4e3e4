import { comparedSentences } from '../crossyear/sentences';
import { msg } from '../i18n';
import { baseName } from './crossyear-util';
import type { Rule } from './types';

/** The share of copied sentences (in %) from which a report is said to be copied; `.nianbaorc.json`'s `copied` sets another. */
export const COPIED_DEFAULT = 60;
/** A report with fewer compared sentences says too little to be called copied. */
const MIN_SENTENCES = 5;

/** The quoted start of a passage: its first 30 characters. */
function quote(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

export const crossyearCopied: Rule = {
  id: 'crossyear.copied',
  name: msg('正文大量沿用上年报告', 'Text largely copied from last year'),
  description: msg(
    '与上一年度报告一起检查时，统计本年正文中与上年正文相同的句子（按“。；！？”分句，数字和年份不计，至少 15 字，不计条例引用、统计期限等每份报告都有的句子）所占比例，达到 60%（可在 .nianbaorc.json 的 "copied" 中设置）时提示，并指出最长的一段雷同内容。',
    'Checked beside last year’s report: the share of this year’s narrative sentences (split at 。；！？, digits and years aside, at least 15 characters, without the sentences every report has) found in last year’s. From 60% (set "copied" in .nianbaorc.json) it warns and names the longest copied passage.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '年度报告应反映本年度的工作。大段照搬上年文字（只改了数字）是政务公开评估中常见的扣分项。',
      'An annual report should tell this year’s work. Last year’s text with the figures changed is marked down by transparency evaluations.',
    ),
    previous:
      '桐溪区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开各项要求。全年主动公开政府信息1200条，及时回应社会关切。进一步规范依申请公开办理流程，确保依法按时答复。加强政府网站和政务新媒体建设，提升平台服务能力。将政务公开纳入年度绩效考核，强化监督保障。\n',
    wrong:
      '桐溪区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开各项要求。全年主动公开政府信息1350条，及时回应社会关切。进一步规范依申请公开办理流程，确保依法按时答复。加强政府网站和政务新媒体建设，提升平台服务能力。将政务公开纳入年度绩效考核，强化监督保障。\n',
    right:
      '桐溪区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n我区坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实政务公开各项要求。全年主动公开政府信息1350条，其中政策解读材料86篇。围绕优化营商环境专题公开涉企政策清单，新增惠企政策栏目。依申请公开实行台账管理和办理前法律审核，答复文书统一模板。区政府门户网站完成适老化改造，新增无障碍浏览功能。\n',
  },
  check({ report, crossyear, config }) {
    const previous = crossyear?.previous;
    if (!previous) return [];
    const last = new Set(previous.extract.sentences ?? []);
    if (!last.size) return [];
    const mine = comparedSentences(report);
    if (mine.length < MIN_SENTENCES) return [];
    const copied = mine.map((s) => last.has(s.hash));
    const count = copied.filter(Boolean).length;
    const share = Math.round((100 * count) / mine.length);
    const threshold = config?.copied ?? COPIED_DEFAULT;
    if (share < threshold) return [];
    // The longest run of copied sentences in a row.
    let best: [number, number] = [0, -1];
    for (let k = 0; k < copied.length; k++) {
      if (!copied[k]) continue;
      let j = k;
      while (j + 1 < copied.length && copied[j + 1]) j++;
      if (j - k > best[1] - best[0]) best = [k, j];
      k = j;
    }
    const range: [number, number] = [mine[best[0]]!.range[0], mine[best[1]]!.range[1]];
    const passage = quote(report.text.slice(range[0], range[1]));
    const n = best[1] - best[0] + 1;
    const lastYear = previous.extract.year ?? (report.year !== null ? report.year - 1 : null);
    const which = lastYear !== null ? msg(`${lastYear}年报告`, `the ${lastYear} report`) : msg('上一年度报告', 'last year’s report');
    return [
      {
        range,
        message: msg(
          `本年正文 ${mine.length} 句中有 ${count} 句（${share}%）与${which.zh}（${baseName(previous.file)}）相同（数字不计）；最长的一段连续 ${n} 句：“${passage}”`,
          `${count} of this year’s ${mine.length} sentences (${share}%) are in ${which.en} (${baseName(previous.file)}), figures aside; the longest passage runs ${n} sentences: “${passage}”`,
        ),
      },
    ];
  },
};
