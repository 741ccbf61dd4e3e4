/**
 * The report as nianbao read it (`nianbao show`): every table with its rows and cells, what each
 * cell holds, how sure the reading is, and which findings name it. One versioned JSON shape feeds
 * every view (the CLI, the editor's text view, later the table view and the HTML report); the text
 * form is a grid for people.
 */
import type { CheckResult } from './check';
import type { Finding } from './finding';
import type { Locale } from './i18n';
import { LineMap } from './position';
import type { TableId } from './formats/types';
import type { Block, Cell, CellState, Confidence, Report, Row, Table } from './model';

export const SHOW_VERSION = 1;

export interface ShownCell {
  /** The column's name as messages print it: "自然人", "总计", "行政复议·结果维持". */
  header: string;
  value: number | null;
  raw: string;
  unit: string | null;
  sign: string | null;
  state: CellState;
  /** Whether the sums decided the cell (a run of digits cut where they hold). */
  split: boolean;
  confidence: Confidence;
  /**
   * 1-based line and 0-based UTF-16 character of the cell in the text; for a missing cell, where it
   * belongs (after the cell before it that was found, or where the reader placed it).
   */
  line: number;
  character: number;
  /** The cell's length in UTF-16 code units from there (0 for a missing or empty blank cell). */
  length: number;
  /** Codes of the findings that name this cell. */
  findings: string[];
  /** Their messages, in the locale shown. */
  messages: string[];
  /** The value the sums give the cell, from the preferred fix of a finding that names it; null when none. */
  expected: string | null;
}

export interface ShownRow {
  /** Canonical, as messages print it: "（三）不予公开·1.属于国家秘密". */
  label: string;
  line: number;
  confidence: Confidence;
  cells: ShownCell[];
}

export interface ShownBlock {
  /** 表二's article ("第二十条第（一）项"), or null for 表三 and 表四. */
  label: string | null;
  rows: ShownRow[];
  missingRows: string[];
}

export interface ShownTable {
  id: TableId;
  name: string;
  confidence: Confidence;
  missingBlocks: string[];
  blocks: ShownBlock[];
}

export interface ShownReport {
  version: typeof SHOW_VERSION;
  file: string;
  /** A declared format id, or "unknown". */
  format: string;
  year: number | null;
  sections: { number: number; heading: string | null; line: number | null }[];
  tables: ShownTable[];
}

const pick = (m: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? m.en : m.zh);

/** The findings that name each cell: their range overlaps the cell's (or, for an empty cell, holds it). */
function findingsByCell(report: Report, findings: Finding[]): Map<Cell, Finding[]> {
  const out = new Map<Cell, Finding[]>();
  const onCells = findings.filter((f) => f.rule.startsWith('table.') || f.rule.startsWith('text.'));
  if (!onCells.length) return out;
  const names = (c: Cell, f: Finding) => {
    const [s, e] = c.range;
    const [a, b] = f.range;
    return e > s ? a < e && b > s : a <= s && s <= b;
  };
  for (const t of report.tables)
    for (const bl of t.blocks)
      for (const r of bl.rows)
        for (const c of r.cells) {
          const named = onCells.filter((f) => names(c, f) || (f.fix && names(c, { ...f, range: f.fix.range })));
          if (named.length) out.set(c, named);
        }
  return out;
}

/** 1-based line and 0-based character, by the one converter the CLI's findings use. */
function position(lm: LineMap, offset: number): { line: number; character: number } {
  const p = lm.positionAt(offset);
  return { line: p.line + 1, character: p.character };
}

/** A number a preferred fix writes into the cell (its range within the cell's): what the sums give it. */
function expectedOf(c: Cell, named: Finding[]): string | null {
  for (const f of named) {
    if (!f.fix || f.fix.range[0] < c.range[0] || f.fix.range[1] > Math.max(c.range[1], c.range[0])) continue;
    const text = f.fix.text.trim();
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) return text;
  }
  return null;
}

/** Where a missing cell belongs: after the cell before it in the row that was found, else where the reader put it. */
function missingAt(r: Row, k: number): number {
  for (let j = k - 1; j >= 0; j--) {
    const c = r.cells[j]!;
    if (c.state !== 'missing') return Math.max(c.range[1], r.cells[k]!.range[0]);
  }
  return r.cells[k]!.range[0];
}

function shownRow(lm: LineMap, r: Row, byCell: Map<Cell, Finding[]>, locale: Locale): ShownRow {
  return {
    label: pick(r.decl.name, locale),
    line: position(lm, r.label[0]).line,
    confidence: r.confidence,
    cells: r.cells.map((c, k) => {
      const p = position(lm, c.state === 'missing' ? missingAt(r, k) : c.range[0]);
      const named = byCell.get(c) ?? [];
      return {
        header: pick(c.col.name, locale),
        value: c.state === 'ok' ? c.value : null,
        raw: c.raw,
        unit: c.unit,
        sign: c.sign,
        state: c.state,
        split: c.split,
        confidence: c.confidence,
        line: p.line,
        character: p.character,
        length: c.range[1] - c.range[0],
        findings: [...new Set(named.map((f) => f.rule))],
        messages: [...new Set(named.map((f) => pick(f.message, locale)))],
        expected: expectedOf(c, named),
      };
    }),
  };
}

