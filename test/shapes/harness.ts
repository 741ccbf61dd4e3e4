/**
 * The accuracy harness: runs nianbao's core over the shape fixtures and compares what it reads and
 * reports with the expected model. `npm run shapes` runs every fixture (options: --shapes a,b;
 * --sample; --write-baseline), prints a Markdown table per shape and writes test/shapes/out/.
 *
 * Per shape, with the 'with blanks' variants counted apart (shape+blanks):
 * - cells: every expected cell, looked up in the report model by block slot, row id and column id.
 *   right: read with the expected value (a blank cell: read as blank or missing); wrong: read as another
 *   value, or blank when it is not, in a row read as certain; unsure: read as ambiguous or invalid, or
 *   wrong in a row the reader marks uncertain (it claims nothing there); not read: no such cell.
 * - findings: the generated reports are consistent, so a finding is false unless the expected model
 *   has that error: table.cell-blank on a cell expected blank, section.wording on a heading written
 *   in a variant wording, text.artifact on debris the generator put in (web-page chrome, page
 *   numbers). table.ambiguous and table.unreadable say the reader is unsure: counted apart ("unsure
 *   findings"), neither true nor false.
 * - fixes: preferred fixes of findings that are not true whose edits change a number of the text
 *   (every number the generator wrote is right): a fix that would break a right cell.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Cell, check, type Edit, type Finding, type Report } from '../../server/src/core';
import type { Expected } from './model';

export const SHAPES_DIR = __dirname;
export const FIXTURES = join(__dirname, 'fixtures');
export const BASELINE = join(__dirname, 'baseline.json');
export const OUT = join(__dirname, 'out');

export interface Fixture {
  shape: string;
  id: string;
  text: string;
  expected: Expected;
}

/** The fixed sample `npm test` runs: the first reports of each kind. */
export const SAMPLE_IDS = ['000', '001', '002', '003', '004', '005', '006', '007', '200', '201'];

export function shapeNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'docs')
    .map((d) => d.name)
    .sort();
}

export function loadFixtures(shapes: string[] = shapeNames(), ids?: string[]): Fixture[] {
  const out: Fixture[] = [];
  for (const shape of shapes) {
    const dir = join(FIXTURES, shape);
    const all = readdirSync(dir)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.slice(0, -'.expected.json'.length))
      .sort();
    for (const id of ids ? all.filter((x) => ids.includes(x)) : all) {
      out.push({
        shape,
        id,
        text: readFileSync(join(dir, `${id}.txt`), 'utf8'),
        expected: JSON.parse(readFileSync(join(dir, `${id}.expected.json`), 'utf8')) as Expected,
      });
    }
  }
  return out;
}

export type Verdict = 'true' | 'false' | 'unsure';

export interface FixtureResult {
  shape: string;
  id: string;
  group: string;
  cells: number;
  right: number;
  wrong: number;
  unsure: number;
  notRead: number;
  headings: number;
  headingsRight: number;
  findings: { rule: string; verdict: Verdict }[];
  /** Preferred fixes (of findings not true) that change a number. */
  badFixes: number;
  /** Suggestions (of findings not true, but table.ambiguous's readings) that change a number. */
  badSuggestions: number;
  ms: number;
}

const CELL_KEY = (slot: string, row: string, col: string) => `${slot}|${row}|${col}`;

function readCells(report: Report): Map<string, { cell: Cell; rowLabel: [number, number] }> {
  const m = new Map<string, { cell: Cell; rowLabel: [number, number] }>();
  for (const t of report.tables)
    for (const b of t.blocks)
      for (const r of b.rows)
        for (const c of r.cells) {
          const k = CELL_KEY(b.decl.slot, r.decl.id, c.col.id);
          if (!m.has(k)) m.set(k, { cell: c, rowLabel: r.label });
        }
  return m;
}

const overlaps = (a: [number, number], b: [number, number]) => (a[0] === a[1] ? a[0] >= b[0] && a[0] <= b[1] : a[0] < b[1] && b[0] < a[1]);

/** Debris the generator writes: web-page chrome and page numbers. */
const DEBRIS = /首页|字体|字号|发布时间|浏览次数|打印|关闭|分享|扫一扫|主办单位|网站标识码|ICP|版权所有|技术支持|^\s*-\s*\d+\s*-\s*$|\f/;

const DIGIT = /[0-9０-９]/;

/** Whether an edit changes a number of the text: replaces a digit, or inserts next to one. */
function changesNumber(text: string, e: Edit): boolean {
  const [s, t] = e.range;
  if (t > s) return DIGIT.test(text.slice(s, t)) && text.slice(s, t) !== e.text;
  return e.text !== '' && (DIGIT.test(text[s - 1] ?? '') || DIGIT.test(text[s] ?? ''));
}

