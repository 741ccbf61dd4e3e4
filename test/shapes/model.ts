/**
 * The reports the shapes are rendered from, and what reading them must give back.
 *
 * Tables come from the property tests' generator (test/property/gen.ts: every declared sum holds),
 * made zero-heavy in some reports the way real ones are (most applicant columns and result rows 0,
 * 表四 often all 0), and, in the 'with blanks' variants, with a few cells left blank. The expected
 * model is taken from these tables, never from nianbao's output.
 */
import fc from 'fast-check';
import { formatById, type FormatId } from '../../server/src/core';
import type { BlockDecl, SectionId, TableId } from '../../server/src/core/formats/types';
import { blocksOf, cellKey, PLAIN, type Spec, specArb, sumsHold } from '../property/gen';
import { makeNarrative, type Narrative } from './narrative';
import { chance, pick, type Rand, rng } from './random';

export interface ShapeReport {
  id: string;
  format: FormatId;
  year: number;
  body: string;
  /** Every cell's text as written, by gen.ts's cellKey (slot|row|col); null: left blank. */
  cells: Map<string, string | null>;
  /** The six section headings as written (numeral included). */
  headings: Record<SectionId, string>;
  narrative: Narrative;
  zeroHeavy: boolean;
  blanks: string[];
}

export interface ExpectedRow {
  block: string;
  row: string;
  /** Column id → value (the number as written: a signed cell's sign applied, money in the unit written); null: blank. */
  cells: Record<string, number | null>;
  /** Money cells that carry a unit: column id → unit. */
  units?: Record<string, string>;
}

export interface Expected {
  id: string;
  shape: string;
  /** How this variant was written (for a person reading the fixtures). */
  notes: string[];
  format: FormatId;
  year: number;
  body: string;
  /** Whether the text holds debris a checker should report (web-page chrome, page numbers). */
  artifacts: boolean;
  zeroHeavy: boolean;
  blanks: number;
  sections: { id: SectionId; heading: string; canonical: boolean }[];
  tables: Record<TableId, { rows: ExpectedRow[] }>;
}

const TABLE_OF_SLOT = (slot: string): TableId => (slot.startsWith('active') ? 'active' : (slot as TableId));

/** The number a cell's text stands for, as nianbao should read it. */
export function cellValue(text: string): { value: number; unit: string | null } {
  const m = /^([+-]?)(\d+(?:\.\d+)?)(万元|元)?$/.exec(text);
  if (!m) throw new Error(`not a cell value: ${text}`);
  const v = Number(m[2]);
  return { value: m[1] === '-' ? -v : v, unit: m[3] ?? null };
}

// ---------------------------------------------------------------- tables

/**
 * Real tables' magnitudes: leaf counts of 表三 kept under a few hundred (so that totals rarely
 * pass four digits, as in real reports), and, when `heavy`, most leaf cells 0 (one or two applicant
 * columns and a few result rows in use, 表四 usually empty). The derived cells are then solved
 * again from the declared sums: （七）总计, 一 from the printed identity, each row's 总计.
 */