function shownBlock(lm: LineMap, t: Table, b: Block, byCell: Map<Cell, Finding[]>, locale: Locale): ShownBlock {
  return {
    label: t.decl.id === 'active' ? pick(b.decl.name, locale) : null,
    rows: b.rows.map((r) => shownRow(lm, r, byCell, locale)),
    missingRows: b.missingRows.map((r) => pick(r.name, locale)),
  };
}

/** The report as read, in the versioned JSON shape of `nianbao show --format json`. */
export function showReport(result: CheckResult, file: string, locale: Locale = 'zh'): ShownReport {
  const { report } = result;
  const byCell = findingsByCell(report, result.findings);
  const lm = new LineMap(report.text);
  return {
    version: SHOW_VERSION,
    file,
    format: report.format,
    year: report.year,
    sections: report.sections.map((s) => ({
      number: s.decl.number,
      heading: s.heading ? s.heading.text : null,
      line: s.heading ? position(lm, s.heading.range[0]).line : null,
    })),
    tables: report.tables.map((t) => ({
      id: t.decl.id,
      name: pick(t.decl.name, locale),
      confidence: t.confidence,
      missingBlocks: t.missingBlocks.map((b) => pick(b.name, locale)),
      blocks: t.blocks.map((b) => shownBlock(lm, t, b, byCell, locale)),
    })),
  };
}

// ---------------------------------------------------------------- the text grid

/** Display width: East Asian wide and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/** A cell as the grid shows it: its text (blank stays blank), then its marks. */
function cellText(c: ShownCell): string {
  const body = c.state === 'missing' ? '·' : c.state === 'blank' ? '' : c.raw.replace(/\s+/g, ' ');
  const marks = `${c.findings.length ? '!' : ''}${c.confidence === 'uncertain' ? '?' : ''}${c.split ? '~' : ''}`;
  return body + marks;
}

function grid(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, k) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[k] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => pad(c, widths[k]!, k > 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** One block as a grid of rows × columns; 表四's one row as its groups × outcomes. */
function blockLines(b: ShownBlock, decl: Block['decl'] | undefined, locale: Locale): string[] {
  const out: string[] = [];
  if (b.label) out.push(b.label);
  const layout = decl?.groupedLayout;
  const first = b.rows[0];
  if (layout && first && b.rows.length === 1 && decl) {
    // Columns "行政复议·结果维持": the part after the group, once.
    const byId = new Map(decl.columns.map((c, k) => [c.id, first.cells[k]!]));
    const outcomes = layout[0]!.columns.map((id) => first.cells[decl.columns.findIndex((c) => c.id === id)]!.header.split('·').pop()!);
    const rows = layout.map((g) => [
      pick(decl.columns.find((c) => c.id === g.columns[0])!.name, locale)
        .split('·')
        .slice(0, -1)
        .join('·'),
      ...g.columns.map((id) => cellText(byId.get(id)!)),
    ]);
    out.push(...grid(['', ...outcomes], rows));
  } else if (first) {
    out.push(
      ...grid(
        ['', ...first.cells.map((c) => c.header)],
        b.rows.map((r) => [r.label + (r.confidence === 'uncertain' ? ' ?' : ''), ...r.cells.map(cellText)]),
      ),
    );
  }
  if (b.missingRows.length) out.push(`${locale === 'en' ? 'missing rows' : '缺少的行'}：${b.missingRows.join('、')}`);
  return out;
}

/** `nianbao show --format text`: the tables as aligned grids with row and column names and marks. */
export function renderShown(shown: ShownReport, report: Report, locale: Locale = 'zh'): string {
  const en = locale === 'en';
  const out: string[] = [];
  out.push(`${shown.file}`);
  out.push(
    en
      ? `format ${shown.format} · year ${shown.year ?? '?'} · sections ${shown.sections.map((s) => s.number).join(' ')}`
      : `格式 ${shown.format === 'unknown' ? '未知' : `${shown.format}年版`} · ${shown.year ?? '?'}年度 · 章节 ${shown.sections.map((s) => s.number).join(' ')}`,
  );
  if (!shown.tables.length) out.push(en ? '(no table found)' : '（未找到表格）');
  for (const t of shown.tables) {
    const table = report.tables.find((x) => x.decl.id === t.id);
    out.push('');
    out.push(`${t.name}${t.confidence === 'uncertain' ? (en ? ' — read with uncertainty, not checked' : '——识别不确定，未核对') : ''}`);
    if (t.missingBlocks.length) out.push(`${en ? 'missing blocks' : '缺少的栏目'}：${t.missingBlocks.join('、')}`);
    t.blocks.forEach((b, k) => {
      if (k > 0) out.push('');
      out.push(...blockLines(b, table?.blocks[k]?.decl, locale));
    });
  }
  out.push('');
  out.push(
    en
      ? 'marks: ! named by a finding  ? read with uncertainty  ~ decided by the sums  · missing'
      : '标记：! 有检查结果  ? 识别不确定  ~ 由合计关系确定  · 缺失',
  );
  return `${out.join('\n')}\n`;
}
