/**
 * One reading of a written value by column kind (`readValue`): the parser's cells and the rule
 * asking whether an uncertain cell could sit in another column of its row read values the same way.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnKind } from '../../server/src/core/formats/types';
import { readValue } from '../../server/src/core/parse/cells';

const cases: [ColumnKind, string, number | null][] = [
  ['count', '12', 12],
  ['count', '3件', 3],
  ['count', '3次', 3],
  ['count', '1,234', 1234],
  ['count', '+3', null],
  ['count', '-3', null],
  ['count', '3.5', null],
  ['count', '3%', null],
  ['count', '3元', null],
  ['count', '增加3', null],
  ['count', '—', null],
  ['count', '约3', null],
  ['signed', '+3', 3],
  ['signed', '-2', -2],
  ['signed', '0', 0],
  ['signed', '增加3', 3],
  ['signed', '减少2件', -2],
  ['signed', '减2', -2],
  ['signed', '2.5', null],
  ['signed', '3万元', null],
  ['money', '0', 0],
  ['money', '8808.13', 8808.13],
  ['money', '1,234.5万元', 1234.5],
  ['money', '+3', 3],
  ['money', '-3', null],
  ['money', '增加3', null],
];

describe('readValue: a value by its column kind', () => {
  for (const [kind, raw, want] of cases) {
    it(`${kind} "${raw}" → ${want === null ? 'invalid' : want}`, () => {
      const r = readValue(kind, raw);
      assert.equal(r.ok, want !== null);
      assert.equal(r.value, want);
    });
  }
  it('keeps the unit and the sign as written', () => {
    assert.deepEqual(readValue('money', '1,234.5万元'), { ok: true, value: 1234.5, unit: '万元', sign: null });
    assert.deepEqual(readValue('signed', '减少2件'), { ok: true, value: -2, unit: null, sign: '减' });
    assert.deepEqual(readValue('signed', '-2件'), { ok: true, value: -2, unit: '件', sign: '-' });
  });
});
