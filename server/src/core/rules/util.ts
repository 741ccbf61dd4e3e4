/** Helpers shared by the rules: names of cells, rows and runs of them, fixes that fill a cell, empty tables. */
import type { Arith } from '../arith';
import type { Fix } from '../finding';
import type { GroupDecl } from '../formats/types';
import { msg, type Msg } from '../i18n';
import type { Block, Cell, Range, Report, Row, Table } from '../model';

export function cellName(row: Row | undefined, cell: Cell): Msg {
  if (!row || row.decl.labels.length === 0) return cell.col.name;
  return msg(`${row.decl.name.zh}·${cell.col.name.zh}`, `${row.decl.name.en} · ${cell.col.name.en}`);
}

/** Formats a number as a count or money is written (no exponent, no trailing zeros). */
export function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toFixed(6)));
}

/** The text that fills a blank cell: padded between pipes. */
export function fillText(cell: Cell, value: string): string {
  return cell.piped && cell.range[1] - cell.range[0] >= 2 ? ` ${value} ` : value;
}

export function setCellFix(row: Row | undefined, cell: Cell, value: number): Fix {
  const text = cell.state === 'blank' ? fillText(cell, fmt(value)) : fmt(value);
  const name = cellName(row, cell);
  return { range: cell.range, text, title: msg(`将“${name.zh}”改为 ${fmt(value)}`, `Change “${name.en}” to ${fmt(value)}`) };
}

/** A visible range for a cell: a blank cell's empty range widened to the separators around it. */
export function visibleRange(report: Report, cell: Cell): Range {
  const [s, e] = cell.range;
  if (e > s) return [s, e];
  const t = report.norm;
  const a = s > 0 && t[s - 1] !== '\n' ? s - 1 : s;
  const b = e < t.length && t[e] !== '\n' ? e + 1 : e;
  return [a, b];
}

export function rowOf(arith: Arith, cell: Cell): Row | undefined {
  return arith.rowOf.get(cell);
}

/** The cells that pass `keep`, with their rows (a rule reads a few of a report's hundreds of cells). */
export function cellsWhere(report: Report, keep: (cell: Cell) => boolean): { row: Row; cell: Cell }[] {
  const out: { row: Row; cell: Cell }[] = [];
  for (const t of report.tables) for (const b of t.blocks) for (const r of b.rows) for (const c of r.cells) if (keep(c)) out.push({ row: r, cell: c });
  return out;
}

/**
 * Whether a table holds no number at all: every cell blank or absent (a template just created, or
 * one whose empty cells a paste dropped). Such a table is one `table.empty` hint; the rules that
 * speak of single cells (blanks, sums) leave it alone. A table with one figure in it is not empty.
 */
export function isEmptyTable(t: Table): boolean {
  let cells = 0;
  for (const b of t.blocks) {
    for (const r of b.rows) {
      if (r.ambiguous || r.run) return false;
      for (const c of r.cells) {
        if (c.state !== 'blank' && c.state !== 'missing') return false;
        cells++;
      }
    }
  }
  return cells > 0;
}

/** The blocks of a report's empty tables (see `isEmptyTable`), built once per report. */
const EMPTY_BLOCKS = new WeakMap<Report, Set<Block>>();
export function emptyTableBlocks(report: Report): Set<Block> {
  let set = EMPTY_BLOCKS.get(report);
  if (!set) {
    set = new Set(report.tables.filter(isEmptyTable).flatMap((t) => t.blocks));
    EMPTY_BLOCKS.set(report, set);
  }
  return set;
}

/** Consecutive runs of `list` items that `missing` holds, as [first, last] indices. */
export function runsOf<T>(list: readonly T[], missing: (x: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < list.length; k++) {
    if (!missing(list[k]!)) continue;
    let j = k;
    while (j + 1 < list.length && missing(list[j + 1]!)) j++;
    out.push([k, j]);
    k = j;
  }
  return out;
}

/**
 * A run of names, quoted: one to three listed, more as “first”至“last” with their number. Rows of
 * one group (（三）不予公开 1.… to 4.…) name the group once and then their own labels; a whole group
 * is named as such.
 */
export function runNames(rows: readonly { name: Msg; labels?: string[]; group?: string }[], unit: Msg, groups: readonly GroupDecl[] = [], size = 0): Msg {
  const g = groups.find((x) => x.id === rows[0]!.group && x.labels.length > 0);
  const inGroup = !!g && rows.every((r) => r.group === g.id && r.labels?.[0]);
  const zh = (r: (typeof rows)[number]) => (inGroup ? r.labels![0]! : r.name.zh);
  const of = inGroup ? `“${g.labels[0]}”的` : '';
  const ofEn = inGroup ? ` of “${g.name.en}”` : '';
  if (inGroup && rows.length === size && size > 1) return msg(`“${g.labels[0]}”全部 ${size} ${unit.zh}`, `all ${size} ${unit.en} of “${g.name.en}”`);
  if (rows.length <= 3) return msg(`${of}${rows.map((r) => `“${zh(r)}”`).join('、')}`, `${rows.map((r) => `“${r.name.en}”`).join(', ')}`);
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  return msg(`${of}“${zh(a)}”至“${zh(b)}”共 ${rows.length} ${unit.zh}`, `the ${rows.length} ${unit.en}${ofEn} from “${a.name.en}” to “${b.name.en}”`);
}
