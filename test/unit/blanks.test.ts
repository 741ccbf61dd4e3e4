/**
 * Blank cells decided by the whole table: an empty line in a grid whose rows show a period (label,
 * then one line per column), a missing value in a column layout whose full rows give each column's
 * position. Where the evidence is weak the row stays uncertain: values never move to close a gap.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';

const CELLS = {
  'new:natural': '3',
  'new:business': '2',
  'new:total': '5',
  'granted:natural': '3',
  'granted:business': '2',
  'granted:total': '5',
  'total:natural': '3',
  'total:business': '2',
  'total:total': '5',
};
const rows = () =>
  requestsExample(CELLS)
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));

const rowOf = (text: string, id: string) =>
  check(text)
    .report.tables.flatMap((t) => t.blocks)
    .flatMap((b) => b.rows)
    .find((r) => r.decl.id === id)!;

describe('blank cells from the whole table', () => {
  it('one cell per line: an empty line in a grid with a period is a blank cell, found once', () => {
    // 2.重复申请's 商业企业 left empty, as an HTML table's text writes it.
    const text = `${rows()
      .map((r) => (r[0]!.startsWith('2.重复申请') ? [r[0], r[1], '', ...r.slice(3)] : r).join('\n'))
      .join('\n')}\n`;
    const row = rowOf(text, 'rejected.repeat');
    assert.equal(row.confidence, 'certain');
    assert.deepEqual(
      row.cells.map((c) => c.state),
      ['ok', 'blank', 'ok', 'ok', 'ok', 'ok', 'ok'],
    );
    const blanks = check(text).findings.filter((f) => f.rule === 'table.cell-blank');
    assert.equal(blanks.length, 1);
    assert.deepEqual(blanks[0]!.range, row.cells[1]!.range);
  });

  it('cells separated by empty lines (no period): a row short of a value stays uncertain', () => {
    const text = `${rows()
      .map((r) => (r[0]!.startsWith('2.重复申请') ? [r[0], r[1], ...r.slice(3)] : r).join('\n\n'))
      .join('\n\n')}\n`;
    const row = rowOf(text, 'rejected.repeat');
    assert.equal(row.confidence, 'uncertain');
    const rules = check(text)
      .findings.filter((f) => f.rule.startsWith('table.'))
      .map((f) => f.rule);
    assert.deepEqual(rules, ['table.unreadable']);
  });

  it("a column layout (pdftotext -layout): the missing value's column is a blank cell where the full rows put it", () => {
    const pad = (r: string[]) =>
      r[0]!.padEnd(40, ' ') +
      r
        .slice(1)
        .map((c) => c.padEnd(8, ' '))
        .join('');
    const text = `${rows()
      .map((r) => (r.length === 1 ? r[0] : r[0]!.startsWith('2.重复申请') ? pad([r[0]!, r[1]!, ' ', ...r.slice(3)]) : pad(r)))
      .join('\n')}\n`;
    const row = rowOf(text, 'rejected.repeat');
    assert.equal(row.confidence, 'certain');
    assert.deepEqual(
      row.cells.map((c) => c.state),
      ['ok', 'blank', 'ok', 'ok', 'ok', 'ok', 'ok'],
    );
    assert.deepEqual(
      check(text)
        .findings.filter((f) => f.rule.startsWith('table.'))
        .map((f) => f.rule),
      ['table.cell-blank'],
    );
  });
});
