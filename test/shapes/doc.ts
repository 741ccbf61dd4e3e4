/**
 * A report as a document: paragraphs and tables with merged cells, laid out like the official
 * blank template (shared/corpus/templates, 2021 format; the 2019 tables built the same way from
 * FORMATS.md). Every shape is rendered from this one document: the HTML shapes read it as a
 * browser reads a <table> (a merged cell once, in its first row), the .docx writer as Word does.
 */
import { formatById } from '../../server/src/core';
import type { BlockDecl } from '../../server/src/core/formats/types';
import { cellKey } from '../property/gen';
import type { ShapeReport } from './model';

export interface DocCell {
  /** The cell's paragraphs (one for most cells; a header word split in two like the template's "商业/企业"). */
  paras: string[];
  colspan?: number;
  rowspan?: number;
  header?: boolean;
  /** A value cell: its gen.ts cell key. */
  key?: string;
  align?: 'left' | 'center';
}

export interface DocTable {
  kind: 'table';
  /** Column widths in twips (the template's grid). */
  grid: number[];
  /** Each row's cells that start in it; cells covered by a merge from above are not listed. */
  rows: DocCell[][];
}

export interface DocPara {
  kind: 'p';
  role: 'title' | 'heading' | 'body' | 'sign' | 'block-heading';
  text: string;
}

export type DocItem = DocPara | DocTable;

export interface DocOptions {
  /** Header words of narrow columns as two paragraphs, as in the template ("商业" / "企业"). */
  splitHeaders: boolean;
  /** 表二's article headings as paragraphs above each block's own small table (many web pages), instead of rows of one table. */
  activeSplit: boolean;
}

const p = (role: DocPara['role'], text: string): DocPara => ({ kind: 'p', role, text });
const h = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ paras: [text], header: true, align: 'center', ...extra });

function valueCell(rep: ShapeReport, key: string, extra: Partial<DocCell> = {}): DocCell {
  const t = rep.cells.get(key);
  if (t === undefined) throw new Error(`no cell ${key}`);
  return { paras: [t ?? ''], key, align: 'center', ...extra };
}

