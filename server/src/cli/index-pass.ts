/**
 * The CLI's first pass over the inputs: each file's body and year, then the reports paired by
 * them. Most folders hold one year of many bodies, where nothing pairs: so each file is read first
 * for its head alone (title, period, signing date: `parseHead`, about a fifth of a parse), and
 * parsed in full, kept as its compact extract (the cells that continue across years: about forty
 * numbers with their places), only where the pairing reads that extract:
 *
 * - a file whose head does not show it is a report (only its tables may: `looksLikeReport`), at once;
 * - a file named in a config's `pairs` or by `--previous`;
 * - a file `pairReports` takes as last year's report, or compares with another of its body and year
 *   (`sameReport`): found by running the pairing over head extracts that tell when they are read
 *   (`watched`), parsing what was read, and running it again until it reads no head. Only the
 *   files of a body bucket and year whose bucket holds the next year can be read so.
 *
 * Every other file keeps a head extract (body and year, format 'unknown', nothing else), which
 * `pairReports` reads only to group the files into series and to name a gap: the pairing is the
 * one full extracts give (test/unit/index-pass.test.ts compares them). The check pass that follows
 * streams as before; what stays in memory is the extracts, not the texts. Many files are indexed
 * on the workers that check them next (pool.ts): `indexOne` is what a worker does with one file.
 */
import { resolve } from 'node:path';
import {
  bodyBucket,
  type CrossYear,
  defaultConfig,
  type Extract,
  extract,
  headExtract,
  headLooksLikeReport,
  type Indexed,
  looksLikeReport,
  pairReports,
  parse,
  parseHead,
} from '../core';
import { readReport } from '../host/read';
import type { Configs } from './outcome';
import { type Pool, runPass } from './pool';

export interface IndexResult {
  /** Each file's pairing, by its absolute path. */
  crossyear: Map<string, CrossYear>;
  /** Files indexed (read and looking like a report). */
  indexed: number;
  /** Files parsed in full for the index (the others were read for their head alone). */
  parsed: number;
}

/** One file indexed: its extract (none when unreadable or not a report), and the pairs its config names. */
export interface IndexedFile {
  index: number;
  file: string;
  extract?: Extract;
  /** The extract is the head's alone (body and year). */
  head?: true;
  /** The file was parsed in full. */
  parsed?: true;
  pairs?: [string, string][];
}

/**
 * Reads one file for the index: its head alone, unless `full` or the head does not show it is a
 * report; else parsed in full, kept as its extract.
 */
export function indexOne(index: number, file: string, configs: Configs, full = false): IndexedFile {
  const read = readReport(file);
  if ('error' in read) return { index, file };
  const found = configs.explicit ? { config: configs.explicit, error: null } : configs.lookup.forFile(file);
  const config = found.config ?? defaultConfig();
  const out: IndexedFile = { index, file: resolve(file) };
  if (config.pairs?.length) out.pairs = config.pairs;
  if (!full) {
    const head = parseHead(read.text, { format: config.format });
    if (headLooksLikeReport(head)) {
      out.extract = headExtract(head);
      out.head = true;
      return out;
    }
  }
  const report = parse(read.text, { format: config.format });
  out.parsed = true;
  if (looksLikeReport(report)) out.extract = extract(report);
  return out;
}

/** The pairs by hand: the configs' `pairs`, and `previous` with the one file checked. */
function pairsOf(indexed: readonly IndexedFile[], files: string[], previous: string | null): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const f of indexed) for (const p of f.pairs ?? []) pairs.set(p.join('\n'), p);
  if (previous && files.length === 1) {
    const p: [string, string] = [resolve(previous), resolve(files[0]!)];
    pairs.set(p.join('\n'), p);
  }
  return [...pairs.values()];
}

/** Runs of the pairing before every file it may read is parsed at once (then the next run is the last). */
const MAX_ROUNDS = 8;

/**
 * The pairing, step by step: each step yields the positions of head-only files to parse in full
 * (the caller puts their full extracts in `indexed`), and the pairing is run again, until a run
 * read nothing of a head beyond its body and year: then its result is the one full extracts give
 * (see `watched`). First the ends of the pairs by hand are parsed; then what each run read, and
 * after it in its group 0, 1, 3, 7… more (duplicates that agree are compared one after the other);
 * after `MAX_ROUNDS`, every file `mayBeRead` names.
 */
