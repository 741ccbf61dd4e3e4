/**
 * `npx tsx test/property/tidy-all.ts [shape,shape…]`: tidy's promises over every shape fixture,
 * with the count of tables rewritten and kept as written (and why) per shape. Exit 1 when a
 * promise is broken; the first breaks are printed.
 */
import type { KeptReason } from '../../server/src/core';
import { loadFixtures } from '../shapes/harness';
import { tidyProblems } from './tidyInvariants';

const shapes = process.argv[2] ? process.argv[2].split(',') : undefined;
const rows = new Map<string, { reports: number; broken: number; tidied: number; kept: Record<KeptReason, number> }>();
const broken: string[] = [];
for (const f of loadFixtures(shapes)) {
  let row = rows.get(f.shape);
  if (!row) rows.set(f.shape, (row = { reports: 0, broken: 0, tidied: 0, kept: { uncertain: 0, format: 0, text: 0, findings: 0 } }));
  row.reports++;
  let problems: string[];
  try {
    const r = tidyProblems(f.text);
    problems = r.problems;
    row.tidied += r.result.tablesTidied;
    for (const s of r.result.spans) if (s.kept) row.kept[s.kept]++;
  } catch (e) {
    problems = [`crash: ${(e as Error).stack}`];
  }
  if (problems.length) {
    row.broken++;
    if (broken.length < 20) broken.push(`${f.shape}/${f.id}: ${problems.slice(0, 3).join(' ; ')}`);
  }
}
console.log('| shape | reports | promises broken | tables tidied | kept: uncertain | kept: other text | kept: findings would change | kept: no format |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [shape, r] of rows)
  console.log(`| ${shape} | ${r.reports} | ${r.broken} | ${r.tidied} | ${r.kept.uncertain} | ${r.kept.text} | ${r.kept.findings} | ${r.kept.format} |`);
if (broken.length) console.log(`\n${broken.join('\n')}`);
process.exitCode = broken.length ? 1 : 0;
