/**
 * A report's tables as the auditor's HTML page draws them: the `show` model (server/src/core/show.ts)
 * laid out as grids, each cell marked with what the findings say of it (wrong, and the value the
 * sums expect). Built where the file is checked (a worker thread): plain data, no text of the report
 * besides the cells and labels.
 */
import { type CheckResult, type Finding, type Locale, localize, type ShownCell, showReport } from '../core';
import type { Block, Cell } from '../core/model';

export interface MarkedCell {
  /** The cell as written ('' when blank or missing). */
  text: string;
  state: ShownCell['state'];
  /** Named by an error or warning finding. */
  wrong: boolean;
  /** The value a finding's preferred fix writes into the cell, when one does. */
  expected: string | null;
  split: boolean;
  uncertain: boolean;
  /** 1-based line and column in the text, for the title. */
  line: number;
  column: number;
  /** The messages of the findings that name the cell. */
  notes: string[];
}

export interface MarkedRow {
  label: string;
  uncertain: boolean;
  cells: MarkedCell[];
}

export interface MarkedBlock {
  label: string | null;
  columns: string[];
  rows: MarkedRow[];
  missingRows: string[];
}

export interface MarkedTable {
  name: string;
  uncertain: boolean;
  missingBlocks: string[];
  blocks: MarkedBlock[];
}

const overlaps = (c: Cell, range: readonly [number, number]) => {
  const [s, e] = c.range;
  const [a, b] = range;
  return e > s ? a < e && b > s : a <= s && s <= b;
};

/** What the findings say of one cell: whether it is wrong, the value a fix writes, the messages. */
function judge(c: Cell, findings: Finding[], locale: Locale): Pick<MarkedCell, 'wrong' | 'expected' | 'notes'> {
  let wrong = false;
  let expected: string | null = null;
  const notes: string[] = [];
  for (const f of findings) {
    if (!(f.rule.startsWith('table.') || f.rule.startsWith('text.'))) continue;
    const onCell = overlaps(c, f.range);
    const fixesCell = f.fix !== undefined && overlaps(c, f.fix.range);
    if (!onCell && !fixesCell) continue;
    if (f.severity === 'error' || f.severity === 'warning') wrong = true;
    if (fixesCell && expected === null && f.fix!.text.trim()) expected = f.fix!.text.trim();
    const note = localize(f.message, locale);
    if (!notes.includes(note)) notes.push(note);
  }
  return { wrong, expected, notes };
}

/** The report's tables, marked; 表四's one row as its groups × outcomes. */
export function markedTables(result: CheckResult, locale: Locale): MarkedTable[] {
  const shown = showReport(result, '', locale);
  const findings = result.findings;
  return result.report.tables.map((t, ti) => {
    const st = shown.tables[ti]!;
    return {
      name: st.name,
      uncertain: st.confidence === 'uncertain',
      missingBlocks: st.missingBlocks,
      blocks: t.blocks.map((b, bi): MarkedBlock => {
        const sb = st.blocks[bi]!;
        const rows: MarkedRow[] = b.rows.map((r, ri) => {
          const sr = sb.rows[ri]!;
          return {
            label: sr.label,
            uncertain: sr.confidence === 'uncertain',
            cells: r.cells.map((c, ci) => {
              const sc = sr.cells[ci]!;
              return {
                text: sc.state === 'blank' || sc.state === 'missing' ? '' : sc.raw,
                state: sc.state,
                split: sc.split,
                uncertain: sc.confidence === 'uncertain',
                line: sc.line,
                column: sc.character + 1,
                ...judge(c, findings, locale),
              };
            }),
          };
        });
        const columns = sb.rows[0]?.cells.map((c) => c.header) ?? [];
        return regroup({ label: sb.label, columns, rows, missingRows: sb.missingRows }, b.decl, locale);
      }),
    };
  });
}

/** 表四 is one row of fifteen cells: drawn as its three groups (rows) × five outcomes (columns). */
function regroup(block: MarkedBlock, decl: Block['decl'], locale: Locale): MarkedBlock {
  const layout = decl.groupedLayout;
  const only = block.rows[0];
  if (!layout || block.rows.length !== 1 || !only) return block;
  const at = (id: string) => decl.columns.findIndex((c) => c.id === id);
  const columns = layout[0]!.columns.map((id) => block.columns[at(id)]!.split('·').pop()!);
  const rows = layout.map((g) => ({
    label: localize(decl.columns[at(g.columns[0]!)]!.name, locale).split('·').slice(0, -1).join('·'),
    uncertain: only.uncertain,
    cells: g.columns.map((id) => only.cells[at(id)]!),
  }));
  return { ...block, columns, rows };
}
