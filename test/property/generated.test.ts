/**
 * Generated reports: complete and consistent, in every layout real drafts come in. The parser must
 * find every cell where the generator wrote it, with its value, and the rules must find nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check, localize } from '../../server/src/core';
import { render, specArb, sumsHold } from './gen';
import { cellsByKey, findingProblems } from './invariants';

describe('property: generated reports', () => {
  it('the generator keeps every declared sum', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        assert.deepEqual(
          sumsHold(spec).map((s) => s.id),
          [],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the parser finds every cell where it was written, with its value; no finding at all', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const { text, cells } = render(spec, spec.style, true);
        const r = check(text);
        assert.deepEqual(findingProblems(text, r.findings), []);
        assert.equal(r.report.format, spec.format);
        assert.equal(r.report.year, spec.year);
        assert.deepEqual(
          r.report.sections.map((s) => s.decl.number),
          [1, 2, 3, 4, 5, 6],
        );
        const found = cellsByKey(r.report);
        assert.deepEqual([...found.keys()].sort(), [...cells.keys()].sort(), 'the same cells');
        for (const [key, range] of cells) {
          const c = found.get(key)!;
          assert.equal(c.state, 'ok', `${key}: “${c.raw}” is ${c.state}`);
          assert.deepEqual(c.range, range, `${key}: where it was written`);
          const want = spec.values.get(key);
          if (want !== undefined) assert.equal(c.value, want, `${key}: its value`);
        }
        assert.equal(r.arith.sums.filter((s) => !s.evaluable).length, 0, 'every sum evaluable');
        assert.deepEqual(
          r.findings.map((f) => `${f.rule}: ${localize(f.message, 'zh')}`),
          [],
          'a complete, consistent report has no finding',
        );
      }),
      { numRuns: 200 },
    );
  });
});
