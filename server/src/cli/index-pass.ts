/**
 * The CLI's first pass over the inputs: each file read and parsed once more, kept only as its
 * compact extract (body, year, format, the cells that continue across years: about forty numbers
 * with their places), then paired by body and year. The check pass that follows streams as
 * before; what stays in memory is the extracts, not the texts.
 */
import { resolve } from 'node:path';
import { type CrossYear, defaultConfig, extract, type Indexed, looksLikeReport, pairReports, parse } from '../core';
import { readReport } from '../host/read';
import type { Configs } from './outcome';

export interface IndexResult {
  /** Each file's pairing, by its absolute path. */
  crossyear: Map<string, CrossYear>;
  /** Files indexed (read and looking like a report). */
  indexed: number;
}

/** Indexes the files (and `previous`, paired by hand with the one file checked) and pairs them. */
export function indexReports(files: string[], configs: Configs, previous: string | null): IndexResult {
  const reports: Indexed[] = [];
  const pairs = new Map<string, [string, string]>();
  const inputs = previous ? [previous, ...files] : files;
  for (const file of inputs) {
    const read = readReport(file);
    if ('error' in read) continue;
    const found = configs.explicit ? { config: configs.explicit, error: null } : configs.lookup.forFile(file);
    const config = found.config ?? defaultConfig();
    for (const p of config.pairs ?? []) pairs.set(p.join('\n'), p);
    const report = parse(read.text, { format: config.format });
    if (!looksLikeReport(report)) continue;
    reports.push({ file: resolve(file), extract: extract(report) });
  }
  if (previous && files.length === 1) {
    const p: [string, string] = [resolve(previous), resolve(files[0]!)];
    pairs.set(p.join('\n'), p);
  }
  return { crossyear: pairReports(reports, [...pairs.values()]), indexed: reports.length };
}
