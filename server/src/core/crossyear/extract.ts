/**
 * The compact extract of a report that a later year's report is checked against: its body, its
 * year, its format, and the few cells that continue into the next year (表三 二 and 四, 表二's
 * stocks), each with where it stands. Plain data: the CLI's index pass keeps one per file and
 * sends it to the thread that checks the next year's report.
 */
import type { FormatId } from '../formats/types';
import type { Report, Table } from '../model';
import { LineMap } from '../position';
import { bodyFromTitle } from './body';
import { comparedSentences, tableHash } from './sentences';

/** A cell as the extract keeps it: its value (null when blank or unreadable), whether it was read with certainty, and where it stands. */
export interface ExtractCell {
  value: number | null;
  certain: boolean;
  range: [number, number];
  /** 0-based line and character of the range's start and end. */
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface Extract {
  body: string | null;
  year: number | null;
  format: FormatId | 'unknown';
  /** Cells by "row.col": 表三 `carried.*` and `carryover.*`; 表二 `rules.current`, `normative.total`, `licensing.previous`… */
  cells: Record<string, ExtractCell>;
  /** The narrative's compared sentences as hashes (see `sentences.ts`), in order: for `crossyear.copied`. */
  sentences: number[];
  /** Each table's figures as one hash, where all were read with certainty and one is not 0: for `crossyear.same-tables`. */
  tables: Record<string, number>;
}

/** The 表三 rows and 表二 columns that continue from one year to the next. */
const REQUEST_ROWS = new Set(['carried', 'carryover']);
const ACTIVE_COLUMNS = new Set(['issued', 'repealed', 'current', 'published', 'total', 'previous', 'change']);

function keep(table: Table, cells: Extract['cells'], lm: LineMap, wanted: (row: string, col: string) => boolean): void {
  for (const block of table.blocks) {
    for (const row of block.rows) {
      for (const cell of row.cells) {
        const key = `${row.decl.id}.${cell.col.id}`;
        if (!wanted(row.decl.id, cell.col.id) || cells[key]) continue;
        const certain = table.confidence === 'certain' && block.confidence === 'certain' && row.confidence === 'certain' && cell.confidence === 'certain';
        cells[key] = {
          value: cell.state === 'ok' ? cell.value : null,
          certain,
          range: [cell.range[0], cell.range[1]],
          start: lm.positionAt(cell.range[0]),
          end: lm.positionAt(cell.range[1]),
        };
      }
    }
  }
}

/**
 * The extract of a head alone (a report's title and year, or `parseHead`'s): its body and year, as
 * `extract` reads them; no format, cells, sentences or tables. Enough to pair reports by body and
 * year; not to compare them.
 */
export function headExtract(head: Pick<Report, 'title' | 'year'>): Extract {
  return { body: head.title ? bodyFromTitle(head.title.text) : null, year: head.year, format: 'unknown', cells: {}, sentences: [], tables: {} };
}

export function extract(report: Report): Extract {
  const lm = new LineMap(report.text);
  const cells: Extract['cells'] = {};
  for (const table of report.tables) {
    if (table.decl.id === 'requests') keep(table, cells, lm, (row) => REQUEST_ROWS.has(row));
    else if (table.decl.id === 'active') keep(table, cells, lm, (_row, col) => ACTIVE_COLUMNS.has(col));
  }
  const tables: Extract['tables'] = {};
  for (const table of report.tables) {
    const h = tableHash(table);
    if (h !== null) tables[table.decl.id] = h;
  }
  const sentences = comparedSentences(report).map((s) => s.hash);
  return { ...headExtract(report), format: report.format, cells, sentences, tables };
}
