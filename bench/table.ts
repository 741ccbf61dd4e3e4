/**
 * `npm run bench`: the one table of targets. Every figure is taken in this run, side by side: this
 * checkout's build (B) and an earlier commit's (A, `--ref REF`, by default the build before issue
 * 18), interleaved over the same generated corpus (corpus.ts), and markdown-it's baseline
 * (markdown-it-baseline.mjs) run as a process over the same files. The machine's speed drifts by
 * ±30% from minute to minute: compare the columns of one run, not runs.
 *
 *   cli       `nianbao check --format json` over the 2,000 reports, process to process, against
 *             markdown-it's baseline: B ≤ 1.5× markdown-it; and over the document fixtures
 *   core      in one process, warm: check per report against markdown-it's parse (no target)
 *   lsp       a real server over stdio (A's and B's, the same edits alternated): one-character
 *             edits at random places, didChange → publishDiagnostics of that version, p95 ≤ 10 ms at
 *             10 KB and ≤ 100 ms at 1 MB; RSS with 50 reports open ≤ 80 MB; RSS flat over edits
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { type Build, BEFORE_ISSUE_18, currentBuild, refBuild } from './builds';
import { bundleCore, load } from './bundle';
import { corpus } from './corpus';
import { random, Server } from './lsp';
import { stats, type Stats } from './stats';
import { concatenated, reportTexts, ROOT } from './texts';

export interface TableRow {
  measure: string;
  a: string;
  b: string;
  target: string;
  pass: boolean | null;
}

export interface TableOptions {
  ref?: string | undefined;
  rounds?: number;
}

const BASELINE = join(ROOT, 'bench', 'markdown-it-baseline.mjs');

/** Wall time of one process, stdout to /dev/null (its output is still made and written). */
function run(args: string[]): number {
  const out = openSync('/dev/null', 'w');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status === 2 || r.status === null) throw new Error(`${args.join(' ')} failed: ${String(r.stderr).slice(0, 500)}`);
    return ms;
  } finally {
    closeSync(out);
  }
}

/** Each command run `rounds` times, their order turning from round to round; ms per command. */
function interleave(commands: string[][], rounds: number): Stats[] {
  const samples: number[][] = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const order = commands.map((_, i) => i);
    for (let k = 0; k < r % commands.length; k++) order.push(order.shift()!);
    if (r % 2) order.reverse();
    for (const i of order) samples[i]!.push(run(commands[i]!));
  }
  return samples.map(stats);
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (r: number) => `${r.toFixed(2)}×`;

function cliRows(a: Build, b: Build, rounds: number, add: (r: TableRow) => void, out: Record<string, unknown>): void {
  const c = corpus();
  const check = (build: Build, dir: string) => [build.cli, 'check', '--format', 'json', '--no-progress', dir];
  const [md, ta, tb] = interleave([[BASELINE, c.reports], check(a, c.reports), check(b, c.reports)], rounds);
  const size = `${c.reportFiles.toLocaleString('en')} reports, ${(c.reportBytes / 1048576).toFixed(1)} MB`;
  add({ measure: `markdown-it baseline: ${size}, read + parse, one process`, a: sec(md!.median), b: sec(md!.median), target: '', pass: null });
  const ra = ta!.median / md!.median;
  const rb = tb!.median / md!.median;
  add({
    measure: `CLI: ${size}, process to process, ÷ markdown-it`,
    a: `${sec(ta!.median)} (${x(ra)})`,
    b: `${sec(tb!.median)} (${x(rb)})`,
    target: '≤ 1.5× markdown-it',
    pass: rb <= 1.5,
  });
  const [da, db] = interleave([check(a, c.documents), check(b, c.documents)], rounds);
  add({
    measure: `CLI: ${c.documentFiles} documents (.docx .doc .html .pdf, ${(c.documentBytes / 1048576).toFixed(1)} MB)`,
    a: sec(da!.median),
    b: `${sec(db!.median)} (${x(db!.median / da!.median)} A)`,
    target: '',
    pass: null,
  });
  out.cli = { rounds, markdownIt: md, reports: { a: ta, b: tb }, documents: { a: da, b: db }, corpus: c };
}

/** In one process, warm: the core's check of every report against markdown-it's parse of it. */
async function coreRow(add: (r: TableRow) => void, out: Record<string, unknown>): Promise<void> {
  const outfile = join(ROOT, 'bench', 'out', 'core.js');
  await bundleCore(ROOT, outfile);
  const { check } = load(outfile);
  const md = new MarkdownIt();
  const dir = corpus().reports;
  const texts = readdirSync(dir)
    .sort()
    .map((n) => readFileSync(join(dir, n), 'utf8'));
  let tc = 0;
  let tm = 0;
  for (let round = 0; round < 3; round++) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      check(t);
      const t1 = process.hrtime.bigint();
      md.parse(t, {});
      const t2 = process.hrtime.bigint();
      if (round > 0) {
        tc += Number(t1 - t0) / 1e6;
        tm += Number(t2 - t1) / 1e6;
      }
    }
  }
  add({
    measure: 'core: check ÷ markdown-it parse, one process, warm',
    a: '',
    b: `${(tc / 2).toFixed(0)} ms ÷ ${(tm / 2).toFixed(0)} ms = ${x(tc / tm)}`,
    target: '',
    pass: null,
  });
  out.core = { checkMs: tc / 2, markdownItMs: tm / 2, ratio: tc / tm };
}

