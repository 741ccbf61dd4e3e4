/** 国办公开办函〔2019〕60号: the format of the 2019 and 2020 reports. */
import { msg } from '../i18n';
import { SECTIONS, TABLES, REVIEW_BLOCK, articleBlock, column, itemRow, requestsBlock, row } from './common';
import type { FormatDecl } from './types';

const prevYear = column('previous', '上一年项目数量', 'Items last year', 'count');
const change = column('change', '本年增/减', 'Change this year', 'signed', ['本年增/减', '本年增减']);
const decisions = column('decisions', '处理决定数量', 'Decisions', 'count');

export const FORMAT_2019: FormatDecl = {
  id: '2019',
  name: msg('2019年版格式（国办公开办函〔2019〕60号）', '2019 format (国办公开办函〔2019〕60号)'),
  source: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections: SECTIONS,
  tables: TABLES,
  blocks: {
    active: [
      articleBlock(
        '2019',
        '1',
        'rules and normative documents',
        [
          column('made', '本年新制作数量', 'Made this year', 'count', ['本年新制作数量']),
          column('published', '本年新公开数量', 'Published this year', 'count', ['本年新公开数量']),
          column('total', '对外公开总数量', 'Total public', 'count', ['对外公开总数量']),
        ],
        [itemRow('rules', '规章', 'Rules'), itemRow('normative', '规范性文件', 'Normative documents', ['规范性文件', '行政规范性文件'])],
        ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      ),
      articleBlock(
        '2019',
        '5',
        'licensing and other services',
        [prevYear, change, decisions],
        [itemRow('licensing', '行政许可', 'Administrative licensing'), itemRow('services', '其他对外管理服务事项', 'Other public services')],
        ['上一年项目数量', '本年增/减', '本年增减', '其他对外管理服务事项'],
      ),
      articleBlock(
        '2019',
        '6',
        'penalties and coercion',
        [prevYear, change, decisions],
        [itemRow('penalty', '行政处罚', 'Administrative penalties'), itemRow('coercion', '行政强制', 'Administrative coercion')],
        ['上一年项目数量', '本年增/减', '本年增减'],
      ),
      articleBlock(
        '2019',
        '8',
        'fees',
        [prevYear, change],
        [itemRow('fees', '行政事业性收费', 'Administrative fees')],
        ['上一年项目数量', '本年增/减', '本年增减'],
      ),
      articleBlock(
        '2019',
        '9',
        'government procurement',
        [
          column('projects', '采购项目数量', 'Procurement projects', 'count'),
          column('amount', '采购总金额', 'Total procurement amount', 'money', ['采购总金额'], { required: true }),
        ],
        [itemRow('procurement', '政府集中采购', 'Centralised government procurement')],
        ['采购项目数量', '采购总金额', '政府集中采购'],
      ),
    ],
    requests: [requestsBlock('2019', { rows: [row('other', '（六）其他处理', '(6) Other handling', ['（六）其他处理'], 'results')], groups: [], markers: [] })],
    review: [REVIEW_BLOCK],
  },
};
