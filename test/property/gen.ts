/**
 * A generator of complete, consistent reports, built from the format declarations (so that it
 * follows them when they change) and written in the layouts real drafts come in: one row per line
 * with tabs or runs of spaces, one cell per line with blank lines between rows, Markdown pipe tables;
 * optionally with labels split across lines, vertical group labels, full-width digits, full-width
 * spaces around cells, CRLF and a BOM.
 *
 * Values are drawn so that every declared sum holds: 表三's result rows and 二/四 per applicant
 * column (一 = （七）+四−二, kept ≥ 0), totals computed; 表四's four parts per group, totals computed.
 * The renderer records where each cell's text stands, so tests can change one number and know
 * exactly which cell and which sums it touches.
 */
import fc from 'fast-check';
import { formatById, formatIds, type FormatId } from '../../server/src/core';
import type { BlockDecl, SumDecl } from '../../server/src/core/formats/types';
import type { Range } from '../../server/src/core/model';
import './seed';

export type Layout = 'tabs' | 'cells' | 'pipe' | 'spaces';

export interface Style {
  layout: Layout;
  /** Long row labels broken across two lines (and, one cell per line, header words too). */
  split: boolean;
  /** One cell per line: group labels and some header words written one character per line. */
  vertical: boolean;
  /** Tabs and spaces: group labels on a line of their own instead of in the row's first cells. */
  groupLine: boolean;
  /** Digits (and the decimal point and sign) of the cells in full-width forms. */
  fullWidth: boolean;
  /** Every k-th cell wrapped in full-width spaces ("　0　"); 0: none. */
  pad: number;
  crlf: boolean;
  bom: boolean;
}

export interface Spec {
  format: FormatId;
  year: number;
  body: string;
  /** Every cell's text as written (ASCII), by `cellKey`. */
  cells: Map<string, string>;
  /** The numbers of the cells of blocks with sums (表三, 表四). */
  values: Map<string, number>;
  style: Style;
}

export interface Rendered {
  text: string;
  /** Where each cell's text stands in `text` (without padding). */
  cells: Map<string, Range>;
}

export const cellKey = (slot: string, row: string, col: string) => `${slot}|${row}|${col}`;

export function blocksOf(format: FormatId): BlockDecl[] {
  const f = formatById(format)!;
  return [...f.blocks.active, ...f.blocks.requests, ...f.blocks.review];
}

/** Blocks with sums: 表三 and 表四. */
export function sumBlocks(format: FormatId): BlockDecl[] {
  return blocksOf(format).filter((b) => b.sums.length > 0);
}

const BODIES = ['青禾县交通运输局', '云岭市桐溪区人民政府办公室', '白沙镇人民政府', '石门街道办事处', '云岭市生态环境局', '某某市某某区市场监督管理局'];

// ---------------------------------------------------------------- values

/** Fills a spec's numbers from a stream of draws, so that every declared sum holds. */
function fillValues(
  format: FormatId,
  counts: number[],
  signed: number[],
  money: number[],
  moneyUnit: string,
): { cells: Map<string, string>; values: Map<string, number> } {
  let ci = 0;
  let si = 0;
  let mi = 0;
  const draw = () => counts[ci++ % counts.length]!;
  const cells = new Map<string, string>();
  const values = new Map<string, number>();
  const setNum = (b: BlockDecl, row: string, col: string, v: number) => {
    values.set(cellKey(b.slot, row, col), v);
    cells.set(cellKey(b.slot, row, col), String(v));
  };
  for (const b of blocksOf(format)) {
    if (b.slot === 'requests') {
      const parts = b.columns.filter((c) => c.id !== 'total');
      const results = b.rows.filter((r) => r.group && r.id !== 'total');
      for (const c of parts) {
        let t7 = 0;
        for (const r of results) {
          const v = draw();
          setNum(b, r.id, c.id, v);
          t7 += v;
        }
        setNum(b, 'total', c.id, t7);
        const carryover = draw();
        const carried = Math.min(draw(), t7 + carryover);
        setNum(b, 'carried', c.id, carried);
        setNum(b, 'carryover', c.id, carryover);
        setNum(b, 'new', c.id, t7 + carryover - carried);
      }
      for (const r of b.rows)
        setNum(
          b,
          r.id,
          'total',
          parts.reduce((a, c) => a + values.get(cellKey(b.slot, r.id, c.id))!, 0),
        );
    } else if (b.slot === 'review') {
      for (let g = 0; g < b.columns.length; g += 5) {
        let t = 0;
        for (const c of b.columns.slice(g, g + 4)) {
          const v = draw();
          setNum(b, 'cases', c.id, v);
          t += v;
        }
        setNum(b, 'cases', b.columns[g + 4]!.id, t);
      }
    } else {
      for (const r of b.rows) {
        for (const c of b.columns) {
          const key = cellKey(b.slot, r.id, c.id);
          if (c.kind === 'count') cells.set(key, String(draw() * 3));
          else if (c.kind === 'signed') {
            const v = signed[si++ % signed.length]!;
            cells.set(key, v > 0 ? `+${v}` : String(v));
          } else {
            const m = money[mi++ % money.length]!;
            if (c.unit && 'fixed' in c.unit) cells.set(key, String(Number((m / 10000).toFixed(4))));
            else cells.set(key, moneyUnit === '元' ? `${m}元` : `${Number((m / 100).toFixed(2))}万元`);
          }
        }
      }
    }
  }
  return { cells, values };
}

