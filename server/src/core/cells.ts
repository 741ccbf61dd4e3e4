/**
 * Table cells for the editor features: the cell under the cursor, whether it is a total, whether a
 * number computed from the sums may be shown for or written into a cell, and "recompute all
 * totals" (every declared total set to the sum of its parts, in tables read with certainty).
 */
import type { SumEval } from './arith';
import type { CheckResult } from './check';
import type { Fix } from './finding';
import { msg } from './i18n';
import type { Block, Cell, Report, Row, Table } from './model';
import { cellName, fillText, fmt, visibleRange } from './rules/util';

export interface CellHit {
  table: Table;
  block: Block;
  row: Row;
  cell: Cell;
}

/** The cell at an offset (a blank cell counts from the separators around it). */
export function cellAt(report: Report, offset: number): CellHit | undefined {
  for (const table of report.tables) {
    if (offset < table.range[0] - 1 || offset > table.range[1] + 1) continue;
    for (const block of table.blocks) {
      if (offset < block.range[0] - 1 || offset > block.range[1] + 1) continue;
      for (const row of block.rows) {
        if (offset < row.range[0] - 1 || offset > row.range[1] + 1) continue;
        for (const cell of row.cells) {
          if (cell.state === 'missing') continue;
          const [s, e] = cell.range[1] > cell.range[0] ? cell.range : visibleRange(report, cell);
          if (offset >= s && offset <= e) return { table, block, row, cell };
        }
      }
    }
  }
  return undefined;
}

/**
 * The cells a number computed from the sums may be shown for or written into: read with certainty,
 * in a block and a table read with certainty, and not cut out of a run of digits by the sums (a fix
 * never edits inside a run; at most a suggestion rewrites the row). Built once per report.
 */
const COMPUTABLE = new WeakMap<Report, Set<Cell>>();
function computableCells(report: Report): Set<Cell> {
  let set = COMPUTABLE.get(report);
  if (!set) {
    set = new Set();
    for (const t of report.tables) {
      if (t.confidence !== 'certain') continue;
      for (const b of t.blocks) {
        if (b.confidence !== 'certain') continue;
        for (const r of b.rows) for (const c of r.cells) if (c.confidence === 'certain' && !c.split) set.add(c);
      }
    }
    COMPUTABLE.set(report, set);
  }
  return set;
}

/** Whether a number computed from the sums may be shown for, or written into, a cell (see `computableCells`). */
export function isComputable(report: Report, cell: Cell): boolean {
  return computableCells(report).has(cell);
}

/** Tables read with uncertainty: their sums are not checked ("N 张表未核对"). */
export function uncheckedTables(report: Report): number {
  return report.tables.filter((t) => t.confidence === 'uncertain').length;
}

/** A sum "total = parts" (row, result and group totals), as opposed to the identity 一+二=（七）+四. */
export function isTotalSum(s: SumEval): boolean {
  return s.left.length === 1 && s.decl.rule !== 'table.identity';
}

const usable = (c: Cell | undefined): c is Cell => !!c && c.state === 'ok' && c.value !== null;

/**
 * Every total set to the sum of its parts, parts first: row totals of 表三, then its （七）总计 row,
 * then 表四's group totals. A total whose parts are blank or invalid is left alone; so is a table
 * read with uncertainty, whole, and a total cut out of a run of digits (its value is kept as a part
 * of larger totals). Returns one fix per total that changes.
 */
export function recomputeTotals(result: CheckResult): Fix[] {
  const { arith, report } = result;
  const computable = computableCells(report);
  const certainTables = new Set(report.tables.filter((t) => t.confidence === 'certain').flatMap((t) => t.blocks));
  const totals = arith.sums.filter((s) => isTotalSum(s) && s.certain && certainTables.has(s.block));
  const values = new Map<Cell, number>();
  const cellValue = (c: Cell | undefined): number | null => {
    if (!c) return null;
    if (values.has(c)) return values.get(c)!;
    return usable(c) ? c.value : null;
  };
  // A total may be a part of another total ((七)总计·总计 is both): iterate to a fixed point.
  for (let round = 0; round < 8; round++) {
    let changed = false;
    for (const s of totals) {
      const total = s.left[0];
      if (!total || !computable.has(total) || total.state === 'missing' || total.state === 'ambiguous') continue;
      const parts = s.right.map(cellValue);
      if (parts.some((v) => v === null)) continue;
      const v = (parts as number[]).reduce((a, b) => a + b, 0);
      if (cellValue(total) !== v) {
        values.set(total, v);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const fixes: Fix[] = [];
  for (const [cell, v] of values) {
    if (usable(cell) && Math.abs(cell.value! - v) < 1e-9) continue;
    const row = arith.rowOf.get(cell);
    const name = cellName(row, cell);
    fixes.push({
      range: cell.range,
      text: cell.state === 'blank' ? fillText(cell, fmt(v)) : fmt(v),
      title: msg(`将“${name.zh}”改为 ${fmt(v)}`, `Change “${name.en}” to ${fmt(v)}`),
    });
  }
  return fixes.sort((a, b) => a.range[0] - b.range[0]);
}