function realistic(spec: Spec, r: Rand, heavy: boolean): void {
  for (const b of blocksOf(spec.format)) {
    const key = (row: string, col: string) => cellKey(b.slot, row, col);
    if (b.slot === 'requests') {
      const parts = b.columns.filter((c) => c.id !== 'total').map((c) => c.id);
      const results = b.rows.filter((x) => x.group && x.id !== 'total').map((x) => x.id);
      const liveCols = new Set(parts.filter((_c, i) => !heavy || i === 0 || chance(r, 0.15)));
      const common: Record<string, number> = { granted: 0.8, partial: 0.3, 'unable.none': 0.5, 'rejected.repeat': 0.15, 'unable.unclear': 0.15 };
      const liveRows = new Set(results.filter((x) => !heavy || chance(r, common[x] ?? 0.06)));
      const set = (row: string, col: string, v: number) => {
        spec.values.set(key(row, col), v);
        spec.cells.set(key(row, col), String(v));
      };
      const get = (row: string, col: string) => spec.values.get(key(row, col))!;
      const cap = (row: string, col: string) => get(row, col) > 300 && set(row, col, 1 + (get(row, col) % 300));
      for (const c of parts) {
        for (const x of results)
          if (!liveCols.has(c) || !liveRows.has(x)) set(x, c, 0);
          else cap(x, c);
        for (const x of ['carryover', 'carried'])
          if (heavy && (!liveCols.has(c) || chance(r, 0.6))) set(x, c, 0);
          else cap(x, c);
        const t7 = results.reduce((a, x) => a + get(x, c), 0);
        set('total', c, t7);
        if (get('carried', c) > t7 + get('carryover', c)) set('carried', c, t7 + get('carryover', c));
        set('new', c, t7 + get('carryover', c) - get('carried', c));
      }
      for (const x of b.rows)
        set(
          x.id,
          'total',
          parts.reduce((a, c) => a + get(x.id, c), 0),
        );
    } else if (b.slot === 'review') {
      const none = heavy && chance(r, 0.6);
      for (let g = 0; g < b.columns.length; g += 5) {
        let t = 0;
        for (const c of b.columns.slice(g, g + 4)) {
          const k = key('cases', c.id);
          const was = spec.values.get(k)!;
          const v = none || (heavy && chance(r, 0.75)) ? 0 : was > 50 ? 1 + (was % 50) : was;
          spec.values.set(k, v);
          spec.cells.set(k, String(v));
          t += v;
        }
        const k = key('cases', b.columns[g + 4]!.id);
        spec.values.set(k, t);
        spec.cells.set(k, String(t));
      }
    } else if (heavy) {
      for (const x of b.rows)
        for (const c of b.columns) {
          if (c.kind === 'money' || !chance(r, 0.6)) continue;
          spec.cells.set(key(x.id, c.id), '0');
        }
    }
  }
}

/** Cells to leave blank: a whole 总计 column or （七）总计 row now and then, else a few cells anywhere. */
function chooseBlanks(format: FormatId, r: Rand): string[] {
  const blocks = blocksOf(format);
  const all = blocks.flatMap((b) => b.rows.flatMap((x) => b.columns.map((c) => cellKey(b.slot, x.id, c.id))));
  const requests = blocks.find((b) => b.slot === 'requests')!;
  const u = r();
  if (u < 0.2) return requests.rows.map((x) => cellKey('requests', x.id, 'total'));
  if (u < 0.35) return requests.columns.map((c) => cellKey('requests', 'total', c.id));
  const n = 1 + Math.floor(r() * 4);
  const out = new Set<string>();
  while (out.size < n) out.add(pick(r, all));
  return [...out];
}

const BLOCKS_CACHE = new Map<FormatId, BlockDecl[]>();
export function blocks(format: FormatId): BlockDecl[] {
  let b = BLOCKS_CACHE.get(format);
  if (!b) BLOCKS_CACHE.set(format, (b = blocksOf(format)));
  return b;
}

/** The `n` reports of a run: `blanksFrom` and later ones with blank cells. Deterministic in `seed`. */
export function makeReports(seed: number, n: number, blanksFrom: number): ShapeReport[] {
  const specs = fc.sample(specArb(fc.constant(PLAIN)), { seed, numRuns: n });
  return specs.map((spec, i) => {
    const r = rng(seed * 7919 + i);
    const heavy = chance(r, 0.6);
    realistic(spec, r, heavy);
    const broken = sumsHold(spec);
    if (broken.length) throw new Error(`report ${i}: generated sums do not hold: ${broken.map((s) => s.id).join(', ')}`);
    const cells = new Map<string, string | null>(spec.cells);
    const blanks = i >= blanksFrom ? chooseBlanks(spec.format, r) : [];
    for (const k of blanks) cells.set(k, null);
    const f = formatById(spec.format)!;
    const headings = {} as Record<SectionId, string>;
    for (const s of f.sections) {
      const numeral = s.canonical.slice(0, 2);
      const others = s.variants.filter((v) => numeral + v !== s.canonical);
      headings[s.id] = others.length && chance(r, 0.2) ? numeral + pick(r, others) : s.canonical;
    }
    const id = String(i).padStart(3, '0');
    const base = { id, format: spec.format, year: spec.year, body: spec.body, cells, headings, zeroHeavy: heavy, blanks };
    return { ...base, narrative: makeNarrative(base, r) };
  });
}

