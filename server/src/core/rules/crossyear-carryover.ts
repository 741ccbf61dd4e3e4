import { REQUEST_COLUMNS } from '../formats/common';
import { msg } from '../i18n';
import { requestsExample } from './examples';
import { fmt } from './util';
import { baseName, inFile, sure, thisYear } from './crossyear-util';
import type { Rule } from './types';

const handled = { 'granted:natural': '1', 'granted:total': '1', 'total:natural': '1', 'total:total': '1' };
const LAST = `桐溪区人民政府2021年政府信息公开工作年度报告\n${requestsExample({ 'new:natural': '3', 'new:total': '3', ...handled, 'carryover:natural': '2', 'carryover:total': '2' })}`;
const WRONG = `桐溪区人民政府2022年政府信息公开工作年度报告
${requestsExample({ 'carried:natural': '1', 'carried:total': '1', ...handled })}`;

/** 二、上年结转[N] = 四、结转下年度继续办理[N−1], per column; the two formats share 表三's 二 and 四. */
export const crossyearCarryover: Rule = {
  id: 'crossyear.carryover',
  name: msg('上年结转与上年报告不符', 'Carry-over differs from last year’s report'),
  description: msg(
    '表三“二、上年结转政府信息公开申请数量”每一栏应等于上一年度报告“四、结转下年度继续办理”的同一栏（2020年报告与2021年报告之间同样适用）。需要同一机关上一年度的报告：检查目录中的报告按机关和年度配对，或在 .nianbaorc.json 的 pairs、命令行 --previous 中指定。',
    'Each column of 表三 row 二 (carried over from last year) must equal row 四 (carried over to next year) of the same body’s report for the year before, also from a 2020 report to a 2021 one. Needs last year’s report: reports checked together are paired by body and year, or by `pairs` in .nianbaorc.json, or `--previous`.',
  ),
  severity: 'error',
  fixable: false,
  doc: {
    rationale: msg(
      '上年结转到本年的申请，就是上年报告中结转下年度继续办理的申请。两者不一致，说明其中一份报告的数字有误；第三方评估逐年对照检查这一点。',
      'The requests carried into this year are the ones last year’s report carried forward. When the two differ, one report is wrong; evaluators compare them year by year.',
    ),
    previous: LAST,
    wrong: WRONG,
    right: `桐溪区人民政府2022年政府信息公开工作年度报告\n${requestsExample({ 'carried:natural': '2', 'carried:total': '2', 'granted:natural': '2', 'granted:total': '2', 'total:natural': '2', 'total:total': '2' })}`,
  },
  check({ report, crossyear }) {
    const prev = crossyear?.previous;
    if (!prev) return [];
    const now = thisYear(report);
    const out: ReturnType<Rule['check']> = [];
    for (const col of REQUEST_COLUMNS) {
      const here = now.cells[`carried.${col.id}`];
      const there = prev.extract.cells[`carryover.${col.id}`];
      if (!sure(here) || !sure(there) || here.value === there.value) continue;
      const year = prev.extract.year ?? '上一';
      out.push({
        range: here.range,
        message: msg(
          `上年结转（${col.name.zh}）为 ${fmt(here.value)}，而${year}年报告（${baseName(prev.file)}）结转下年度继续办理为 ${fmt(there.value)}`,
          `Carried over from last year (${col.name.en}) is ${fmt(here.value)}, but the ${year} report (${baseName(prev.file)}) carried ${fmt(there.value)} forward`,
        ),
        related: [
          inFile(
            prev.file,
            there,
            msg(`${year}年报告：四、结转下年度继续办理（${col.name.zh}）`, `The ${year} report: 4. carried over to next year (${col.name.en})`),
          ),
        ],
      });
    }
    return out;
  },
};
