/**
 * `npm run bench`: the one table of targets (table.ts): this build and an earlier one (`--ref REF`,
 * by default the build before issue 18) side by side in one run, over a generated corpus, against
 * markdown-it's baseline; written to bench/results.json. Not a test.
 *
 *   npm run bench [-- --ref REF] [--rounds N]
 *
 * The older parts, by name (`npm run bench -- core lsp …`):
 *
 *   core      parse + every rule, per report and on 1 MB / 10 MB of reports, beside markdown-it's parse
 *   lsp       a real server over stdio: didChange → publishDiagnostics latency, first diagnostics, RSS
 *   cli       files and MB per second over a directory of 2,000+ reports
 *   crossyear the two passes over 10,000 reports of 1,000 bodies: the index's memory, the CLI's peak RSS
 *   ab        this checkout's core against an earlier commit's, interleaved in one process over the
 *             same texts, and the 20 MB lines of digits (see ab.ts)
 *             `npm run bench -- ab [--ref REF] [--rounds N]`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { abBench } from './ab';
import { targetTable } from './table';
import { check as checkText } from '../server/src/core';
import { readDocument } from '../server/src/readers';
import { crossyearBench } from './crossyear';
import { bundleCore, type Check, load } from './bundle';
import { lspBench } from './lsp';
import { MB, stats, time, type Stats } from './stats';
import { concatenated, reportFiles, reportTexts, ROOT, variant } from './texts';

interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean | null;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};
const argv = process.argv.slice(2);
/** The value of an option (`--ref REF`); its value is no part name. */
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = argv.filter((a, i) => !a.startsWith('-') && !['--ref', '--rounds'].includes(argv[i - 1] ?? ''));
const want = (part: string) => only.includes(part);

function row(name: string, value: string, target = '', pass: boolean | null = null) {
  rows.push({ name, value, target, pass });
  console.log(`${pass === null ? '    ' : pass ? 'PASS' : 'FAIL'}  ${name.padEnd(44)} ${value.padEnd(40)} ${target}`);
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

/** The core as it ships (see bundle.ts). */
async function shippedCheck(): Promise<Check> {
  const outfile = join(ROOT, 'bench', 'out', 'core.js');
  await bundleCore(ROOT, outfile);
  return load(outfile).check;
}

function core(check: Check) {
  const md = new MarkdownIt();
  const texts = reportTexts();
  const all = texts.map((t) => t.text);
  const bytes = (s: string) => Buffer.byteLength(s);

  // Per report: every file, many rounds; time per file.
  const per: number[] = [];
  const perMd: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (const t of all) {
      per.push(...time(() => check(t), 1, round === 0 ? 20 : 0));
      perMd.push(...time(() => md.parse(t, {}), 1, round === 0 ? 20 : 0));
    }
  }
  const totalBytes = all.reduce((a, t) => a + bytes(t), 0) * 40;
  const sumN = per.reduce((a, b) => a + b, 0);
  const sumM = perMd.reduce((a, b) => a + b, 0);
  const sN = stats(per);
  const sM = stats(perMd);
  const ratio = sumN / sumM;
  row(
    `core: per report (${all.length} files, avg ${(totalBytes / 40 / all.length / 1024).toFixed(1)} KB)`,
    `median ${ms(sN.median)} p95 ${ms(sN.p95)} ${(totalBytes / MB / (sumN / 1000)).toFixed(1)} MB/s`,
  );
  row('markdown-it parse, same files', `median ${ms(sM.median)} p95 ${ms(sM.p95)} ${(totalBytes / MB / (sumM / 1000)).toFixed(1)} MB/s`);
  row('ratio nianbao / markdown-it (per report)', ratio.toFixed(2), '≤ 0.5', ratio <= 0.5);
  const out: Record<string, unknown> = { perReport: { nianbao: sN, markdownIt: sM, ratio, files: all.length } };

  for (const size of [1, 10]) {
    const text = concatenated(all, size * MB);
    const runs = size === 1 ? 15 : 5;
    const n = stats(time(() => check(text), runs, 2));
    const m = stats(time(() => md.parse(text, {}), runs, 2));
    const r = n.median / m.median;
    row(`core: ${size} MB of reports`, `median ${n.median.toFixed(0)} ms p95 ${n.p95.toFixed(0)} ms ${(bytes(text) / MB / (n.median / 1000)).toFixed(1)} MB/s`);
    row(`markdown-it parse, ${size} MB`, `median ${m.median.toFixed(0)} ms ${(bytes(text) / MB / (m.median / 1000)).toFixed(1)} MB/s`);
    row(`ratio nianbao / markdown-it (${size} MB)`, r.toFixed(2), '≤ 0.5', r <= 0.5);
    out[`${size}MB`] = { nianbao: n, markdownIt: m, ratio: r };
  }
  results.core = out;
}

