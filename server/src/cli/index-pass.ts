/**
 * The CLI's first pass over the inputs: each file read and parsed once more, kept only as its
 * compact extract (body, year, format, the cells that continue across years: about forty numbers
 * with their places), then paired by body and year. The check pass that follows streams as
 * before; what stays in memory is the extracts, not the texts. Many files are indexed on the
 * workers that check them next (pool.ts): `indexOne` is what a worker does with one file.
 */
import { resolve } from 'node:path';
import { type CrossYear, defaultConfig, type Extract, extract, type Indexed, looksLikeReport, pairReports, parse } from '../core';
import { readReport } from '../host/read';
import type { Configs } from './outcome';
import { type Pool, runPass } from './pool';

export interface IndexResult {
  /** Each file's pairing, by its absolute path. */
  crossyear: Map<string, CrossYear>;
  /** Files indexed (read and looking like a report). */
  indexed: number;
}

/** One file indexed: its extract (none when unreadable or not a report), and the pairs its config names. */
export interface IndexedFile {
  index: number;
  file: string;
  extract?: Extract;
  pairs?: [string, string][];
}

/** Reads and parses one file for the index. */
export function indexOne(index: number, file: string, configs: Configs): IndexedFile {
  const read = readReport(file);
  if ('error' in read) return { index, file };
  const found = configs.explicit ? { config: configs.explicit, error: null } : configs.lookup.forFile(file);
  const config = found.config ?? defaultConfig();
  const out: IndexedFile = { index, file: resolve(file) };
  if (config.pairs?.length) out.pairs = config.pairs;
  const report = parse(read.text, { format: config.format });
  if (looksLikeReport(report)) out.extract = extract(report);
  return out;
}

/** Pairs the indexed files (and `previous`, paired by hand with the one file checked). */
function pairAll(indexed: Iterable<IndexedFile>, files: string[], previous: string | null): IndexResult {
  const reports: Indexed[] = [];
  const pairs = new Map<string, [string, string]>();
  for (const f of indexed) {
    for (const p of f.pairs ?? []) pairs.set(p.join('\n'), p);
    if (f.extract) reports.push({ file: f.file, extract: f.extract });
  }
  if (previous && files.length === 1) {
    const p: [string, string] = [resolve(previous), resolve(files[0]!)];
    pairs.set(p.join('\n'), p);
  }
  return { crossyear: pairReports(reports, [...pairs.values()]), indexed: reports.length };
}

/** Indexes the files (and `previous`, paired by hand with the one file checked) and pairs them, on this thread. */
export function indexReports(files: string[], configs: Configs, previous: string | null): IndexResult {
  const inputs = previous ? [previous, ...files] : files;
  return pairAll(
    inputs.map((f, i) => indexOne(i, f, configs)),
    files,
    previous,
  );
}

/** The same as `indexReports`, on the pool's workers when there is one. */
export async function indexReportsOn(pool: Pool | null, files: string[], configs: Configs, previous: string | null): Promise<IndexResult> {
  const inputs = previous ? [previous, ...files] : files;
  const indexed: IndexedFile[] = [];
  for await (const f of runPass(pool, 'index', inputs, (i, file) => indexOne(i, file, configs))) indexed.push(f);
  return pairAll(indexed, files, previous);
}
