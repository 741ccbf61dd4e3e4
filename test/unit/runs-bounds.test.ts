/**
 * Why the search of run-together digits cannot blow up, asserted by its counter (runSteps), never by
 * a clock: a run over RUN_LIMITS.runDigits digits is not cut at all, and one block's search stops
 * after RUN_LIMITS.nodes nodes. Whatever the input, the table is said to be unclear once, and no
 * sum is checked on a guess.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import type { Finding } from '../../server/src/core/finding';
import { RUN_LIMITS, runSteps } from '../../server/src/core/parse/runs';
import { reportTemplate } from '../../server/src/core/skeleton';

const HUGE = 20_000_000;
const ARITHMETIC = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];
const UNCLEAR = ['table.unreadable', 'table.ambiguous'];

/** The template's lines; a table row is its label, then a tab before every (blank) cell. */
const lines = reportTemplate(2023, '某某局').split('\n');
const isRow = (l: string) => /^[^\t]*\t+$/.test(l);
const rowCount = lines.filter(isRow).length;
/** Every table row's cells replaced by `cells(k)` for the k-th row. */
const filled = (cells: (k: number) => string) => {
  let k = 0;
  return lines.map((l) => (isRow(l) ? l.replace(/\t+$/, () => cells(k++)) : l));
};

/** Checks `text`, counting the search: nodes in all, budgets opened, the most nodes one budget spent. */
function counted(text: string) {
  const count = runSteps.count;
  const searches = runSteps.searches;
  runSteps.most = 0;
  const r = check(text);
  return { r, nodes: runSteps.count - count, searches: runSteps.searches - searches, most: runSteps.most };
}

/** Each table read with uncertainty is said to be so once, and no sum is checked on a guess. */
function saysUnclearOnce(r: ReturnType<typeof check>) {
  const unsure = r.report.tables.filter((t) => t.confidence === 'uncertain');
  assert.ok(unsure.length > 0, 'the run makes its table uncertain');
  for (const t of unsure) {
    const inside = (f: Finding) => f.range[0] >= t.range[0] && f.range[1] <= t.range[1];
    assert.equal(r.findings.filter((f) => UNCLEAR.includes(f.rule) && inside(f)).length, 1, `one finding says ${t.decl.id} is unclear`);
  }
  assert.deepEqual(
    r.findings.filter((f) => ARITHMETIC.includes(f.rule)).map((f) => f.rule),
    [],
  );
}

describe('run-together digits: the bounds, by the counter', () => {
  it('表三 row 一 followed by a 20 MB run of digits: no node searched, one table.unreadable', () => {
    let first = true;
    const text = lines
      .map((l) => {
        if (!isRow(l)) return l;
        if (!first || !l.startsWith('一、本年新收')) return l.replace(/\t/g, '\t0');
        first = false;
        return `${l.replace(/\t+$/, '')}\t${'7'.repeat(HUGE)}`;
      })
      .join('\n');
    const { r, nodes, searches } = counted(text);
    assert.equal(searches, 1, 'one block has a run to search');
    assert.equal(nodes, 0, `a run over ${RUN_LIMITS.runDigits} digits is rejected by its length before any cut`);
    saysUnclearOnce(r);
    const requests = r.report.tables.find((t) => t.decl.id === 'requests')!;
    assert.equal(requests.blocks[0]!.rows.find((row) => row.decl.id === 'new')!.unclear, 'merged');
  });

  it('a page that is one 20 MB line of digits between the tables’ labels: no node searched, each table unclear once', () => {
    const per = Math.ceil(HUGE / rowCount);
    const text = filled((k) => String((k % 9) + 1).repeat(per)).join('');
    assert.ok(text.length >= HUGE && !text.includes('\n'));
    const { r, nodes, searches } = counted(text);
    assert.ok(searches >= 2, `${searches} blocks with runs`);
    assert.equal(nodes, 0);
    saysUnclearOnce(r);
  });

  it('every row a run of 24 digits (表三: ~80,000 cuts a row, 25 rows): a block’s search stops at the node bound', () => {
    const text = filled(() => '1'.repeat(24)).join('\n');
    const { r, nodes, searches, most } = counted(text);
    assert.equal(most, RUN_LIMITS.nodes, 'a block’s search reached its bound and went no further');
    assert.ok(nodes <= searches * RUN_LIMITS.nodes, `${nodes} nodes in ${searches} searches`);
    saysUnclearOnce(r);
  });
});
