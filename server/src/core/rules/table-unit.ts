import { msg } from '../i18n';
import type { Rule } from './types';
import { cellName, cellsWhere, fmt } from './util';

const TO_WAN: Record<string, number> = { 元: 1 / 10000, 万元: 1, 亿元: 10000 };

export const tableUnit: Rule = {
  id: 'table.unit',
  name: msg('金额单位缺失或不符', 'Amount unit missing or wrong'),
  description: msg(
    '2019 年版表二（九）“采购总金额”表头没有单位，单元格应注明单位；2021 年版（八）“本年收费金额”单位为万元。',
    'The 2019 procurement amount must state its unit; the 2021 fee amount is in 10,000 yuan.',
  ),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg('没有单位的金额无法解读，“1553.91”可能是元也可能是万元。', 'An amount without its unit cannot be read: 1553.91 yuan or 10,000 yuan?'),
    wrong: '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t17\t1553.91\n',
    right: '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t17\t1553.91万元\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const { row, cell } of cellsWhere(report, (c) => c.col.kind === 'money' && c.confidence === 'certain')) {
      if (cell.col.kind !== 'money' || cell.state !== 'ok' || !cell.col.unit) continue;
      const name = cellName(row, cell);
      const unit = cell.col.unit;
      if ('required' in unit) {
        if (!cell.unit && cell.value !== 0) {
          out.push({
            range: cell.range,
            message: msg(`“${name.zh}”${cell.raw} 没有注明单位（元还是万元？），金额无法确定`, `“${name.en}” ${cell.raw} has no unit (yuan or 10,000 yuan?)`),
          });
        }
        continue;
      }
      if (cell.unit && cell.unit !== unit.fixed && TO_WAN[cell.unit] !== undefined) {
        const v = cell.value! * TO_WAN[cell.unit]!;
        const text = fmt(Number(v.toFixed(6)));
        out.push({
          range: cell.range,
          message: msg(`“${name.zh}”的单位是${unit.fixed}，“${cell.raw}”应写作 ${text}`, `“${name.en}” is in ${unit.fixed}: “${cell.raw}” is ${text}`),
          fix: { range: cell.range, text, title: msg(`换算为 ${text}（${unit.fixed}）`, `Convert to ${text} (${unit.fixed})`) },
        });
      }
    }
    return out;
  },
};