export function measure(f: Fixture): FixtureResult {
  const t0 = performance.now();
  const { report, findings } = check(f.text);
  const ms = performance.now() - t0;
  const e = f.expected;
  const read = readCells(report);
  const blankCells: [number, number][] = [];
  const blankRowLabels: [number, number][] = [];
  let cells = 0;
  let right = 0;
  let wrong = 0;
  let unsure = 0;
  let notRead = 0;
  for (const table of Object.values(e.tables))
    for (const row of table.rows)
      for (const [col, want] of Object.entries(row.cells)) {
        cells++;
        const got = read.get(CELL_KEY(row.block, row.row, col));
        if (want === null && got) {
          blankCells.push(got.cell.range);
          if (got.cell.state === 'missing') blankRowLabels.push(got.rowLabel);
        }
        const state = got?.cell.state;
        // A blank cell read as blank, or as missing (a row with nothing in its last cells), is read right.
        if (want === null && (state === 'blank' || state === 'missing')) right++;
        else if (!got || state === 'missing') notRead++;
        else if (want !== null && state === 'ok' && Math.abs((got.cell.value ?? Number.NaN) - want) < 1e-6) right++;
        // Read as ambiguous or invalid, or in a row the reader says it is unsure of: not a claim.
        else if (state === 'ambiguous' || state === 'invalid' || got.cell.confidence !== 'certain') unsure++;
        else wrong++;
      }

  let headingsRight = 0;
  const compact = (s: string) => s.replace(/\s/g, '');
  for (const s of e.sections) {
    const found = report.sections.find((x) => x.decl.id === s.id)?.heading;
    if (!found) continue;
    const from = compact(f.text.slice(found.range[0], found.range[0] + s.heading.length * 3));
    const body = compact(f.text.slice(found.bodyRange[0], found.bodyRange[0] + s.heading.length * 3));
    if (from.startsWith(compact(s.heading)) || body.startsWith(compact(s.heading.slice(2)))) headingsRight++;
  }

  const verdictOf = (x: Finding): Verdict => {
    switch (x.rule) {
      case 'table.ambiguous':
      case 'table.unreadable':
        return 'unsure';
      case 'table.cell-blank':
        return blankCells.some((r) => overlaps(x.range, r) || overlaps(r, x.range)) || blankRowLabels.some((r) => overlaps(x.range, r)) ? 'true' : 'false';
      case 'section.wording': {
        const s = report.sections.find((y) => y.heading && overlaps(x.range, y.heading.range));
        return s && e.sections.find((y) => y.id === s.decl.id)?.canonical === false ? 'true' : 'false';
      }
      case 'text.artifact':
        return e.artifacts && DEBRIS.test(f.text.slice(x.range[0], Math.max(x.range[1], x.range[0] + 1))) ? 'true' : 'false';
      default:
        return 'false';
    }
  };
  const verdicts = findings.map((x) => ({ rule: x.rule, verdict: verdictOf(x) }));
  let badFixes = 0;
  findings.forEach((x, i) => {
    if (!x.fix || verdicts[i]!.verdict === 'true') return;
    if ([x.fix, ...(x.fix.more ?? [])].some((ed) => changesNumber(f.text, ed))) badFixes++;
  });
  // Suggestions too (a person may take one): none may change a right number. table.ambiguous's
  // are the readings it names, offered as alternatives on purpose.
  let badSuggestions = 0;
  findings.forEach((x, i) => {
    if (!x.suggestions || verdicts[i]!.verdict === 'true' || x.rule === 'table.ambiguous') return;
    for (const s of x.suggestions) if ([s, ...(s.more ?? [])].some((ed) => changesNumber(f.text, ed))) badSuggestions++;
  });
  return {
    shape: f.shape,
    id: f.id,
    group: e.blanks > 0 ? `${f.shape}+blanks` : f.shape,
    cells,
    right,
    wrong,
    unsure,
    notRead,
    headings: e.sections.length,
    headingsRight,
    findings: verdicts,
    badFixes,
    badSuggestions,
    ms,
  };
}

export interface GroupStats {
  variants: number;
  cells: number;
  right: number;
  wrong: number;
  unsure: number;
  notRead: number;
  /** Variants whose every cell was read right. */
  perfect: number;
  headings: number;
  headingsRight: number;
  falseFindings: number;
  falseByRule: Record<string, number>;
  trueFindings: number;
  ambiguous: number;
  badFixes: number;
}

