import type { ColumnKind } from '../formats/types';
import { msg } from '../i18n';
import { readValue } from '../parse/cells';
import { REVIEW_HEADER } from './examples';
import type { Rule } from './types';
import { cellName, cellsWhere, fmt } from './util';

const PLACEHOLDER = /^(—+|-+|\/|无|空|\\|×|x|X|N\/?A|n\/a|\*)$/;

/** Whether a value as written is one a column of this kind takes (spaces inside ignored: the cell is uncertain). */
function fitsKind(raw: string, kind: ColumnKind): boolean {
  return readValue(kind, raw.replace(/\s+/g, '')).ok;
}

export const tableCellInvalid: Rule = {
  id: 'table.cell-invalid',
  name: msg('单元格数值无效', 'Invalid cell value'),
  description: msg('数量栏应为非负整数；金额栏应为非负数。', 'Count cells take non-negative integers; amounts take non-negative numbers.'),
  severity: 'error',
  fixable: true,
  doc: {
    rationale: msg(
      '“—”“无”、小数或负数写在件数栏里，既不符合格式，也无法参与合计。',
      'Dashes, words, fractions or negative numbers in a count cannot be totalled.',
    ),
    wrong: `${REVIEW_HEADER}\n—\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
    right: `${REVIEW_HEADER}\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
  },
  check({ report, arith }) {
    const out: ReturnType<Rule['check']> = [];
    for (const { row, cell } of cellsWhere(report, (c) => c.state === 'invalid')) {
      if (cell.state !== 'invalid') continue;
      // In a row read with uncertainty the cell may belong to another column: "+8" is invalid only
      // as a count, and says nothing where a signed column of the row could hold it.
      if (cell.confidence !== 'certain' && row.cells.some((c) => c.col.kind !== cell.col.kind && fitsKind(cell.raw, c.col.kind))) continue;
      const name = cellName(row, cell);
      const v = arith.fill.get(cell);
      const placeholder = PLACEHOLDER.test(cell.raw);
      const what =
        cell.col.kind === 'money'
          ? msg('应为非负数', 'should be a non-negative number')
          : cell.col.kind === 'signed'
            ? msg('应为带符号的整数，如“+3”“-2”“0”', 'should be a signed integer such as +3, -2 or 0')
            : msg('应为非负整数', 'should be a non-negative integer');
      // In a row read with uncertainty, nothing is written: the cell may not be the one named.
      const value = cell.confidence !== 'certain' ? undefined : (v ?? (placeholder ? 0 : undefined));
      out.push({
        range: cell.range,
        message: msg(`“${name.zh}”的值“${cell.raw}”无效，${what.zh}`, `“${name.en}” holds “${cell.raw}”, which ${what.en}`),
        ...(value !== undefined
          ? {
              fix: {
                range: cell.range,
                text: fmt(value),
                title: v !== undefined ? msg(`改为 ${fmt(value)}（由合计推出）`, `Change to ${fmt(value)} (from the totals)`) : msg('改为 0', 'Change to 0'),
              },
            }
          : {}),
      });
    }
    return out;
  },
};