/** Whether every declared sum of the spec holds (a check of the generator itself). */
export function sumsHold(spec: Spec): SumDecl[] {
  const broken: SumDecl[] = [];
  for (const b of sumBlocks(spec.format)) {
    for (const s of b.sums) {
      const side = (refs: { row: string; col: string }[]) => refs.reduce((a, r) => a + spec.values.get(cellKey(b.slot, r.row, r.col))!, 0);
      if (side(s.left) !== side(s.right)) broken.push(s);
    }
  }
  return broken;
}

/** The declared sums (with their block) a cell lies on. */
export function sumsOfCell(format: FormatId, key: string): { block: BlockDecl; sum: SumDecl }[] {
  const [slot, row, col] = key.split('|');
  const out: { block: BlockDecl; sum: SumDecl }[] = [];
  for (const b of sumBlocks(format)) {
    if (b.slot !== slot) continue;
    for (const s of b.sums) if ([...s.left, ...s.right].some((r) => r.row === row && r.col === col)) out.push({ block: b, sum: s });
  }
  return out;
}

// ---------------------------------------------------------------- arbitraries

const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 5 },
  { arbitrary: fc.integer({ min: 1, max: 9 }), weight: 4 },
  { arbitrary: fc.integer({ min: 10, max: 2000 }), weight: 1 },
);

export const styleArb: fc.Arbitrary<Style> = fc.record({
  layout: fc.constantFrom<Layout>('tabs', 'cells', 'pipe', 'spaces'),
  split: fc.boolean(),
  vertical: fc.boolean(),
  groupLine: fc.boolean(),
  fullWidth: fc.boolean(),
  pad: fc.constantFrom(0, 0, 2, 3, 7),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

/** A plain style: one row per line with tabs, nothing else. */
export const PLAIN: Style = { layout: 'tabs', split: false, vertical: false, groupLine: false, fullWidth: false, pad: 0, crlf: false, bom: false };

export function specArb(style: fc.Arbitrary<Style> = styleArb): fc.Arbitrary<Spec> {
  return fc
    .record({
      format: fc.constantFrom<FormatId>(...formatIds()),
      yearPick: fc.nat(9),
      body: fc.constantFrom(...BODIES),
      counts: fc.array(count, { minLength: 200, maxLength: 200 }),
      signed: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 6, maxLength: 6 }),
      money: fc.array(fc.integer({ min: 0, max: 99_999_999 }), { minLength: 2, maxLength: 2 }),
      moneyUnit: fc.constantFrom('万元', '元'),
      style,
    })
    .map(({ format, yearPick, body, counts, signed, money, moneyUnit, style }) => {
      // A year of the format's: 2019 → 2019 or 2020, 2021 → 2021 … 2030.
      const [first, last] = formatById(format)!.years;
      const year = last === null ? first + yearPick : first + (yearPick % (last - first + 1));
      return { format, year, body, style, ...fillValues(format, counts, signed, money, moneyUnit) };
    });
}

// ---------------------------------------------------------------- rendering

const FW_DIGITS = '０１２３４５６７８９';
function fullWidth(s: string): string {
  return s.replace(/[0-9.+-]/g, (c) => (c === '.' ? '．' : c === '+' ? '＋' : c === '-' ? '－' : FW_DIGITS[Number(c)]!));
}