function cliBench() {
  const dir = join(tmpdir(), `nianbao-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = reportTexts().map((t) => t.text);
  const count = 2400;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const t = variant(sources[i % sources.length]!, i);
    bytes += Buffer.byteLength(t);
    writeFileSync(join(dir, `r${String(i).padStart(5, '0')}.txt`), t);
  }
  const cli = join(ROOT, 'server', 'out', 'cli.js');
  const samples: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-progress', dir], { encoding: 'utf8', maxBuffer: 1024 * MB });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status === 2) throw new Error(`cli failed: ${r.stderr.slice(0, 500)}`);
  }
  rmSync(dir, { recursive: true, force: true });
  const s: Stats = stats(samples);
  const mbps = bytes / MB / (s.median / 1000);
  row(
    `cli: ${count} reports, ${(bytes / MB).toFixed(1)} MB, ${cpus().length} cores`,
    `${(count / (s.median / 1000)).toFixed(0)} files/s ${mbps.toFixed(1)} MB/s (median of 3)`,
    '≥ 20 MB/s',
    mbps >= 20,
  );
  results.cli = { files: count, bytes, runs: s, filesPerSecond: count / (s.median / 1000), mbPerSecond: mbps };
}

/** A five-page report PDF (the harness's 000.pdf) read in the worker and checked, warm: the worker started and pdfjs loaded. */
function pdfBench() {
  const file = join(ROOT, 'test/shapes/fixtures/docs/000.pdf');
  const bytes = readFileSync(file);
  const once = () => {
    const d = readDocument(file, bytes);
    if ('error' in d) throw new Error(d.error);
    checkText(d.text);
  };
  const s = stats(time(once, 20, 3));
  row('pdf: 5-page report (000.pdf) read and checked, warm', `median ${s.median.toFixed(0)} ms p95 ${s.p95.toFixed(0)} ms`, '< 300 ms', s.p95 < 300);
  results.pdf = s;
}

async function main() {
  // The table times the builds as they ship (minified, as `npm run package` makes them); the parts by name, the build of `npm run build`.
  const shipped = !only.length;
  const build = (production: boolean) =>
    execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs'), ...(production ? ['--production'] : [])], { cwd: ROOT, stdio: 'inherit' });
  build(shipped);
  const { corpus } = reportFiles();
  console.log(
    `nianbao bench — ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}${corpus ? ', with ../shared/corpus' : ''}\n`,
  );
  if (!only.length) {
    const rounds = option('--rounds');
    try {
      const table = await targetTable({ ref: option('--ref'), ...(rounds ? { rounds: Number(rounds) } : {}) }, results);
      for (const r of table) rows.push({ name: r.measure, value: `A ${r.a} B ${r.b}`, target: r.target, pass: r.pass });
    } finally {
      // server/out as `npm run build` leaves it (with source maps) for the tests and the editor.
      build(false);
    }
  }
  if (want('core')) core(await shippedCheck());
  if (want('lsp')) {
    await lspBench(row, results);
  }
  if (want('cli')) cliBench();
  if (want('pdf')) pdfBench();
  if (want('crossyear')) crossyearBench(row, results);
  if (want('ab')) {
    const rounds = option('--rounds');
    await abBench(row, results, { ref: option('--ref'), ...(rounds ? { rounds: Number(rounds) } : {}) });
  }
  const failed = rows.filter((r) => r.pass === false);
  results.machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGB: totalmem() / 1024 ** 3, node: process.version, date: new Date().toISOString() };
  results.table = rows;
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${rows.filter((r) => r.pass).length} PASS, ${failed.length} FAIL — bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
