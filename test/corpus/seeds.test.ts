/**
 * The real published reports in ../shared/corpus/seeds (CI has ../shared; a clone may not).
 * Expected findings for each are written in test/corpus/expected/NAME.json.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, check, localize } from '../../server/src/core';
import { ARITH_RULES, ROOT, summary } from '../helpers';

const SEEDS = join(ROOT, '..', 'shared', 'corpus', 'seeds');
const present = existsSync(SEEDS);
const seeds = present
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe('corpus seeds', { skip: present ? false : `${SEEDS} not found` }, () => {
  it('are all here', () => assert.equal(seeds.length, 5));

  it('nianbao show --format json: one array, version 1, three tables in every seed', () => {
    const cli = join(ROOT, 'server/out/cli.js');
    assert.ok(existsSync(cli), 'the CLI is built (npm run build)');
    const r = spawnSync(process.execPath, [cli, 'show', '--format', 'json', SEEDS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, r.stderr);
    const shown = JSON.parse(r.stdout) as { version: number; file: string; tables: { id: string }[] }[];
    assert.deepEqual(
      shown.map((s) => s.file.split('/').pop()),
      seeds,
    );
    for (const s of shown) {
      assert.equal(s.version, 1, s.file);
      assert.deepEqual(
        s.tables.map((t) => t.id),
        ['active', 'requests', 'review'],
        s.file,
      );
    }
  });

  for (const name of seeds) {
    const text = readFileSync(join(SEEDS, name), 'utf8');
    const expected = JSON.parse(readFileSync(join(ROOT, 'test/corpus/expected', name.replace(/\.txt$/, '.json')), 'utf8'));
    it(`${name}: six sections, the expected findings, no false arithmetic`, () => {
      const r = check(text);
      assert.equal(r.report.format, expected.format);
      assert.equal(r.report.year, expected.year);
      assert.deepEqual(
        r.report.sections.map((s) => s.decl.number),
        [1, 2, 3, 4, 5, 6],
      );
      assert.deepEqual(summary(text, r.findings), expected.findings);
      assert.deepEqual(
        r.findings.filter((f) => ARITH_RULES.includes(f.rule)),
        [],
        'no arithmetic finding on a published seed',
      );
    });
  }

  // In a complete 表三 every cell lies on two or three sums, so any single change can be pinned to its cell.
  for (const name of seeds.filter((s) => /^00[12]_/.test(s))) {
    it(`${name}: every single change in 表三, and every 表四 总计, is pinned to its cell and fixed back`, () => {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const base = check(text);
      const cells = base.report.tables.flatMap((t) =>
        t.blocks.flatMap((b) =>
          b.rows.flatMap((r) =>
            r.cells.filter((c) => c.state === 'ok' && (b.decl.slot === 'requests' || (b.decl.slot === 'review' && c.col.id.endsWith('.total')))),
          ),
        ),
      );
      assert.ok(cells.length >= 23 * 7, `cells under test: ${cells.length}`);
      for (const c of cells) {
        for (const delta of [1, 3]) {
          const v = String(c.value! + delta);
          const mutated = text.slice(0, c.range[0]) + v + text.slice(c.range[1]);
          const r = check(mutated);
          const arith = r.findings.filter((f) => ARITH_RULES.includes(f.rule));
          assert.ok(arith.length >= 1, `${c.col.id}: found`);
          for (const f of arith) {
            assert.deepEqual(f.range, [c.range[0], c.range[0] + v.length], `${localize(f.message, 'zh')} names the changed cell`);
            assert.ok(f.fix, 'with a preferred fix');
          }
          const back = applyFixes(
            mutated,
            arith.map((f) => f.fix!),
          );
          assert.equal(back.text, text, 'the fixes give back the published text');
        }
      }
    });
  }
});
