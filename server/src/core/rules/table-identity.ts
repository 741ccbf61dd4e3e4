import { msg } from '../i18n';
import { sumRule } from './arithmetic';
import { requestsExample } from './examples';

export const tableIdentity = sumRule(
  'table.identity',
  msg('表三勾稽关系不符', 'Table 3 identity does not hold'),
  msg(
    '表三每一栏：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。这是表格本身印出的唯一勾稽关系。',
    'In each column of table 3: 1 (new) + 2 (carried over) = (7) Total + 4 (carried forward). The table prints this rule itself.',
  ),
  {
    rationale: msg('收到的申请要么已办结，要么结转下年，不能凭空增减。', 'Every request received is either handled or carried forward.'),
    wrong: requestsExample({ 'new:natural': '3', 'new:total': '3', 'granted:natural': '2', 'granted:total': '2', 'total:natural': '2', 'total:total': '2' }),
    right: requestsExample({
      'new:natural': '3',
      'new:total': '3',
      'granted:natural': '2',
      'granted:total': '2',
      'total:natural': '2',
      'total:total': '2',
      'carryover:natural': '1',
      'carryover:total': '1',
    }),
  },
);