export function aggregate(results: FixtureResult[]): Record<string, GroupStats> {
  const out: Record<string, GroupStats> = {};
  for (const r of results) {
    const g = (out[r.group] ??= {
      variants: 0,
      cells: 0,
      right: 0,
      wrong: 0,
      unsure: 0,
      notRead: 0,
      perfect: 0,
      headings: 0,
      headingsRight: 0,
      falseFindings: 0,
      falseByRule: {},
      trueFindings: 0,
      ambiguous: 0,
      badFixes: 0,
    });
    g.variants++;
    g.cells += r.cells;
    g.right += r.right;
    g.wrong += r.wrong;
    g.unsure += r.unsure;
    g.notRead += r.notRead;
    if (r.right === r.cells) g.perfect++;
    g.headings += r.headings;
    g.headingsRight += r.headingsRight;
    for (const x of r.findings) {
      if (x.verdict === 'false') {
        g.falseFindings++;
        g.falseByRule[x.rule] = (g.falseByRule[x.rule] ?? 0) + 1;
      } else if (x.verdict === 'true') g.trueFindings++;
      else g.ambiguous++;
    }
    g.badFixes += r.badFixes;
  }
  // Stable order: shapes alphabetically, each before its +blanks group; rules by count.
  const sorted: Record<string, GroupStats> = {};
  for (const k of Object.keys(out).sort()) {
    const g = out[k]!;
    g.falseByRule = Object.fromEntries(Object.entries(g.falseByRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    sorted[k] = g;
  }
  return sorted;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

function delta(now: number, was: number | undefined, pctOf?: [number, number]): string {
  if (was === undefined) return '';
  if (pctOf) {
    const d = (100 * now) / pctOf[0] - (100 * was) / pctOf[1];
    return Math.abs(d) < 0.05 ? '' : ` (${d > 0 ? '+' : ''}${d.toFixed(1)})`;
  }
  return now === was ? '' : ` (${now > was ? '+' : ''}${now - was})`;
}

/** The table a person reads: one line per shape; with a baseline, the change against it in brackets. */
export function markdown(stats: Record<string, GroupStats>, baseline?: Record<string, GroupStats>): string {
  const lines = [
    '| shape | variants | cells read right | wrong | unsure | not read | all right | headings | false findings | false findings by rule | true | ambiguous | preferred fixes changing a right number |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const [k, g] of Object.entries(stats)) {
    const b = baseline?.[k];
    const rules = Object.entries(g.falseByRule)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    lines.push(
      `| ${k} | ${g.variants} | ${pct(g.right, g.cells)}${delta(g.right, b?.right, b ? [g.cells, b.cells] : undefined)} | ${g.wrong}${delta(g.wrong, b?.wrong)} | ${g.unsure}${delta(g.unsure, b?.unsure)} | ${g.notRead}${delta(g.notRead, b?.notRead)} | ${g.perfect}/${g.variants} | ${pct(g.headingsRight, g.headings)} | ${g.falseFindings}${delta(g.falseFindings, b?.falseFindings)} | ${rules || '–'} | ${g.trueFindings} | ${g.ambiguous} | ${g.badFixes}${delta(g.badFixes, b?.badFixes)} |`,
    );
  }
  return lines.join('\n');
}

export interface Baseline {
  /** What the numbers are of. */
  note: string;
  sampleIds: string[];
  sample: Record<string, GroupStats>;
  full?: Record<string, GroupStats>;
}

export function readBaseline(): Baseline | null {
  try {
    return JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  } catch {
    return null;
  }
}

export function writeBaseline(b: Baseline): void {
  writeFileSync(BASELINE, `${JSON.stringify(b, null, 2)}\n`);
}

export const BASELINE_NOTE =
  'Accuracy of nianbao on the shape fixtures (test/shapes): `sample` is what npm test measures (SAMPLE_IDS of every shape), `full` what `npm run shapes` measures. Rewrite with `npm run shapes -- --write-baseline`.';

function main() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--shapes');
  const shapes = i >= 0 ? argv[i + 1]!.split(',') : shapeNames();
  const sample = argv.includes('--sample');
  const t0 = performance.now();
  const fixtures = loadFixtures(shapes, sample ? SAMPLE_IDS : undefined);
  const tLoad = performance.now();
  const results = fixtures.map(measure);
  const tRun = performance.now();
  const stats = aggregate(results);
  const base = readBaseline();
  console.log(markdown(stats, sample ? base?.sample : base?.full));
  console.log(
    `\n${fixtures.length} fixtures; load ${((tLoad - t0) / 1000).toFixed(1)} s, check ${((tRun - tLoad) / 1000).toFixed(1)} s (${(results.reduce((a, r) => a + r.ms, 0) / results.length).toFixed(0)} ms per text on average)`,
  );
  mkdirSync(OUT, { recursive: true });
  const name = sample ? 'sample' : 'full';
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify({ stats, results }, null, 1)}\n`);
  writeFileSync(join(OUT, `${name}.md`), `${markdown(stats, sample ? base?.sample : base?.full)}\n`);
  if (argv.includes('--write-baseline')) {
    const next: Baseline = base ?? { note: BASELINE_NOTE, sampleIds: SAMPLE_IDS, sample: {} };
    next.note = BASELINE_NOTE;
    next.sampleIds = SAMPLE_IDS;
    if (sample) next.sample = stats;
    else {
      next.full = stats;
      next.sample = aggregate(results.filter((r) => SAMPLE_IDS.includes(r.id)));
    }
    writeBaseline(next);
    console.log(`baseline written to ${BASELINE}`);
  }
}

if (require.main === module) main();
