/**
 * Changing one number of a consistent report produces exactly the findings that number breaks: one
 * arithmetic finding per declared sum the cell lies on, each on the changed cell, with a preferred
 * fix that restores it. (表四: the part cells lie on one sum only, which any of its five cells could
 * repair; by design the group total is corrected then.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFixes, check, localize, preferredFixes } from '../../server/src/core';
import { ARITH_RULES } from '../helpers';
import { cellKey, render, specArb, sumBlocks, sumsOfCell, withCell, type Spec } from './gen';
import { findingProblems } from './invariants';

/** A spec, one of its 表三/表四 cells, and a new value for it. */
const changeArb = specArb().chain((spec) => {
  const keys = sumBlocks(spec.format).flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => cellKey(b.slot, r.id, c.id))));
  return fc
    .record({
      spec: fc.constant(spec),
      key: fc.constantFrom(...keys),
      value: fc.oneof(fc.nat(20), fc.nat(100000)),
    })
    .filter(({ spec, key, value }) => spec.values.get(key) !== value);
});

function tally(xs: string[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}

describe('property: one changed number', () => {
  it('gives one arithmetic finding per sum it breaks, on the changed cell (表四 parts: on the group total)', () => {
    fc.assert(
      fc.property(changeArb, ({ spec, key, value }) => {
        const old = spec.values.get(key)!;
        const changed: Spec = withCell(spec, key, String(value), value);
        const { text, cells } = render(changed, changed.style, true);
        const r = check(text);
        assert.deepEqual(findingProblems(text, r.findings), []);
        const arith = r.findings.filter((f) => ARITH_RULES.includes(f.rule));
        const broken = sumsOfCell(spec.format, key);
        assert.deepEqual(tally(arith.map((f) => f.rule)), tally(broken.map((b) => b.sum.rule)), 'one finding per broken sum');
        assert.deepEqual(r.arith.broken.map((s) => s.decl.id).sort(), broken.map((b) => b.sum.id).sort(), 'the sums broken');
        // Nothing else but (perhaps) the narrative that repeats the changed figure.
        const others = r.findings.filter((f) => !ARITH_RULES.includes(f.rule) && f.rule !== 'text.table-mismatch');
        assert.deepEqual(
          others.map((f) => `${f.rule}: ${localize(f.message, 'zh')}`),
          [],
        );

        const [slot, , col] = key.split('|');
        const groupPart = slot === 'review' && !col!.endsWith('.total');
        // 表四: a part's one broken sum could be repaired by any of its cells: the total is corrected.
        const target = groupPart ? cellKey('review', 'cases', `${col!.split('.')[0]}.total`) : key;
        const targetRange = cells.get(target)!;
        const want = groupPart ? spec.values.get(target)! - old + value : old;
        for (const f of arith) {
          assert.deepEqual(f.range, targetRange, `${f.rule} points at ${target}`);
          assert.ok(f.fix, `${f.rule} has a preferred fix`);
          assert.deepEqual(f.fix.range, targetRange, `${f.rule}: the fix edits ${target} only`);
          assert.equal(f.fix.text, String(want), `${f.rule}: the fix writes ${want}`);
          assert.equal(f.fix.more, undefined);
        }
        // Applying the fixes puts everything right again.
        const fixed = applyFixes(text, preferredFixes(arith)).text;
        const again = check(fixed);
        assert.deepEqual(
          again.arith.broken.map((s) => s.decl.id),
          [],
          'every sum holds after the fix',
        );
      }),
      { numRuns: 200 },
    );
  });
});
