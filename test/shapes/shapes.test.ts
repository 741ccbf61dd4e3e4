/**
 * The shape fixtures under npm test: every expected model is consistent, the harness runs over a
 * fixed sample, and the numbers are compared with the recorded baseline (printed, with the change).
 * Accuracy does not fail the test yet (the reader is known to be wrong on these shapes); set
 * SHAPES_RATCHET=1 to fail when the sample does worse than the baseline.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatById } from '../../server/src/core';
import { aggregate, FIXTURES, type FixtureResult, type GroupStats, loadFixtures, markdown, measure, readBaseline, SAMPLE_IDS, shapeNames } from './harness';
import { brokenSums, type Expected } from './model';

const SHAPES = shapeNames();

test('shape fixtures: every shape has at least 200 variants, each a text and its expected model', () => {
  assert.ok(SHAPES.length >= 7, `shapes: ${SHAPES.join(', ')}`);
  for (const s of SHAPES) {
    const files = readdirSync(join(FIXTURES, s));
    const ids = files.filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, 3));
    assert.ok(ids.length >= 200, `${s}: ${ids.length} variants`);
    for (const id of ids) assert.ok(files.includes(`${id}.txt`), `${s}/${id}.txt`);
  }
});

test('shape fixtures: every expected model is consistent (its sums hold per the format declarations)', () => {
  for (const s of SHAPES) {
    const dir = join(FIXTURES, s);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.expected.json'))) {
      const e = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
      const where = `${s}/${f}`;
      assert.ok(formatById(e.format), `${where}: format ${e.format}`);
      assert.deepEqual(
        e.sections.map((x) => x.id),
        formatById(e.format)!.sections.map((x) => x.id),
        `${where}: the six sections`,
      );
      assert.deepEqual(brokenSums(e), [], `${where}: broken sums`);
      const blanks = Object.values(e.tables).reduce((a, t) => a + t.rows.reduce((b, r) => b + Object.values(r.cells).filter((v) => v === null).length, 0), 0);
      assert.equal(blanks, e.blanks, `${where}: blank cells`);
    }
  }
});

test('shape harness: runs over the sample and compares with the baseline', () => {
  const fixtures = loadFixtures(SHAPES, SAMPLE_IDS);
  assert.equal(fixtures.length, SHAPES.length * SAMPLE_IDS.length);
  const results: FixtureResult[] = fixtures.map(measure);
  for (const r of results) {
    assert.equal(r.right + r.wrong + r.unsure + r.notRead, r.cells, `${r.shape}/${r.id}: every cell counted once`);
    assert.ok(r.cells >= 190, `${r.shape}/${r.id}: ${r.cells} expected cells`);
  }
  // Never a number-writing fix or suggestion on a cell whose written value was right, on any shape.
  assert.deepEqual(
    results.filter((r) => r.badFixes || r.badSuggestions).map((r) => `${r.shape}/${r.id}: ${r.badFixes} fixes, ${r.badSuggestions} suggestions`),
    [],
  );
  // Never a cell read with certainty and read wrong: a wrong reading is said to be unsure, or not made.
  assert.deepEqual(
    results.filter((r) => r.wrong).map((r) => `${r.shape}/${r.id}: ${r.wrong} cells read wrong with certainty`),
    [],
  );
  const stats = aggregate(results);
  const baseline = readBaseline();
  assert.ok(baseline && existsSync(join(__dirname, 'baseline.json')), 'test/shapes/baseline.json is recorded (npm run shapes -- --write-baseline)');
  assert.deepEqual(baseline.sampleIds, SAMPLE_IDS, 'the baseline is of this sample');
  for (const [group, g] of Object.entries(stats)) {
    const b: GroupStats | undefined = baseline.sample[group];
    assert.ok(b, `the baseline records ${group}`);
    assert.equal(b.variants, g.variants, `${group}: the baseline counts the same variants`);
    assert.equal(b.cells, g.cells, `${group}: the baseline counts the same cells`);
  }
  console.log(
    `\nShapes, sample of ${SAMPLE_IDS.length} per shape (change against test/shapes/baseline.json in brackets):\n${markdown(stats, baseline.sample)}\n`,
  );
  if (process.env.SHAPES_RATCHET === '1') {
    for (const [group, g] of Object.entries(stats)) {
      const b: GroupStats = baseline.sample[group]!;
      assert.ok(g.right >= b.right, `${group}: cells read right ${g.right} < baseline ${b.right}`);
      assert.ok(g.falseFindings <= b.falseFindings, `${group}: false findings ${g.falseFindings} > baseline ${b.falseFindings}`);
      assert.ok(g.badFixes <= b.badFixes, `${group}: fixes changing a right number ${g.badFixes} > baseline ${b.badFixes}`);
    }
  }
});
