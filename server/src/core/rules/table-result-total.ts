import { msg } from '../i18n';
import { sumRule } from './arithmetic';
import { requestsExample } from './examples';

export const tableResultTotal = sumRule(
  'table.result-total',
  msg('表三办理结果合计不符', 'Table 3 result total does not add up'),
  msg(
    '表三每一栏的“（七）总计”应等于（一）至（六）各项办理结果之和（（三）（四）（五）（六）按其下各小项计）。',
    'In table 3, each column’s (7) Total equals the sum of results (1) to (6) and their sub-rows.',
  ),
  {
    rationale: msg('办理结果合计核对每一件申请都有且只有一个办理结果。', 'The result total checks that every request has exactly one outcome.'),
    wrong: requestsExample({
      'new:natural': '3',
      'new:total': '3',
      'granted:natural': '2',
      'granted:total': '2',
      'partial:natural': '1',
      'partial:total': '1',
      'total:natural': '3',
      'total:total': '4',
    }),
    right: requestsExample({
      'new:natural': '3',
      'new:total': '3',
      'granted:natural': '2',
      'granted:total': '2',
      'partial:natural': '1',
      'partial:total': '1',
      'total:natural': '3',
      'total:total': '3',
    }),
  },
);