function* pairing(indexed: IndexedFile[], pairs: [string, string][]): Generator<number[], IndexResult> {
  const named = new Set(pairs.flat());
  const ends = heads(indexed).filter((i) => named.has(indexed[i]!.file));
  if (ends.length) yield ends;
  for (let round = 0; ; round++) {
    const groups = mayBeRead(indexed);
    const group = new Map<number, number[]>();
    for (const g of groups) for (const i of g) group.set(i, g);
    const touched = new Set<number>();
    const watch = new Map<Extract, number>();
    const reports: Indexed[] = [];
    indexed.forEach((f, i) => {
      if (!f.extract) return;
      const e = group.has(i) ? watched(f.extract, f.file, () => touched.add(i)) : f.extract;
      if (e !== f.extract) watch.set(e, i);
      reports.push({ file: f.file, extract: e });
    });
    const crossyear = pairReports(reports, pairs);
    for (const c of crossyear.values()) if (c.previous && watch.has(c.previous.extract)) touched.add(watch.get(c.previous.extract)!);
    if (!touched.size) return { crossyear, indexed: reports.length, parsed: indexed.filter((f) => f.parsed).length };
    if (round >= MAX_ROUNDS) yield groups.flat().sort((a, b) => a - b);
    else {
      const next = new Set(touched);
      for (const i of touched) {
        const g = group.get(i)!;
        for (const j of g.slice(g.indexOf(i) + 1, g.indexOf(i) + 2 ** round)) next.add(j);
      }
      yield [...next].sort((a, b) => a - b);
    }
  }
}

/**
 * A head extract that tells when it is read beyond its body and year (by `sameReport`, or as a
 * report's last year). Its format is its own, no other extract's: two heads compared are told
 * apart at once, so a run reads as few heads as it can; its cells, sentences and tables are empty.
 */
function watched(e: Extract, file: string, touch: () => void): Extract {
  const w = { body: e.body, year: e.year } as Extract;
  const read = (value: unknown): PropertyDescriptor => ({
    enumerable: true,
    get: () => {
      touch();
      return value;
    },
  });
  Object.defineProperties(w, { format: read(`unknown:${file}`), cells: read({}), sentences: read([]), tables: read({}) });
  return w;
}

/** The positions of the head-only files. */
function heads(indexed: readonly IndexedFile[]): number[] {
  return indexed.flatMap((f, i) => (f.head ? [i] : []));
}

/**
 * The head-only files whose full extract `pairReports` may read, by body bucket and year, in
 * order: those of a bucket and year when the bucket holds the next year. The others are read for
 * their body and year alone: a year's reports are compared, and its first one taken as last year's,
 * only when its series has the next year, and a series is a part of a bucket.
 */
function mayBeRead(indexed: readonly IndexedFile[]): number[][] {
  const years = new Map<string, Set<number>>();
  const key = (e: Extract) => (e.body && e.year !== null ? bodyBucket(e.body) : null);
  for (const f of indexed) {
    const k = f.extract ? key(f.extract) : null;
    if (k === null) continue;
    const ys = years.get(k) ?? new Set<number>();
    years.set(k, ys);
    ys.add(f.extract!.year!);
  }
  const groups = new Map<string, number[]>();
  for (const i of heads(indexed)) {
    const e = indexed[i]!.extract!;
    const k = key(e);
    if (k === null || !years.get(k)!.has(e.year! + 1)) continue;
    const g = groups.get(`${k}\n${e.year}`) ?? [];
    groups.set(`${k}\n${e.year}`, g);
    g.push(i);
  }
  return [...groups.values()];
}

/** Indexes the files (and `previous`, paired by hand with the one file checked) and pairs them, on this thread. */
export function indexReports(files: string[], configs: Configs, previous: string | null): IndexResult {
  const inputs = previous ? [previous, ...files] : files;
  const indexed = inputs.map((f, i) => indexOne(i, f, configs));
  const steps = pairing(indexed, pairsOf(indexed, files, previous));
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    for (const i of step.value) indexed[i] = indexOne(i, inputs[i]!, configs, true);
  }
}

/** The same as `indexReports`, on the pool's workers when there is one. */
export async function indexReportsOn(pool: Pool | null, files: string[], configs: Configs, previous: string | null): Promise<IndexResult> {
  const inputs = previous ? [previous, ...files] : files;
  const indexed: IndexedFile[] = [];
  for await (const f of runPass(pool, 'index', inputs, (i, file) => indexOne(i, file, configs))) indexed.push(f);
  const steps = pairing(indexed, pairsOf(indexed, files, previous));
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    // Each result comes back by its place in the step: it replaces the head at that position.
    const at = step.value;
    const again = at.map((i) => inputs[i]!);
    for await (const f of runPass(
      pool,
      'index',
      again,
      (k, file) => indexOne(k, file, configs, true),
      () => true,
    ))
      indexed[at[f.index]!] = { ...f, index: at[f.index]! };
  }
}
