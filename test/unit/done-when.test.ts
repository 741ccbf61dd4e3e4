/**
 * The reader's "done when" (issue 12), on written-out fixtures: a one-line page's wrong （七）总计, a
 * PDF text's wrong 表四 group total, and an HTML rendering's empty cells — each finding exactly where
 * it belongs, and nothing else claimed of the tables.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { loadFixtures } from '../shapes/harness';

const DIR = join(__dirname, '..', 'fixtures', 'done-when');

describe('done when: findings where real text puts them', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const expected = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { rule: string; range: [number, number]; text: string; note: string };
    it(`${name.replace('.json', '')}: ${expected.rule} on “${expected.text}” (${expected.note})`, () => {
      const text = readFileSync(join(DIR, name.replace('.json', '.txt')), 'utf8');
      assert.equal(text.slice(...expected.range), expected.text);
      const { findings } = check(text);
      // The finding on that cell; any other table finding only on the same cell (a wrong total breaks every sum it is in).
      const tables = findings.filter((f) => f.rule.startsWith('table.'));
      assert.ok(
        tables.some((f) => f.rule === expected.rule),
        tables.map((f) => f.rule).join(),
      );
      for (const f of tables) assert.deepEqual(f.range, expected.range, f.rule);
    });
  }

  it('a PDF text whose last 表四 total left the table and does not add up: not taken, the table said unsure once', () => {
    const text = readFileSync(join(__dirname, '..', 'shapes', 'fixtures', 'pdf-text', '002.txt'), 'utf8');
    const end = text.lastIndexOf('总计\n7');
    const moved = `${text.slice(0, end)}总计\n8${text.slice(end + 4)}`;
    const rules = check(moved)
      .findings.filter((f) => f.rule.startsWith('table.'))
      .map((f) => f.rule);
    assert.deepEqual(rules, ['table.unreadable']);
    assert.deepEqual(
      check(text).findings.filter((f) => f.rule.startsWith('table.')),
      [],
      'as published, read whole',
    );
  });

  it('an HTML rendering (innerText) with empty cells: table.cell-blank on exactly the empty cells, in every variant', () => {
    const fixtures = loadFixtures(['inner']).filter((f) => f.expected.blanks > 0);
    assert.ok(fixtures.length >= 40);
    for (const f of fixtures) {
      const { report, findings } = check(f.text);
      const blanks: [number, number][] = [];
      for (const t of Object.values(f.expected.tables))
        for (const row of t.rows)
          for (const [col, want] of Object.entries(row.cells)) {
            if (want !== null) continue;
            const r = report.tables
              .flatMap((x) => x.blocks.filter((b) => b.decl.slot === row.block))
              .flatMap((b) => b.rows.filter((y) => y.decl.id === row.row))[0];
            const c = r?.cells.find((x) => x.col.id === col);
            assert.ok(c && c.state === 'blank', `${f.id} ${row.block} ${row.row} ${col}: read as blank`);
            blanks.push(c.range);
          }
      // Each finding on one empty cell (its range may take in the separators around it), each empty cell with one finding.
      const claimed = findings.filter((x) => x.rule === 'table.cell-blank').map((x) => x.range);
      const on = (a: [number, number], b: [number, number]) => a[0] <= b[0] && b[1] <= a[1] && a[1] - a[0] <= b[1] - b[0] + 2;
      assert.equal(claimed.length, blanks.length, `${f.id}: one finding a cell`);
      for (const b of blanks)
        assert.ok(
          claimed.some((x) => on(x, b)),
          `${f.id}: ${b} has its finding`,
        );
      for (const x of claimed)
        assert.ok(
          blanks.some((b) => on(x, b)),
          `${f.id}: ${x} is on an empty cell`,
        );
    }
  });
});