class Out {
  private parts: string[] = [];
  private len = 0;
  private nth = 0;
  readonly cells = new Map<string, Range>();
  constructor(
    readonly spec: Spec,
    readonly style: Style,
  ) {}
  put(s: string): this {
    this.parts.push(s);
    this.len += s.length;
    return this;
  }
  line(s = ''): this {
    return this.put(`${s}\n`);
  }
  cell(key: string): this {
    const raw = this.spec.cells.get(key);
    if (raw === undefined) throw new Error(`no value for ${key}`);
    const pad = this.style.pad > 0 && this.nth++ % this.style.pad === 0;
    if (pad) this.put('\u3000');
    const start = this.len;
    this.put(this.style.fullWidth ? fullWidth(raw) : raw);
    this.cells.set(key, [start, this.len]);
    if (pad) this.put('\u3000');
    return this;
  }
  /** A label, split across two lines when the style says so and the label is long. */
  label(l: string, indent = ''): this {
    if (this.style.split && l.length >= 12) {
      const at = Math.max(5, Math.floor(l.length * 0.55));
      return this.put(`${l.slice(0, at)}\n${indent}${l.slice(at)}`);
    }
    return this.put(l);
  }
  text(): string {
    return this.parts.join('');
  }
}

/** Cells of one row in a line layout: separators between them. */
function rowCells(out: Out, keys: string[], sep: string) {
  keys.forEach((k, i) => {
    if (i) out.put(sep);
    out.cell(k);
  });
}

function vertical(s: string): string {
  return [...s].join('\n');
}

function activeTable(out: Out, blocks: BlockDecl[]) {
  const { layout } = out.style;
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  if (layout === 'pipe') {
    blocks.forEach((b, k) => {
      const pad = (cells: string[]) => [...cells, ...Array.from({ length: width - cells.length }, () => '')];
      out.line(`| ${pad([b.heading[0]!]).join(' | ')} |`);
      if (k === 0) out.line(`|${'---|'.repeat(width)}`);
      out.line(`| ${pad(['信息内容', ...b.columns.map((c) => c.name.zh)]).join(' | ')} |`);
      for (const r of b.rows) {
        out.put(`| ${r.labels[0]} | `);
        rowCells(
          out,
          b.columns.map((c) => cellKey(b.slot, r.id, c.id)),
          ' | ',
        );
        out.line(`${' |'.repeat(width - 1 - b.columns.length)} |`);
      }
    });
    return;
  }
  if (layout === 'cells') {
    for (const b of blocks) {
      out.line(`\t${b.heading[0]}`).line().line('\t信息内容');
      for (const c of b.columns) out.put('\t').label(c.name.zh, '  ').line();
      out.line();
      for (const r of b.rows) {
        out.put('\t').label(r.labels[0]!).line();
        for (const c of b.columns)
          out
            .put('\t')
            .cell(cellKey(b.slot, r.id, c.id))
            .line();
        out.line();
      }
    }
    return;
  }
  const sep = layout === 'tabs' ? '\t' : '    ';
  for (const b of blocks) {
    out.line(b.heading[0]! + (layout === 'tabs' ? '\t'.repeat(b.columns.length) : ''));
    out.line(['信息内容', ...b.columns.map((c) => c.name.zh)].join(sep));
    for (const r of b.rows) {
      out.put(r.labels[0]! + sep);
      rowCells(
        out,
        b.columns.map((c) => cellKey(b.slot, r.id, c.id)),
        sep,
      );
      out.line();
    }
  }
}

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The group labels a row opens (outer first): 三、本年度办理结果 before （一）, （三）不予公开 before its 1. */
function groupsOpened(b: BlockDecl, index: number): string[] {
  const r = b.rows[index]!;
  const prev = b.rows[index - 1];
  const out: string[] = [];
  if (r.group && !prev?.group) out.push(b.groups.find((g) => g.id === 'results')!.labels[0]!);
  if (r.group && r.group !== 'results' && prev?.group !== r.group) out.push(b.groups.find((g) => g.id === r.group)!.labels[0]!);
  return out;
}

