import { bodyFromTitle, parseBody } from '../crossyear/body';
import { msg } from '../i18n';
import type { Report } from '../model';
import type { Rule } from './types';

/**
 * Who issued the report, as the deadline sees it: a government (人民政府, 街道办事处, 乡, 镇, 管委会:
 * no department after its units) or a department of one (局, 委, 办, 厅, 中心…); null when the
 * title names no body.
 */
export function bodyKind(report: Report): 'government' | 'department' | null {
  const name = report.title ? bodyFromTitle(report.title.text) : null;
  if (!name) return null;
  const body = parseBody(name);
  if (body.rest === '') return body.units.length ? 'government' : null;
  if (/(?:人民政府|政府|办事处|管委会|管理委员会)$/u.test(body.rest) && !/办公室|办公厅/u.test(body.rest)) return 'government';
  return 'department';
}

/** 条例第四十九条、第五十条: departments publish by 1月31日, governments by 3月31日 of the next year. */
const DEADLINE = { department: { month: 1, day: 31 }, government: { month: 3, day: 31 } } as const;

export const reportDeadline: Rule = {
  id: 'report.deadline',
  name: msg('落款日期晚于法定公开时限', 'Signed after the legal deadline'),
  description: msg(
    '《政府信息公开条例》规定：政府部门应于每年1月31日前、各级人民政府（含乡镇、街道）应于每年3月31日前公布上一年度的年度报告。落款日期晚于该时限时提示。',
    'Under the Regulations, government departments publish last year’s report by 31 January, governments (towns and streets included) by 31 March. A signing date after that is noted.',
  ),
  severity: 'info',
  fixable: false,
  doc: {
    rationale: msg(
      '逾期公布年度报告是政务公开评估的扣分项。落款日期不等于公布日期，但落款已晚于时限时，报告不可能按时公布。部门与政府按标题中的机关名称区分。',
      'Publishing late is marked down by transparency evaluations. The signing date is not the publication date, but a report signed after the deadline cannot have been published on time. Departments and governments are told apart by the body named in the title.',
    ),
    wrong: '桐溪区市场监督管理局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n2023年2月15日\n',
    right: '桐溪区市场监督管理局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n本年度未收取信息处理费。\n2023年1月20日\n',
  },
  check({ report }) {
    const { signed, year } = report;
    if (!signed || year === null || signed.year <= year) return [];
    const kind = bodyKind(report);
    if (!kind) return [];
    const d = DEADLINE[kind];
    const late = signed.year > year + 1 || signed.month > d.month || (signed.month === d.month && signed.day > d.day);
    if (!late) return [];
    const who = kind === 'department' ? msg('政府部门', 'a government department') : msg('人民政府', 'a government');
    return [
      {
        range: signed.range,
        message: msg(
          `落款日期${signed.year}年${signed.month}月${signed.day}日晚于${who.zh}年度报告的法定公开时限（${year + 1}年${d.month}月${d.day}日）`,
          `Signed on ${signed.year}-${signed.month}-${signed.day}, after the deadline for ${who.en}’s report (${year + 1}-${d.month}-${d.day})`,
        ),
      },
    ];
  },
};
