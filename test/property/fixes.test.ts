/**
 * Fixes never corrupt: applying every preferred fix and checking again leaves none of the fixed
 * findings and adds no broken sum; fix-all is idempotent; a cell's fix changes that cell and no other.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFixes, check, localize, parse, preferredFixes, type Edit, type Finding, type Fix } from '../../server/src/core';
import type { Range } from '../../server/src/core/model';
import { cellsByKey, findingProblems, mapThrough } from './invariants';
import { draftArb } from './mutate';

const arithKey = (s: { block: { decl: { slot: string } }; decl: { id: string } }) => `${s.block.decl.slot}:${s.decl.id}`;

function editsOf(fixes: Fix[]): Edit[] {
  const seen = new Set<string>();
  const out: Edit[] = [];
  for (const f of fixes) {
    for (const e of [{ range: f.range, text: f.text }, ...(f.more ?? [])]) {
      const k = JSON.stringify([e.range, e.text]);
      if (!seen.has(k)) out.push(e);
      seen.add(k);
    }
  }
  return out;
}

/** A finding on the fixed cell: within its new text (a blank's finding reaches to the separators around it). */
const within = (a: Range, cell: Range) => a[0] >= cell[0] - 1 && a[1] <= cell[1] + 1;
const show = (f: Finding) => `${f.rule} [${f.range}] ${localize(f.message, 'zh')}`;

/** One pass: every preferred fix applied at once (what an editor's “fix all” does). */
function fixOnce(text: string): string {
  return applyFixes(text, preferredFixes(check(text).findings)).text;
}

/** Fix-all as the CLI's --fix does it: passes until nothing changes (a filled blank can make a total fixable). */
const MAX_PASSES = 8;
function fixAll(text: string): { text: string; passes: number } {
  let t = text;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const next = fixOnce(t);
    if (next === t) return { text: t, passes: pass };
    t = next;
  }
  return { text: t, passes: MAX_PASSES + 1 };
}

const CELL_RULES = [
  'table.row-total',
  'table.result-total',
  'table.identity',
  'table.group-total',
  'table.cell-blank',
  'table.cell-invalid',
  'table.unit',
  'table.sign',
];

describe('property: fixes', () => {
  it('fix-all leaves none of the fixed findings and breaks no sum that held', () => {
    fc.assert(
      fc.property(draftArb, (text) => {
        const before = check(text);
        const applied = applyFixes(text, preferredFixes(before.findings));
        const after = check(applied.text);
        assert.deepEqual(findingProblems(applied.text, after.findings), []);
        const was = new Set(before.arith.broken.map(arithKey));
        assert.deepEqual(
          after.arith.broken.map(arithKey).filter((k) => !was.has(k)),
          [],
          'no new broken sum',
        );
        const edits = editsOf(applied.applied);
        for (const f of before.findings) {
          if (!f.fix || !applied.applied.includes(f.fix)) continue;
          const moved: Range = [mapThrough(edits, f.range[0]), mapThrough(edits, f.range[1])];
          // The same finding again: on the same cell (cell rules), or saying the same thing (the others).
          const same = (g: Finding) =>
            g.rule === f.rule && (CELL_RULES.includes(f.rule) ? within(g.range, moved) : localize(g.message, 'zh') === localize(f.message, 'zh'));
          const still = after.findings.filter(same);
          assert.deepEqual(still.map(show), [], `fixed: ${show(f)}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('fix-all converges and is idempotent', () => {
    fc.assert(
      fc.property(draftArb, (text) => {
        const once = fixAll(text);
        assert.ok(once.passes <= MAX_PASSES, `fix-all still changes the text after ${MAX_PASSES} passes`);
        assert.equal(fixAll(once.text).text, once.text);
      }),
      { numRuns: 150 },
    );
  });

  it('a cell’s fix changes that cell and no other', () => {
    fc.assert(
      fc.property(draftArb, (text) => {
        const r = check(text);
        const cells = cellsByKey(r.report);
        const byRange = new Map([...cells].map(([k, c]) => [`${c.range}`, k]));
        for (const f of r.findings) {
          if (!CELL_RULES.includes(f.rule)) continue;
          for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) {
            const key = byRange.get(`${fix.range}`);
            assert.ok(key, `${show(f)}: the fix [${fix.range}] edits a cell`);
            assert.equal(fix.more, undefined);
            // A row that lacks cells is read as best it can be (see the todo below): complete rows only.
            if (r.arith.rowOf.get(cells.get(key)!)?.cells.some((c) => c.state === 'missing')) continue;
            const fixed = cellsByKey(parse(applyFixes(text, [fix]).text));
            const cell = fixed.get(key);
            assert.ok(cell && cell.state === 'ok', `${show(f)}: “${fix.text}” makes ${key} a number (${cell?.state} “${cell?.raw}”)`);
            assert.equal(cell.value, Number(fix.text.trim().replace(/^\+/, '')), `${key}: the value written`);
            for (const [k, c] of cells) {
              if (k === key) continue;
              const d = fixed.get(k);
              assert.deepEqual([d?.state, d?.value, d?.raw], [c.state, c.value, c.raw], `${show(f)} → “${fix.text}”: ${k} unchanged`);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
