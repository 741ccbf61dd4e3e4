/**
 * Fixture files: the bundled examples and one report per layout, each with the findings a person
 * should see written beside it (NAME.expected.json). After every preferred fix, checking again
 * leaves none of the fixed findings.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, check, preferredFixes } from '../../server/src/core';
import { ARITH_RULES, read, ROOT, summary } from '../helpers';

function fixtures(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => /\.(txt|md)$/.test(f) && !/\.(notes|errors)\.md$/.test(f))
    .map((f) => `${dir}/${f}`);
}

const ALL = [...fixtures('examples'), ...fixtures('examples/errors'), ...fixtures('test/fixtures/layouts')];

describe('fixtures: findings as written beside each file', () => {
  for (const file of ALL) {
    it(file, () => {
      const text = read(file);
      const expected = JSON.parse(read(file.replace(/\.(txt|md)$/, '.expected.json')));
      const r = check(text);
      assert.equal(r.report.format, expected.format, 'format');
      assert.equal(r.report.year, expected.year, 'year');
      assert.deepEqual(
        r.report.sections.map((s) => s.decl.number),
        expected.sections,
        'sections',
      );
      assert.deepEqual(summary(text, r.findings), expected.findings);
    });
  }
});

describe('fixtures: applying every preferred fix, then checking again', () => {
  for (const file of ALL) {
    it(file, () => {
      const text = read(file);
      const before = check(text);
      const fixed = applyFixes(text, preferredFixes(before.findings));
      assert.equal(fixed.skipped.length, 0, 'no fix overlaps another');
      const after = check(fixed.text);
      const fixedRules = new Set(before.findings.filter((f) => f.fix).map((f) => f.rule));
      // None of the fixed findings is left; no arithmetic finding appears that was not there.
      for (const f of after.findings) {
        assert.ok(!(fixedRules.has(f.rule) && f.fix), `still fixable after fix-all: ${f.rule}`);
      }
      const arithBefore = before.findings.filter((f) => ARITH_RULES.includes(f.rule)).length;
      const arithAfter = after.findings.filter((f) => ARITH_RULES.includes(f.rule)).length;
      assert.ok(arithAfter <= arithBefore, 'fixing adds no arithmetic finding');
      if (before.findings.some((f) => ARITH_RULES.includes(f.rule) && f.fix)) assert.equal(arithAfter, 0, 'every pinned arithmetic error is gone');
      // Fix-all is idempotent: a second run has nothing left to do.
      assert.deepEqual(preferredFixes(after.findings), []);
    });
  }
});
