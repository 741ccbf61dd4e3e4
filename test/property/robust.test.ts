/**
 * Never crash, never hang, never point outside the text: the parser and every rule over generated
 * reports mutated the ways drafts are (lines deleted, duplicated, swapped, numbers blanked or
 * changed, random Unicode inserted, truncated anywhere), over the repository's real layouts mutated
 * the same way, over soups of the formats' own words, and over arbitrary UTF-16.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { render, specArb } from './gen';
import { checkSafely } from './invariants';
import { applyMutations, mutationArb } from './mutate';
import { repoTexts, soupArb } from './bases';

function sane(text: string) {
  const c = checkSafely(text);
  assert.deepEqual(c.problems, []);
}

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('property: never crash, never out of range', () => {
  it('generated reports, mutated', () => {
    fc.assert(
      fc.property(specArb(), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (spec, ms) => sane(applyMutations(render(spec).text, ms))),
      { numRuns: 200 },
    );
  });

  const bases = repoTexts();
  it(`the repository's ${bases.length} example and layout reports, mutated`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), (base, ms) => sane(applyMutations(base.text, ms))),
      { numRuns: 200 },
    );
  });

  it('truncated at every line and mid-line', () => {
    for (const base of bases.slice(0, 2)) {
      const ends = [...base.text.matchAll(/\n/g)].map((m) => m.index!).filter((_, k) => k % 3 === 0);
      for (const e of ends) {
        sane(base.text.slice(0, e));
        sane(base.text.slice(0, e + 1));
        sane(base.text.slice(0, Math.max(0, e - 3)));
      }
    }
  });

  it('soups of the formats’ words, numbers and separators', () => {
    fc.assert(fc.property(soupArb, sane), { numRuns: 400 });
  });

  it('arbitrary UTF-16, lone surrogates and controls included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyUnit, maxLength: 400, size: 'large' }), fc.string({ unit: 'binary', maxLength: 400, size: 'large' })), sane),
      { numRuns: 300 },
    );
  });
});
