import { msg } from '../i18n';
import { sumRule } from './arithmetic';

export const tableRowTotal = sumRule(
  'table.row-total',
  msg('表三行合计不符', 'Table 3 row total does not add up'),
  msg(
    '表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六栏之和。',
    'In table 3, each row’s 总计 equals the sum of its six applicant columns.',
  ),
  {
    rationale: msg(
      '行合计错误是最常见的笔误；找到错的那一格，而不只是报告合计不符。',
      'Row totals are the commonest slip; the rule names the wrong cell, not just the broken sum.',
    ),
    wrong: '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t2\t0\t4\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n',
    right: '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t2\t0\t3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n',
  },
);