function requestsTable(out: Out, b: BlockDecl) {
  const { layout, groupLine } = out.style;
  const cols = b.columns;
  const keys = (row: string) => cols.map((c) => cellKey(b.slot, row, c.id));
  if (layout === 'pipe') {
    out.line(NOTE).line();
    out.line(`| 分组 | 项目 | ${cols.map((c) => c.name.zh).join(' | ')} |`);
    out.line(`|---|---|${'---:|'.repeat(cols.length)}`);
    b.rows.forEach((r, i) => {
      const g = groupsOpened(b, i);
      out.put(`| ${g[g.length - 1] ?? ''} | `).put(`${r.labels[0]} | `);
      rowCells(out, keys(r.id), ' | ');
      out.line(' |');
    });
    return;
  }
  if (layout === 'cells') {
    const v = (s: string) => (out.style.vertical ? vertical(s) : s);
    out.line(`\t${NOTE}`).line('\t申请人情况').line();
    out
      .line('\t')
      .line(`\t${v('自然人')}`)
      .line('\t法人或其他组织')
      .line('\t总计')
      .line();
    out.line('\t').line('\t');
    for (const c of cols.slice(1, 6)) out.line(`\t${c.id === 'others' ? v('其他') : c.name.zh}`);
    out.line('\t').line();
    b.rows.forEach((r, i) => {
      const g = groupsOpened(b, i);
      const depth = r.group ? (r.group === 'results' ? 1 : 2) : 0;
      // The group cells of this row: the labels it opens, blank cells for the groups it continues.
      for (let d = 0; d < depth - g.length; d++) out.line('\t');
      for (const label of g) out.line(`\t${v(label)}`);
      out.put('\t').label(r.labels[0]!).line();
      for (const k of keys(r.id)) out.put('\t').cell(k).line();
      out.line();
    });
    return;
  }
  const sep = layout === 'tabs' ? '\t' : '    ';
  out.line(`${NOTE}${sep}申请人情况${layout === 'tabs' ? '\t'.repeat(7) : ''}`);
  if (layout === 'tabs') out.line(['', '自然人', '法人或其他组织', '', '', '', '', '总计'].join('\t'));
  else out.line(`${sep}自然人${sep}法人或其他组织${sep}总计`);
  out.line([layout === 'tabs' ? '\t' : '', ...cols.slice(1, 6).map((c) => c.name.zh)].join(sep));
  b.rows.forEach((r, i) => {
    const g = groupsOpened(b, i);
    const depth = r.group ? (r.group === 'results' ? 1 : 2) : 0;
    if (groupLine || layout === 'spaces') {
      for (const label of g) out.line(label);
    } else {
      const lead = [...Array.from({ length: depth - g.length }, () => ''), ...g];
      for (const x of lead) out.put(`${x}\t`);
    }
    out.label(r.labels[0]!).put(sep);
    rowCells(out, keys(r.id), sep);
    out.line();
  });
}

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function reviewTable(out: Out, b: BlockDecl) {
  const { layout } = out.style;
  const keys = b.columns.map((c) => cellKey(b.slot, 'cases', c.id));
  if (layout === 'pipe') {
    const blank = (n: number) => Array.from({ length: n }, () => '');
    out.line(`| ${['行政复议', ...blank(4), '行政诉讼', ...blank(9)].join(' | ')} |`);
    out.line(`|${'---|'.repeat(15)}`);
    out.line(`| ${[...blank(5), '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)].join(' | ')} |`);
    out.line(`| ${[...OUTCOMES, ...OUTCOMES, ...OUTCOMES].join(' | ')} |`);
    out.put('| ');
    rowCells(out, keys, ' | ');
    out.line(' |');
    return;
  }
  if (layout === 'cells') {
    const v = (s: string) => (out.style.vertical ? vertical(s) : s);
    out.line('\t行政复议').line('\t行政诉讼').line();
    for (const o of OUTCOMES) out.line(`\t${v(o)}`);
    out.line('\t未经复议直接起诉').line('\t复议后起诉').line();
    for (let i = 0; i < 5; i++) out.line('\t');
    for (let k = 0; k < 2; k++) for (const o of OUTCOMES) out.line(`\t${v(o)}`);
    out.line();
    for (const k of keys) out.put('\t').cell(k).line();
    out.line();
    return;
  }
  const sep = layout === 'tabs' ? '\t' : '    ';
  if (layout === 'tabs') {
    out.line('行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\t');
    out.line('结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t');
    out.line(`\t\t\t\t\t${[...OUTCOMES, ...OUTCOMES].join('\t')}`);
  } else {
    out.line('行政复议    行政诉讼');
    out.line(`${OUTCOMES.join(sep)}${sep}未经复议直接起诉${sep}复议后起诉`);
    out.line([...OUTCOMES, ...OUTCOMES].join(sep));
  }
  rowCells(out, keys, sep);
  out.line();
}