/** The same random one-character edits on both servers, alternated; ms per edit of each. */
async function sideBySide(servers: [Server, Server], uri: string, count: number, seed: number): Promise<[number[], number[]]> {
  const rnd = random(seed);
  const times: [number[], number[]] = [[], []];
  const inserted: number[] = [];
  for (let i = 0; i < count; i++) {
    const len = servers[1].docs.get(uri)!.getText().length;
    let at: number;
    let insert: string | null;
    if (inserted.length && rnd() < 0.5) {
      at = inserted.pop()!;
      insert = null;
    } else {
      at = Math.floor(rnd() * len);
      inserted.push(at);
      insert = '0123456789某'[Math.floor(rnd() * 11)]!;
    }
    for (const k of i % 2 ? [1, 0] : [0, 1]) times[k as 0 | 1].push(await servers[k as 0 | 1].edit(uri, at, insert));
  }
  return times;
}

export async function lspRows(a: Build, b: Build, add: (r: TableRow) => void, out: Record<string, unknown>): Promise<void> {
  const texts = reportTexts().map((t) => t.text);
  for (const [label, size, edits, target] of [
    ['10 KB', 10 * 1024, 600, 10],
    ['1 MB', 1024 * 1024, 120, 100],
  ] as const) {
    const text = concatenated(texts, size);
    const servers: [Server, Server] = [new Server(a.server), new Server(b.server)];
    const uri = `file:///bench/${label.replace(' ', '')}.nianbao`;
    for (const s of servers) {
      await s.init();
      await s.open(uri, text);
    }
    await sideBySide(servers, uri, 20, 7);
    const [ta, tb] = (await sideBySide(servers, uri, edits, 42)).map(stats) as [Stats, Stats];
    for (const s of servers) await s.close();
    const f = (s: Stats) => `p95 ${s.p95.toFixed(1)} ms (p50 ${s.median.toFixed(1)})`;
    add({ measure: `LSP: edit → diagnostics, ${label} (${edits} random edits)`, a: f(ta), b: f(tb), target: `p95 ≤ ${target} ms`, pass: tb.p95 <= target });
    out[`lsp${label.replace(' ', '')}`] = { a: ta, b: tb };
  }
  // Memory: 50 reports open, then edits spread over them (RSS must stay flat).
  const rss: Record<string, { open50: number | null; samples: number[] }> = {};
  for (const [side, build] of [
    ['a', a],
    ['b', b],
  ] as const) {
    const s = new Server(build.server);
    await s.init();
    for (let i = 0; i < 50; i++) await s.open(`file:///bench/r${i}.nianbao`, texts[i % texts.length]!);
    const open50 = s.rssMb();
    const rnd = random(3);
    const samples: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const uri = `file:///bench/r${Math.floor(rnd() * 50)}.nianbao`;
      const len = s.docs.get(uri)!.getText().length;
      if (i % 2 === 0) await s.edit(uri, Math.floor(rnd() * len), '字');
      else await s.edit(uri, s.docs.get(uri)!.getText().indexOf('字'), null);
      if (i % 500 === 499) samples.push(s.rssMb() ?? 0);
    }
    await s.close();
    rss[side] = { open50, samples };
  }
  const mb = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} MB`);
  add({
    measure: 'LSP: server RSS, 50 reports open',
    a: mb(rss.a!.open50),
    b: mb(rss.b!.open50),
    target: '≤ 80 MB',
    pass: rss.b!.open50 === null ? null : rss.b!.open50 <= 80,
  });
  const flat = (xs: number[]) => Math.max(...xs.slice(-3)) <= Math.max(...xs.slice(1, 4)) * 1.1 + 2;
  const series = (xs: number[]) => `${xs[1]?.toFixed(0)} → ${xs[xs.length - 1]?.toFixed(0)} MB`;
  add({
    measure: 'LSP: server RSS over 4,000 edits (50 open)',
    a: series(rss.a!.samples),
    b: series(rss.b!.samples),
    target: 'flat',
    pass: flat(rss.b!.samples),
  });
  out.rss = rss;
}

/** The table, as markdown (README shows it). */
export function markdownTable(rows: TableRow[], a: string, b: string): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| Measure | A: ${a} | B: ${b} | Target | B |`,
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.measure)} | ${cell(r.a)} | ${cell(r.b)} | ${cell(r.target)} | ${r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL'} |`),
  ].join('\n');
}

export async function targetTable(options: TableOptions, results: Record<string, unknown>): Promise<TableRow[]> {
  const rounds = options.rounds ?? 3;
  const a = refBuild(options.ref ?? BEFORE_ISSUE_18);
  const b = currentBuild();
  console.log(`A = ${a.label} (${options.ref ?? 'the build before issue 18'}), B = this checkout (${b.label}); ${rounds} rounds\n`);
  const rows: TableRow[] = [];
  const add = (r: TableRow) => {
    rows.push(r);
    console.log(`${r.pass === null ? '    ' : r.pass ? 'PASS' : 'FAIL'}  ${r.measure.padEnd(62)} A ${r.a.padEnd(22)} B ${r.b.padEnd(26)} ${r.target}`);
  };
  const out: Record<string, unknown> = { a: a.label, b: b.label };
  cliRows(a, b, rounds, add, out);
  await coreRow(add, out);
  await lspRows(a, b, add, out);
  out.rows = rows;
  results.table = out;
  console.log(`\n${markdownTable(rows, a.label, b.label)}`);
  return rows;
}
