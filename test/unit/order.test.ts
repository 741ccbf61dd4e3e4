/**
 * Numbers apart from their labels, as a PDF's text in stream order writes them: a lump of numbers
 * placed on the rows it fits only where it stands between their neighbours' cells and the sums
 * vouch for it; otherwise the rows are read as out of order — one table.unreadable, never a blank
 * cell or a missing row claimed on a guess.
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

/** 表三 one cell per line; `lumpRows` (by label start) have their numbers written before `before`'s label (else after the other rows), and their labels last. */
function stream(lumpRows: string[], before: string): string {
  const rows = requestsExample(CELLS)
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t'));
  const moved = (r: string[]) => lumpRows.some((p) => r[0]!.startsWith(p));
  const lump = rows.filter(moved).flatMap((r) => r.slice(1));
  const out: string[] = [];
  let placed = false;
  for (const r of rows.filter((x) => !moved(x))) {
    if (r[0]!.startsWith(before)) {
      out.push(...lump);
      placed = true;
    }
    out.push(...r);
  }
  if (!placed) out.push(...lump);
  out.push(...rows.filter(moved).map((r) => r[0]!));
  return `${out.join('\n')}\n`;
}

const LAST = ['3.其他', '（七）总计', '四、结转下年度'];

describe('numbers apart from their labels', () => {
  it('a lump of numbers right before the labels it belongs to is read row by row', () => {
    // The lump stands after 2.申请人逾期…'s cells, where the rows it fits stand in the table.
    const text = stream(LAST, '\u0000');
    const { report, findings } = check(text);
    assert.deepEqual(
      findings.filter((f) => f.rule.startsWith('table.')).map((f) => f.rule),
      [],
    );
    const b = report.tables.find((t) => t.decl.id === 'requests')!.blocks[0]!;
    const total = b.rows.find((r) => r.decl.id === 'total')!;
    assert.deepEqual(
      total.cells.map((c) => c.value),
      [3, 2, 0, 0, 0, 0, 5],
    );
    assert.equal(b.confidence, 'certain');
  });

  it('the lump is placed even where the rest of the table is not read in order', () => {
    // A stray number elsewhere: the table's numbers no longer fill the grid in order.
    const text = stream(LAST, '\u0000').replace('1.属于国家秘密\n0\n', '1.属于国家秘密\n9\n0\n');
    const { report, findings } = check(text);
    const b = report.tables.find((t) => t.decl.id === 'requests')!.blocks[0]!;
    const total = b.rows.find((r) => r.decl.id === 'total')!;
    assert.equal(total.confidence, 'certain');
    assert.deepEqual(
      total.cells.map((c) => c.value),
      [3, 2, 0, 0, 0, 0, 5],
    );
    assert.deepEqual(
      findings.filter((f) => f.rule.startsWith('table.')).map((f) => f.rule),
      ['table.unreadable'],
      'the row with the stray number, once',
    );
  });

  it('a lump that stands elsewhere is not moved: the rows are out of order, said once', () => {
    // The last rows' numbers written before 一's label: they cannot be told to be theirs.
    const text = stream(LAST, '（一）予以公开');
    const { findings } = check(text);
    const rules = findings.filter((f) => f.rule.startsWith('table.')).map((f) => f.rule);
    assert.deepEqual(rules, ['table.unreadable']);
    assert.match(findings.find((f) => f.rule === 'table.unreadable')!.message.zh, /先后次序被打乱/);
  });

  it('rows whose labels stand after the table are not missing rows', () => {
    // 一 and 二's labels after the rest of the table, their numbers at the top in another order.
    const lines = requestsExample(CELLS).trimEnd().split('\n');
    const first = lines.slice(1, 3).map((l) => l.split('\t'));
    const rest = lines.filter((_, i) => i === 0 || i >= 3);
    const text = [lines[0], ...first[1]!.slice(1), ...first[0]!.slice(1, 4), ...rest.slice(1), ...first[0]!.slice(4), first[0]![0], first[1]![0], ''].join(
      '\n',
    );
    const { findings } = check(text);
    const rules = findings.filter((f) => f.rule.startsWith('table.')).map((f) => f.rule);
    assert.ok(!rules.includes('table.row-missing'), rules.join());
    assert.ok(!rules.includes('table.cell-blank'), rules.join());
    assert.ok(rules.includes('table.unreadable'), rules.join());
  });
});
