/**
 * Reports grouped into series: one body's reports by year, each paired with the report of the
 * year before, if there is one. A year missing from a series is said, never bridged (2021 is not
 * checked against 2019). The same report in two files (a .pdf and its imported .txt) counts once;
 * two files of one body and year that differ are not paired at all (which one is last year's?).
 */
import { bodyBucket, sameBody } from './body';
import type { Extract } from './extract';

/** What a report is checked against: last year's extract and its file, or the gap before it. */
export interface CrossYear {
  previous?: { file: string; extract: Extract };
  /** The year before is missing from the series: the latest earlier report found. */
  gap?: { file: string; year: number };
  /** Two differing reports of the year before were found: none was used. */
  conflict?: { files: [string, string]; year: number };
}

export interface Indexed {
  file: string;
  extract: Extract;
}

/** Whether two extracts are the same report (the same figures where both were read). */
function sameReport(a: Extract, b: Extract): boolean {
  if (a.format !== b.format) return false;
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  for (const k of keys) if (a.cells[k]?.value !== b.cells[k]?.value) return false;
  return true;
}

/**
 * Pairs every indexed report with last year's. `pairs` are [last, this] files paired by hand (the
 * config's `pairs`, `--previous`): they take precedence over names.
 */
export function pairReports(reports: Indexed[], pairs: [string, string][] = []): Map<string, CrossYear> {
  const out = new Map<string, CrossYear>();
  const byFile = new Map(reports.map((r) => [r.file, r]));
  const byHand = new Set<string>();
  for (const [last, self] of pairs) {
    const prev = byFile.get(last);
    if (!prev || !byFile.has(self)) continue;
    out.set(self, { previous: { file: prev.file, extract: prev.extract } });
    byHand.add(self);
  }
  // Series: bodies by bucket, then merged only when the names agree.
  const buckets = new Map<string, Indexed[][]>();
  for (const r of reports) {
    const { body, year } = r.extract;
    if (!body || year === null) continue;
    const bucket = buckets.get(bodyBucket(body)) ?? [];
    buckets.set(bodyBucket(body), bucket);
    const series = bucket.find((s) => s.every((x) => sameBody(x.extract.body!, body)));
    if (series) series.push(r);
    else bucket.push([r]);
  }
  for (const bucket of buckets.values()) {
    for (const series of bucket) {
      // One report per year: duplicates that agree count once; ones that differ are set aside.
      const years = new Map<number, { r: Indexed; conflict?: string }>();
      for (const r of series) {
        const y = r.extract.year!;
        const seen = years.get(y);
        if (!seen) years.set(y, { r });
        else if (!seen.conflict && !sameReport(seen.r.extract, r.extract)) seen.conflict = r.file;
      }
      const sorted = [...years.keys()].sort((a, b) => a - b);
      for (const r of series) {
        if (byHand.has(r.file)) continue;
        const y = r.extract.year!;
        const k = sorted.indexOf(y);
        if (k <= 0) continue;
        const before = years.get(sorted[k - 1]!)!;
        if (sorted[k - 1] !== y - 1) out.set(r.file, { gap: { file: before.r.file, year: sorted[k - 1]! } });
        else if (before.conflict) out.set(r.file, { conflict: { files: [before.r.file, before.conflict], year: y - 1 } });
        else out.set(r.file, { previous: { file: before.r.file, extract: before.r.extract } });
      }
    }
  }
  return out;
}
