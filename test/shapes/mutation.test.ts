/**
 * One changed number, in every shape real text comes in (issue 12, item 6): a generated report reads
 * back cell for cell; changing one number of a table gives only findings that number explains — the
 * sums it breaks, on the changed cell (表四's parts: on their group's total), or, where the change
 * leaves the row unclear (digits run together), one table.unreadable or table.ambiguous — never
 * another finding, and never a fix that writes into a cell other than the one changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type Finding } from '../../server/src/core';
import { ARITH_RULES } from '../helpers';
import { loadFixtures, SAMPLE_IDS, shapeNames } from './harness';
import { Rng } from '../property/mutate';

/** The rules a changed number may bring: its broken sums, the narrative that repeats it, or one unsure reading. */
const ALLOWED = new Set([...ARITH_RULES, 'text.table-mismatch', 'table.unreadable', 'table.ambiguous']);

const key = (f: Finding) => `${f.rule}@${f.range[0]}`;

test('one changed number in every shape: only the findings it explains, fixes on that cell only', () => {
  const rng = new Rng(20261203);
  let tried = 0;
  for (const shape of shapeNames()) {
    for (const f of loadFixtures(
      [shape],
      SAMPLE_IDS.filter((id) => id < '200'),
    )) {
      const before = check(f.text);
      const seen = new Set(before.findings.map(key));
      // The cells read with certainty, each on its own (not cut out of a run): one of them changed.
      const cells = before.report.tables
        .filter((t) => t.confidence === 'certain')
        .flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)))
        .filter((c) => c.state === 'ok' && !c.split && /^\d+$/.test(c.raw));
      for (let k = 0; k < 3 && cells.length; k++) {
        const c = cells[rng.int(cells.length)]!;
        const value = String(Number(c.raw) + 1 + rng.int(5));
        const text = f.text.slice(0, c.range[0]) + value + f.text.slice(c.range[1]);
        const shift = value.length - c.raw.length;
        const at = (x: number) => (x >= c.range[1] ? x - shift : x);
        const after = check(text);
        const fresh = after.findings.filter((x) => !seen.has(`${x.rule}@${at(x.range[0])}`));
        const where = `${shape}/${f.id}: ${c.col.id} ${c.raw} → ${value}`;
        assert.deepEqual(
          fresh.filter((x) => !ALLOWED.has(x.rule)).map((x) => `${x.rule} “${text.slice(x.range[0], x.range[1])}”`),
          [],
          where,
        );
        const changed: [number, number] = [c.range[0], c.range[0] + value.length];
        for (const x of fresh) {
          for (const e of x.fix ? [x.fix, ...(x.fix.more ?? [])] : []) {
            // A fix writes into the changed cell, or into a total its change broke (表四's group total,
            // a 总计 the sums blame): never into a cell whose number was right and is not a total.
            const onChanged = e.range[0] >= changed[0] && e.range[1] <= changed[1];
            const cell = after.report.tables
              .flatMap((t) => t.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells)))
              .find((y) => y.range[0] <= e.range[0] && e.range[1] <= y.range[1]);
            assert.ok(onChanged || cell?.col.id.endsWith('total') || cell?.col.id === 'total', `${where}: ${x.rule}'s fix writes “${e.text}” elsewhere`);
          }
        }
        tried++;
      }
    }
  }
  assert.ok(tried >= 100, `${tried} changes tried`);
});