/** 表二: one 4-column table, each article block a heading row, a header row and its rows (the template). */
function activeTables(rep: ShapeReport, bs: BlockDecl[], o: DocOptions): DocItem[] {
  const grid = [2435, 2435, 2435, 2435];
  const blockRows = (b: BlockDecl): DocCell[][] => {
    const n = b.columns.length;
    const span = (i: number) => (i === n - 1 && n < 3 ? { colspan: 4 - n } : {});
    const header = [h('信息内容'), ...b.columns.map((c, i) => h(c.name.zh, span(i)))];
    const rows = b.rows.map((x) => [h(x.labels[0]!), ...b.columns.map((c, i) => valueCell(rep, cellKey(b.slot, x.id, c.id), span(i)))]);
    return [header, ...rows];
  };
  if (o.activeSplit) return bs.flatMap((b): DocItem[] => [p('block-heading', b.heading[0]!), { kind: 'table', grid, rows: blockRows(b) }]);
  return [{ kind: 'table', grid, rows: bs.flatMap((b) => [[h(b.heading[0]!, { colspan: 4 })], ...blockRows(b)]) }];
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** 表三 as the template: a 3-column label area (group, subgroup, item) and the seven applicant columns. */
function requestsTable(rep: ShapeReport, b: BlockDecl, o: DocOptions): DocTable {
  const grid = [754, 921, 3271, 685, 685, 685, 685, 685, 685, 685];
  const word = (s: string) => (o.splitHeaders && s.length === 4 ? { paras: [s.slice(0, 2), s.slice(2)] } : {});
  const rows: DocCell[][] = [
    [h(NOTE, { colspan: 3, rowspan: 3, align: 'left' }), h('申请人情况', { colspan: 7 })],
    [h('自然人', { rowspan: 2 }), h('法人或其他组织', { colspan: 5 }), h('总计', { rowspan: 2 })],
    b.columns.slice(1, 6).map((c) => h(c.name.zh, word(c.name.zh))),
  ];
  const resultRows = b.rows.filter((x) => x.group);
  b.rows.forEach((x, i) => {
    const row: DocCell[] = [];
    if (!x.group) row.push(h(x.labels[0]!, { colspan: 3, align: 'left' }));
    else {
      if (x === resultRows[0]) row.push(h(b.groups.find((g) => g.id === 'results')!.labels[0]!, { rowspan: resultRows.length }));
      if (x.group === 'results') row.push(h(x.labels[0]!, { colspan: 2, align: 'left' }));
      else {
        const members = b.rows.filter((y) => y.group === x.group);
        if (b.rows[i - 1]?.group !== x.group) row.push(h(b.groups.find((g) => g.id === x.group)!.labels[0]!, { rowspan: members.length }));
        row.push(h(x.labels[0]!, { align: 'left' }));
      }
    }
    for (const c of b.columns) row.push(valueCell(rep, cellKey(b.slot, x.id, c.id)));
    rows.push(row);
  });
  return { kind: 'table', grid, rows };
}

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** 表四 as the template: three header rows and one row of fifteen numbers. */
function reviewTable(rep: ShapeReport, b: BlockDecl): DocTable {
  const grid = [649, 649, 649, 649, 649, 649, 649, 650, 650, 650, 650, 650, 650, 650, 650];
  return {
    kind: 'table',
    grid,
    rows: [
      [h('行政复议', { colspan: 5 }), h('行政诉讼', { colspan: 10 })],
      [...OUTCOMES.map((o) => h(o, { rowspan: 2 })), h('未经复议直接起诉', { colspan: 5 }), h('复议后起诉', { colspan: 5 })],
      [...OUTCOMES, ...OUTCOMES].map((o) => h(o)),
      b.columns.map((c) => valueCell(rep, cellKey(b.slot, 'cases', c.id))),
    ],
  };
}

export function buildDoc(rep: ShapeReport, o: DocOptions): DocItem[] {
  const f = formatById(rep.format)!;
  const n = rep.narrative;
  const items: DocItem[] = [p('title', `${rep.body}${rep.year}年政府信息公开工作年度报告`), ...n.intro.map((t) => p('body', t))];
  for (const s of f.sections) {
    items.push(p('heading', rep.headings[s.id]));
    switch (s.id) {
      case 'overview':
        items.push(...n.overview.map((t) => p('body', t)));
        break;
      case 'active':
        items.push(p('body', n.activeLead), ...activeTables(rep, f.blocks.active, o));
        break;
      case 'requests':
        items.push(p('body', n.requestsLead), requestsTable(rep, f.blocks.requests[0]!, o));
        break;
      case 'review':
        items.push(p('body', n.reviewLead), reviewTable(rep, f.blocks.review[0]!));
        break;
      case 'problems':
        items.push(...n.problems.map((t) => p('body', t)));
        break;
      case 'other':
        items.push(...n.other.map((t) => p('body', t)));
        break;
    }
  }
  items.push(...n.signature.map((t) => p('sign', t)));
  return items;
}

/**
 * A table's cells placed on its grid: for each row, every grid position's cell and whether this
 * row is where the cell starts (Word writes a continuation cell for each row a merge covers).
 */
export function place(t: DocTable): { cell: DocCell; start: boolean; col: number }[][] {
  const width = t.grid.length;
  const taken: ({ cell: DocCell; until: number } | undefined)[] = Array.from({ length: width }, () => undefined);
  const out: { cell: DocCell; start: boolean; col: number }[][] = [];
  t.rows.forEach((cells, r) => {
    const line: { cell: DocCell; start: boolean; col: number }[] = [];
    let col = 0;
    let k = 0;
    while (col < width) {
      const held = taken[col];
      if (held && held.until >= r) {
        line.push({ cell: held.cell, start: false, col });
        col += held.cell.colspan ?? 1;
        continue;
      }
      const cell = cells[k++];
      if (!cell) throw new Error(`row ${r} of a table is short at column ${col}`);
      line.push({ cell, start: true, col });
      const span = cell.colspan ?? 1;
      for (let c = col; c < col + span; c++) taken[c] = { cell, until: r + (cell.rowspan ?? 1) - 1 };
      col += span;
    }
    if (k !== cells.length) throw new Error(`row ${r} of a table is too long`);
    out.push(line);
  });
  return out;
}
