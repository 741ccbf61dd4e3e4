/**
 * `tidy`'s promises (tidyInvariants.ts) over texts of every kind: the shape fixtures of every shape
 * (flattened web pages, one cell per line, PDF text…), the examples and layouts of the repository,
 * and generated reports in every format and layout. `npx tsx test/property/tidy-all.ts` runs them
 * over every shape fixture and prints the counts per shape.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { read, ROOT } from '../helpers';
import { loadFixtures, shapeNames } from '../shapes/harness';
import { repoTexts, soupArb } from './bases';
import { render, specArb } from './gen';
import { applyMutations, mutationArb } from './mutate';
import { tidyProblems } from './tidyInvariants';

/** Five reports of each shape, of both formats, with and without blank cells. */
const IDS = ['000', '001', '201', '210', '230'];

const texts = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.(txt|md)$/.test(f) && !f.endsWith('.notes.md') && !f.endsWith('.errors.md'))
    .map((f) => join(dir, f));

describe('property: tidy', () => {
  it('the shape fixtures: outside the tables the text as written, cells as read, the same findings, idempotent', () => {
    const fixtures = loadFixtures(shapeNames(), IDS);
    assert.ok(fixtures.length >= 35, `${fixtures.length} fixtures`);
    let tidied = 0;
    for (const f of fixtures) {
      const { result, problems } = tidyProblems(f.text);
      assert.deepEqual(problems, [], `${f.shape}/${f.id}`);
      tidied += result.tablesTidied;
    }
    // Most tables are read with certainty, and so rewritten.
    assert.ok(tidied > fixtures.length, `${tidied} tables tidied in ${fixtures.length} reports`);
  });

  it('the examples and the layouts of the repository', () => {
    for (const file of [...texts('examples'), ...texts('examples/errors'), ...texts('test/fixtures/layouts')]) {
      const { result, problems } = tidyProblems(read(file));
      assert.deepEqual(problems, [], file);
      assert.ok(result.changed, `${file} is not already tidy`);
    }
  });

  it('generated reports in every format and layout', () => {
    fc.assert(
      fc.property(specArb(), (spec) => {
        const { problems } = tidyProblems(render(spec).text);
        assert.deepEqual(problems, []);
      }),
      { numRuns: 60 },
    );
  });
});

describe('property: tidy on damaged drafts', () => {
  const bases = repoTexts();
  it('mutated reports and soups of the formats’ words: no crash, and every promise kept', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(specArb(), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([spec, ms]) => applyMutations(render(spec).text, ms)),
          fc.tuple(fc.constantFrom(...bases), fc.array(mutationArb, { minLength: 1, maxLength: 6 })).map(([b, ms]) => applyMutations(b.text, ms)),
          soupArb,
        ),
        (text) => {
          assert.deepEqual(tidyProblems(text).problems, []);
        },
      ),
      { numRuns: 120 },
    );
  });
});
