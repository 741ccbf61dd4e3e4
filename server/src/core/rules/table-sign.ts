import { msg } from '../i18n';
import type { Rule } from './types';
import { cellName, cellsWhere, fmt } from './util';

export const tableSign: Rule = {
  id: 'table.sign',
  name: msg('“本年增/减”写法不规范', 'Malformed change (本年增/减)'),
  description: msg('2019 年版表二“本年增/减”应带正负号：“+11”“-18”“0”。', 'The 2019 format’s change column carries a sign: +11, -18, 0.'),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg('不带符号的“11”看不出是增加还是减少。', 'An unsigned 11 does not say whether items were added or removed.'),
    wrong: '第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t17\t11\t26\n其他对外管理服务事项\t7\t+18\t47\n',
    right: '第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t17\t+11\t26\n其他对外管理服务事项\t7\t+18\t47\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const { row, cell } of cellsWhere(report, (c) => c.col.kind === 'signed' && c.confidence === 'certain')) {
      if (cell.col.kind !== 'signed' || cell.state !== 'ok' || cell.value === null) continue;
      const name = cellName(row, cell);
      const v = cell.value;
      const want = v > 0 ? `+${fmt(v)}` : fmt(v);
      if (cell.raw === want) continue;
      // Unsigned non-zero values cannot be read as an increase with certainty: a suggestion only.
      const unsigned = !cell.sign && v !== 0;
      const fix = { range: cell.range, text: want, title: msg(`改为“${want}”`, `Change to “${want}”`) };
      out.push({
        range: cell.range,
        message: unsigned
          ? msg(
              `“${name.zh}”的“${cell.raw}”没有正负号，看不出是增加还是减少（增加写“+${cell.raw}”，减少写“-${cell.raw}”）`,
              `“${name.en}” “${cell.raw}” has no sign: +${cell.raw} or -${cell.raw}?`,
            )
          : msg(`“${name.zh}”的“${cell.raw}”应写作“${want}”`, `“${name.en}” “${cell.raw}” should be written “${want}”`),
        ...(unsigned ? { suggestions: [fix, { ...fix, text: `-${cell.raw}`, title: msg(`改为“-${cell.raw}”`, `Change to “-${cell.raw}”`) }] } : { fix }),
      });
    }
    return out;
  },
};
