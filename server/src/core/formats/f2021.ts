/** 国办公开办函〔2021〕30号: the format of the reports for 2021 and later. */
import { msg } from '../i18n';
import { SECTIONS, TABLES, REVIEW_BLOCK, articleBlock, column, group, itemRow, requestsBlock, row } from './common';
import type { FormatDecl } from './types';

const decisions = column('decisions', '本年处理决定数量', 'Decisions this year', 'count');

export const FORMAT_2021: FormatDecl = {
  id: '2021',
  name: msg('2021年版格式（国办公开办函〔2021〕30号）', '2021 format (国办公开办函〔2021〕30号)'),
  source: '国办公开办函〔2021〕30号',
  years: [2021, null],
  sections: SECTIONS,
  tables: TABLES,
  blocks: {
    active: [
      articleBlock(
        '2021',
        '1',
        'rules and normative documents',
        [
          column('issued', '本年制发件数', 'Issued this year', 'count'),
          column('repealed', '本年废止件数', 'Repealed this year', 'count'),
          column('current', '现行有效件数', 'Currently in force', 'count'),
        ],
        [itemRow('rules', '规章', 'Rules'), itemRow('normative', '行政规范性文件', 'Administrative normative documents', ['行政规范性文件', '规范性文件'])],
        ['本年制发件数', '本年废止件数', '现行有效件数'],
      ),
      articleBlock('2021', '5', 'licensing', [decisions], [itemRow('licensing', '行政许可', 'Administrative licensing')], ['本年处理决定数量']),
      articleBlock(
        '2021',
        '6',
        'penalties and coercion',
        [decisions],
        [itemRow('penalty', '行政处罚', 'Administrative penalties'), itemRow('coercion', '行政强制', 'Administrative coercion')],
        ['本年处理决定数量'],
      ),
      articleBlock(
        '2021',
        '8',
        'fees',
        [column('amount', '本年收费金额（单位：万元）', 'Fees collected (10,000 yuan)', 'money', ['本年收费金额'], { fixed: '万元' })],
        [itemRow('fees', '行政事业性收费', 'Administrative fees')],
        ['本年收费金额', '单位:万元'],
      ),
    ],
    requests: [
      requestsBlock('2021', {
        rows: [
          row(
            'other.noamend',
            '（六）其他处理·1.申请人无正当理由逾期不补正',
            '(6) Other · 1. Applicant did not amend in time',
            ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1.申请人无正当理由逾期不补正'],
            'other',
          ),
          row(
            'other.nofee',
            '（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用',
            '(6) Other · 2. Applicant did not pay the fee in time',
            ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用'],
            'other',
          ),
          row('other.other', '（六）其他处理·3.其他', '(6) Other · 3. Other', ['3.其他'], 'other'),
        ],
        groups: [group('other', '（六）其他处理', '(6) Other handling', ['（六）其他处理'])],
        markers: ['申请人无正当理由逾期不补正', '申请人逾期未按收费通知要求缴纳费用'],
      }),
    ],
    review: [REVIEW_BLOCK],
  },
  covers: {
    overview: [
      { topic: msg('主动公开', 'proactive disclosure'), words: ['主动公开'] },
      { topic: msg('依申请公开', 'disclosure on request'), words: ['依申请', '申请公开', '公开申请'] },
      { topic: msg('政府信息管理', 'information management'), words: ['信息管理', '管理'] },
      { topic: msg('政府信息公开平台建设', 'disclosure platforms'), words: ['平台'] },
      { topic: msg('监督保障', 'oversight and safeguards'), words: ['监督', '保障', '考核'] },
    ],
    other: [{ topic: msg('收取信息处理费情况', 'information processing fees collected'), words: ['信息处理费', '处理费'] }],
  },
};