export function expectedOf(rep: ShapeReport, shape: string, artifacts: boolean, notes: string[]): Expected {
  const f = formatById(rep.format)!;
  const tables = { active: { rows: [] }, requests: { rows: [] }, review: { rows: [] } } as Record<TableId, { rows: ExpectedRow[] }>;
  for (const b of blocks(rep.format)) {
    for (const x of b.rows) {
      const row: ExpectedRow = { block: b.slot, row: x.id, cells: {} };
      for (const c of b.columns) {
        const t = rep.cells.get(cellKey(b.slot, x.id, c.id));
        if (t === undefined) throw new Error(`no cell ${cellKey(b.slot, x.id, c.id)}`);
        if (t === null) row.cells[c.id] = null;
        else {
          const { value, unit } = cellValue(t);
          row.cells[c.id] = value;
          if (unit) (row.units ??= {})[c.id] = unit;
        }
      }
      tables[TABLE_OF_SLOT(b.slot)].rows.push(row);
    }
  }
  return {
    id: rep.id,
    shape,
    notes,
    format: rep.format,
    year: rep.year,
    body: rep.body,
    artifacts,
    zeroHeavy: rep.zeroHeavy,
    blanks: rep.blanks.length,
    sections: f.sections.map((s) => ({ id: s.id, heading: rep.headings[s.id], canonical: rep.headings[s.id] === s.canonical })),
    tables,
  };
}

/** The expected model as JSON: one table row per line, so that diffs stay readable. */
export function expectedJson(e: Expected): string {
  const rows = (t: TableId) => e.tables[t].rows.map((x) => `      ${JSON.stringify(x)}`).join(',\n');
  const head = { ...e, tables: undefined };
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const tables = (['active', 'requests', 'review'] as TableId[]).map(
    (t) => `    "${t}": {\n      "rows": [\n${rows(t).replace(/^ {6}/gm, '        ')}\n      ]\n    }`,
  );
  return `${top},\n  "tables": {\n${tables.join(',\n')}\n  }\n}\n`;
}

/**
 * The declared sums an expected model breaks (a check of the fixtures themselves): every sum of
 * 表三 and 表四 whose cells are all written must hold.
 */
export function brokenSums(e: Expected): string[] {
  const broken: string[] = [];
  for (const b of blocks(e.format)) {
    if (!b.sums.length) continue;
    const rows = e.tables[TABLE_OF_SLOT(b.slot)].rows.filter((x) => x.block === b.slot);
    const val = (row: string, col: string) => rows.find((x) => x.row === row)?.cells[col];
    for (const s of b.sums) {
      const vs = [...s.left, ...s.right].map((c) => val(c.row, c.col));
      if (vs.some((v) => v === undefined)) {
        broken.push(`${b.slot}:${s.id} (cell not in the model)`);
        continue;
      }
      if (vs.some((v) => v === null)) continue;
      const side = (cs: { row: string; col: string }[]) => cs.reduce((a, c) => a + (val(c.row, c.col) as number), 0);
      if (side(s.left) !== side(s.right)) broken.push(`${b.slot}:${s.id}`);
    }
    // Every declared row and column is there.
    for (const x of b.rows) {
      const row = rows.find((y) => y.row === x.id);
      if (!row) broken.push(`${b.slot}:${x.id} missing`);
      else for (const c of b.columns) if (!(c.id in row.cells)) broken.push(`${b.slot}:${x.id}|${c.id} missing`);
    }
  }
  return broken;
}
