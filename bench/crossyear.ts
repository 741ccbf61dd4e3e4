/**
 * `npm run bench -- crossyear`: the CLI's two passes over 10,000 reports (1,000 bodies × 10
 * years), every one paired with last year's. The memory bound: the index keeps one compact
 * extract per file (about forty cells with their places), never a text; measured here as the
 * heap the index holds after a collection, and as the whole CLI's peak RSS (--jobs 1, so one
 * thread's parse at a time).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigLookup } from '../server/src/host/config';
import { indexReports } from '../server/src/cli/index-pass';
import { sampleReport } from '../server/src/core/crossyear/sample';
import { MB } from './stats';
import { ROOT } from './texts';

export type RowFn = (name: string, value: string, target?: string, pass?: boolean | null) => void;

const BODIES = 1000;
const YEARS = 10;
/** The bound stated in README: the index holds at most this much per file. */
export const INDEX_BYTES_PER_FILE = 16 * 1024;

export function crossyearBench(row: RowFn, results: Record<string, unknown>): void {
  const dir = join(tmpdir(), `nianbao-bench-crossyear-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let b = 0; b < BODIES; b++) {
    const body = `云岭市第${b}区人民政府`;
    for (let y = 0; y < YEARS; y++) {
      // Every tenth body breaks its carry-over once: a finding each.
      const carried = y === 0 ? 0 : b % 10 === 0 && y === 5 ? 9 : y;
      const text = sampleReport(2019 + y, body, { carried, carryover: y + 1, fresh: 5 + y });
      const file = join(dir, `b${String(b).padStart(4, '0')}-${2019 + y}.txt`);
      writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
      files.push(file);
    }
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const index = indexReports(files, { explicit: null, lookup: new ConfigLookup() }, null);
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  gc?.();
  const held = process.memoryUsage().heapUsed - before;
  const paired = [...index.crossyear.values()].filter((c) => c.previous).length;
  const perFile = held / files.length;
  row(
    `crossyear: index of ${files.length} reports (${(bytes / MB).toFixed(0)} MB)${gc ? '' : ' (no --expose-gc: heap figure rough)'}`,
    `${(held / MB).toFixed(1)} MB held, ${(perFile / 1024).toFixed(1)} KB/file, ${paired} paired, ${(indexMs / 1000).toFixed(1)} s`,
    `≤ ${INDEX_BYTES_PER_FILE / 1024} KB/file`,
    perFile <= INDEX_BYTES_PER_FILE,
  );
  // The whole CLI, two passes: peak RSS from the process itself, reported at exit.
  const probe = join(dir, 'rss.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nmaxrss ${process.resourceUsage().maxRSS}\\n`));\n");
  const cli = join(ROOT, 'server', 'out', 'cli.js');
  const t1 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', probe, cli, 'check', '--jobs', '1', '--no-progress', dir], { encoding: 'utf8', maxBuffer: 256 * MB });
  const cliMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN) / 1024;
  const found = (r.stdout.match(/crossyear\.carryover/g) ?? []).length;
  rmSync(dir, { recursive: true, force: true });
  row(
    `crossyear: nianbao check over ${files.length} reports, --jobs 1`,
    `peak RSS ${rss.toFixed(0)} MB, ${(cliMs / 1000).toFixed(1)} s, ${found} carry-over findings (${(BODIES / 10) * 2} expected)`,
    `${(BODIES / 10) * 2} findings`,
    found === (BODIES / 10) * 2,
  );
  results.crossyear = { files: files.length, bytes, indexHeldBytes: held, indexMs, paired, cliPeakRssMb: rss, cliMs, carryoverFindings: found };
}