function total(spec: Spec, row: string): number {
  return spec.values.get(cellKey('requests', row, 'total')) ?? 0;
}

/**
 * 五 as a complete report writes it: at least 50 characters (`section.content`). `render` writes a
 * shorter placeholder unless asked: the tests that edit the text at random offsets (forms, fixes,
 * tidy, robustness) keep the text length their fixed seed's samples were drawn at. The cells all
 * stand before 五, so the two texts have their cells in the same places.
 */
export const PROBLEMS_FULL =
  '本机关政府信息公开工作仍存在公开内容不够丰富、政策解读形式比较单一等问题。下一步将加强业务培训，完善工作制度，提升政府信息公开工作质量。';

/** The report as text, and where each cell stands; `full`: with a complete 五 (see PROBLEMS_FULL). */
export function render(spec: Spec, style: Style = spec.style, full = false): Rendered {
  const f = formatById(spec.format)!;
  const out = new Out(spec, style);
  const md = style.layout === 'pipe';
  const h = (s: string) => out.line(md ? `## ${s}` : s).line();
  const blocks = f.blocks;
  out.line(`${md ? '# ' : ''}${spec.body}${spec.year}年政府信息公开工作年度报告`).line();
  out.line(
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${f.source}要求，现公布${spec.body}${spec.year}年政府信息公开工作年度报告。本报告中所列数据的统计期限自${spec.year}年1月1日起至${spec.year}年12月31日止。`,
  );
  out.line();
  for (const s of f.sections) {
    h(s.canonical);
    switch (s.id) {
      case 'overview':
        out.line(`${spec.year}年，${spec.body}认真贯彻落实《条例》，扎实推进政府信息公开工作。`).line();
        out
          .line(
            `（一）依申请公开。全年共收到政府信息公开申请${total(spec, 'new')}件，上年结转${total(spec, 'carried')}件，办结${total(spec, 'total')}件，结转下年度继续办理${total(spec, 'carryover')}件。`,
          )
          .line();
        out.line('（二）主动公开。全年在政府门户网站主动公开政府信息。').line();
        out.line('（三）政府信息管理。严格落实保密审查制度。').line();
        out.line('（四）政府信息公开平台建设。加强政府门户网站专栏的日常维护。').line();
        out.line('（五）监督保障。将政务公开工作纳入年度考核。').line();
        break;
      case 'active':
        activeTable(out, blocks.active);
        out.line();
        break;
      case 'requests':
        requestsTable(out, blocks.requests[0]!);
        out.line();
        break;
      case 'review':
        out.line(`${spec.year}年，本机关政府信息公开行政复议、行政诉讼情况如下。`).line();
        reviewTable(out, blocks.review[0]!);
        out.line();
        break;
      case 'problems':
        if (full) out.line(PROBLEMS_FULL).line();
        else out.line('本机关政府信息公开工作仍存在公开内容不够丰富等问题。').line();
        out.line('（一）进一步丰富公开内容。').line();
        break;
      case 'other':
        // The 2021 format asks 六 for the 信息处理费 collected.
        out.line(f.covers?.other ? '本年度未收取信息处理费。' : '无。').line();
        break;
    }
  }
  out
    .line(spec.body)
    .line()
    .line(`${spec.year + 1}年1月20日`);
  return finish(out.text(), out.cells, style);
}

/** CRLF line ends and a BOM, with the cells' ranges moved along. */
function finish(text: string, cells: Map<string, Range>, style: Style): Rendered {
  let t = text;
  let map = (o: number) => o;
  if (style.crlf) {
    const before = new Int32Array(text.length + 1);
    for (let i = 0, n = 0; i <= text.length; i++) {
      before[i] = n;
      if (text[i] === '\n') n++;
    }
    t = text.replace(/\n/g, '\r\n');
    const prev = map;
    map = (o) => prev(o) + before[o]!;
  }
  if (style.bom) {
    t = `\ufeff${t}`;
    const prev = map;
    map = (o) => prev(o) + 1;
  }
  const moved = new Map<string, Range>();
  for (const [k, [s, e]] of cells) moved.set(k, [map(s), map(e)]);
  return { text: t, cells: moved };
}

/** A copy of the spec with one cell's text replaced. */
export function withCell(spec: Spec, key: string, text: string, value?: number): Spec {
  const cells = new Map(spec.cells);
  cells.set(key, text);
  const values = new Map(spec.values);
  if (value !== undefined) values.set(key, value);
  return { ...spec, cells, values };
}
