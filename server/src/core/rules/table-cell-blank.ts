import { msg } from '../i18n';
import { REVIEW_HEADER } from './examples';
import type { Block, Range, Row } from '../model';
import type { Report_, Rule } from './types';
import { cellName, cellsWhere, emptyTableBlocks, fillText, fmt, runNames, runsOf, visibleRange } from './util';

/**
 * Cells that are not there at all (the row ends before its last columns): one finding per row,
 * naming its missing columns; a run of consecutive rows with no number at all is one finding.
 */
function missingCells(b: Block): Report_[] {
  const out: Report_[] = [];
  // A row read with uncertainty: which cells it lacks is a guess (table.unreadable says so).
  const lacks = (r: Row) => r.confidence === 'certain' && r.cells.some((c) => c.state === 'missing');
  const bare = (r: Row) => lacks(r) && r.cells.every((c) => c.state === 'missing');
  const where = (r: Row): Range => (r.label[1] > r.label[0] ? r.label : r.range);
  const bareRuns = new Map(runsOf(b.rows, bare).map(([k, j]) => [k, j]));
  for (let k = 0; k < b.rows.length; k++) {
    const r = b.rows[k]!;
    if (!lacks(r)) continue;
    const n = r.cells.length;
    const j = bareRuns.get(k);
    if (j !== undefined) {
      const run = b.rows.slice(k, j + 1);
      const names = runNames(
        run.map((x) => x.decl),
        msg('行', 'rows'),
        b.decl.groups,
      );
      out.push({
        range: run.length > 1 ? [where(r)[0], where(run[run.length - 1]!)[1]] : where(r),
        message:
          run.length > 1
            ? msg(`${names.zh}没有数字（每行应有 ${n} 栏）`, `${names.en} have no numbers (each has ${n} columns)`)
            : msg(`“${r.decl.name.zh}”一行没有数字（应有 ${n} 栏）`, `“${r.decl.name.en}” has no numbers (it has ${n} columns)`),
      });
      k = j;
      continue;
    }
    const missing = r.cells.filter((c) => c.state === 'missing').map((c) => ({ name: c.col.name }));
    const names = runNames(missing, msg('栏', 'columns'));
    out.push({
      range: where(r),
      message: msg(`“${r.decl.name.zh}”一行缺少${names.zh}${missing.length <= 3 ? '栏' : ''}的数字`, `“${r.decl.name.en}” lacks ${names.en}`),
    });
  }
  return out;
}

export const tableCellBlank: Rule = {
  id: 'table.cell-blank',
  name: msg('表格空白单元格', 'Blank table cell'),
  description: msg('应填数字的单元格是空白的。空白不等于 0：没有发生也要填 0。', 'A cell that should hold a number is blank. A blank is not a zero.'),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg(
      '空白单元格让读者无法判断是“0”还是漏填，也让合计无法核对。能由合计推出的数值会自动给出。',
      'A blank leaves the reader guessing between 0 and an omission, and makes totals unverifiable. Values the sums determine are offered as the fix.',
    ),
    wrong: `${REVIEW_HEADER}\n1\t0\t0\t0\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
    right: `${REVIEW_HEADER}\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n`,
  },
  check({ report, arith }) {
    const out: ReturnType<Rule['check']> = [];
    // A table with no number at all is one table.empty hint, not a finding per cell.
    const empty = emptyTableBlocks(report);
    for (const t of report.tables) for (const b of t.blocks) if (!empty.has(b)) out.push(...missingCells(b));
    const emptyRows = new Set([...empty].flatMap((b) => b.rows));
    for (const { row, cell } of cellsWhere(report, (c) => c.state === 'blank')) {
      if (cell.state !== 'blank' || cell.confidence !== 'certain' || emptyRows.has(row)) continue;
      const name = cellName(row, cell);
      const v = arith.fill.get(cell);
      const computed = v !== undefined;
      const value = computed ? v : 0;
      const fix = {
        range: cell.range,
        text: fillText(cell, fmt(value)),
        title: computed ? msg(`填入 ${fmt(value)}（由合计推出）`, `Fill in ${fmt(value)} (from the totals)`) : msg('填入 0', 'Fill in 0'),
      };
      out.push({
        range: visibleRange(report, cell),
        message: computed
          ? msg(`“${name.zh}”为空白，按合计关系应为 ${fmt(value)}`, `“${name.en}” is blank; the totals say ${fmt(value)}`)
          : msg(`“${name.zh}”为空白，应填写数字（没有发生的填 0）`, `“${name.en}” is blank; write a number (0 if none)`),
        // Only a value the sums determine is safe to fill without a look; 0 is a guess.
        ...(computed ? { fix } : { suggestions: [fix] }),
      });
    }
    return out;
  },
};
