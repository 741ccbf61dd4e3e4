/** The parser on each layout: every table, row and cell found, with the values as written. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parse, type Report } from '../../server/src/core';
import { read } from '../helpers';

function cellValues(report: Report, table: string, row: string): (number | null)[] {
  const t = report.tables.find((x) => x.decl.id === table);
  const r = t?.blocks.flatMap((b) => b.rows).find((x) => x.decl.id === row);
  return r ? r.cells.map((c) => c.value) : [];
}

function complete(report: Report) {
  assert.deepEqual(
    report.tables.map((t) => t.decl.id),
    ['active', 'requests', 'review'],
  );
  for (const t of report.tables) {
    assert.deepEqual(t.missingBlocks, [], `${t.decl.id}: no block missing`);
    for (const b of t.blocks) {
      assert.deepEqual(
        b.missingRows.map((r) => r.id),
        [],
        `${b.decl.id}: no row missing`,
      );
      for (const r of b.rows) for (const c of r.cells) assert.equal(c.state, 'ok', `${b.decl.id} ${r.decl.id} ${c.col.id}: “${c.raw}”`);
    }
  }
}

const CLEAN: [string, '2019' | '2021', number][] = [
  ['test/fixtures/layouts/tabs-2021.txt', '2021', 2021],
  ['test/fixtures/layouts/cell-per-line-2019.txt', '2019', 2020],
  ['test/fixtures/layouts/pipe-2021.md', '2021', 2022],
  ['test/fixtures/layouts/fullwidth-2021.txt', '2021', 2021],
  ['test/fixtures/layouts/pdf-2020.txt', '2019', 2020],
  ['test/fixtures/layouts/web-2021.txt', '2021', 2021],
  ['examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt', '2021', 2022],
  ['examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md', '2021', 2021],
];

describe('layouts: clean reports parse completely and add up', () => {
  for (const [file, format, year] of CLEAN) {
    it(file, () => {
      const text = read(file);
      const r = check(text);
      assert.equal(r.report.format, format);
      assert.equal(r.report.year, year);
      assert.equal(r.report.sections.length, 6);
      assert.ok(
        r.report.sections.every((s) => s.heading),
        'every heading found',
      );
      complete(r.report);
      assert.equal(r.arith.broken.length, 0, 'every sum holds');
      assert.ok(r.arith.sums.filter((s) => s.evaluable).length >= 40, 'the sums were checked');
    });
  }
});

describe('layouts: details', () => {
  it('full-width digits read as numbers', () => {
    const r = parse(read('test/fixtures/layouts/fullwidth-2021.txt'));
    const total = cellValues(r, 'requests', 'total');
    assert.equal(total.length, 7);
    assert.ok(total.every((v) => typeof v === 'number'));
    assert.ok(total[6]! > 0);
  });

  it('cells one space apart keep their units: "0 608808.13万元", a viewer\'s "0 2 元"', () => {
    const head = '二、主动公开政府信息情况 第二十条第（九）项 信息内容 采购项目数量 采购总金额 政府集中采购 ';
    for (const [cells, want] of [
      ['0 608808.13万元', [0, 608808.13]],
      ['3 2 元', [3, 2]],
    ] as const) {
      const r = parse(`${head}${cells}\n`);
      const row = r.tables[0]!.blocks[0]!.rows[0]!;
      assert.deepEqual(
        row.cells.map((c) => c.value),
        want,
        cells,
      );
      assert.equal(row.confidence, 'certain');
    }
  });

  it('the 2021 fee amount keeps its decimals', () => {
    const r = parse(read('test/fixtures/layouts/fullwidth-2021.txt'));
    assert.deepEqual(cellValues(r, 'active', 'fees'), [23.6512]);
  });

  it('PDF text: a label broken around its cells is still found, page numbers skipped', () => {
    const r = parse(read('test/fixtures/layouts/pdf-2020.txt'));
    assert.deepEqual(cellValues(r, 'requests', 'rejected.confirm'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(cellValues(r, 'requests', 'total'), [18, 6, 0, 0, 2, 1, 27]);
  });

  it('cells that run together are cut where the sums hold, and marked so', () => {
    const r = check(read('test/fixtures/layouts/runtogether-2021.txt'));
    const row = r.report.tables[1]!.blocks[0]!.rows.find((x) => x.decl.id === 'granted')!;
    assert.equal(row.ambiguous, null);
    assert.deepEqual(
      row.cells.map((c) => [c.value, c.split, c.confidence]),
      [5, 0, 0, 0, 0, 1, 6].map((v) => [v, true, 'certain']),
    );
    assert.deepEqual(r.findings, []);
  });

  it('a truncated paste: the rows that are there, the section its table shows', () => {
    const r = check(read('test/fixtures/layouts/missing-rows-2020.txt'));
    const requests = r.report.tables.find((t) => t.decl.id === 'requests')!;
    assert.equal(requests.blocks[0]!.rows.length, 11);
    const s3 = r.report.sections.find((s) => s.decl.number === 3)!;
    assert.equal(s3.heading, null);
    assert.equal(r.arith.broken.length, 0);
  });

  it('表四 drafted as three rows of five reads as the one official row', () => {
    const r = parse(read('examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md'));
    assert.deepEqual(cellValues(r, 'review', 'cases'), [1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('CRLF line ends and a BOM give the same findings', () => {
    const text = read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
    const a = check(text).findings.map((f) => `${f.rule}:${text.slice(f.range[0], f.range[1])}`);
    const crlf = `\ufeff${text.replace(/\n/g, '\r\n')}`;
    const b = check(crlf).findings.map((f) => `${f.rule}:${crlf.slice(f.range[0], f.range[1]).replace(/\r/g, '')}`);
    assert.deepEqual(b, a);
  });
});
