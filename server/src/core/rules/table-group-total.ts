import { msg } from '../i18n';
import { sumRule } from './arithmetic';
import { REVIEW_HEADER } from './examples';

export const tableGroupTotal = sumRule(
  'table.group-total',
  msg('表四合计不符', 'Table 4 group total does not add up'),
  msg(
    '表四行政复议、未经复议直接起诉、复议后起诉三组中，每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和。',
    'In table 4, each group’s total equals upheld + corrected + other + pending.',
  ),
  {
    rationale: msg(
      '合计与分项不符时，通常是合计写错了，修复建议改合计。',
      'When a group does not add up, the total is the likelier slip, and the fix corrects it.',
    ),
    wrong: `${REVIEW_HEADER}\n1\t0\t0\t1\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
    right: `${REVIEW_HEADER}\n1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
  },
);
