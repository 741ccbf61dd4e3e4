/**
 * Digits run together, cut where the sums hold: the cuts the text allows, and bounds that are
 * counted (search nodes), never timed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import { parse } from '../../server/src/core';
import { Budget, cutsOf, cutsWithTotal, RUN_LIMITS, runSteps } from '../../server/src/core/parse/runs';

const tokens = (...raws: string[]) => {
  let at = 0;
  return raws.map((raw) => {
    const t = { range: [at, at + raw.length] as [number, number], raw };
    at += raw.length + 1;
    return t;
  });
};

describe('run-together digits', () => {
  it('cuts without leading zeros, a lone 0 allowed', () => {
    const cuts = cutsOf(tokens('5', '0', '00', '0', '16'), 7, new Budget(RUN_LIMITS.nodes))!;
    assert.deepEqual(
      cuts.map((c) => c.raws.join(' ')),
      ['5 0 0 0 0 1 6'],
    );
    assert.deepEqual(
      cutsOf(tokens('105'), 2, new Budget(100))!.map((c) => c.raws.join(' ')),
      ['10 5'],
    );
  });

  it('a run over 42 digits is not cut at all; a long one stops at the node budget', () => {
    const before = runSteps.count;
    assert.equal(cutsOf(tokens('1'.repeat(43)), 7, new Budget(RUN_LIMITS.nodes)), null);
    assert.equal(runSteps.count, before, 'rejected by its length, no node visited');
    const budget = new Budget(RUN_LIMITS.nodes);
    // 40 digits into 表四's 15 cells: millions of cuts; the search gives up and says nothing.
    assert.equal(cutsOf(tokens('1'.repeat(40)), 15, budget), null);
    assert.ok(budget.used <= RUN_LIMITS.nodes + 1, `${budget.used} nodes`);
  });

  it('a 20 MB line of digits after a label: read as unreadable, with no search', () => {
    const text = requestsExample({}).replace('（一）予以公开\t0\t0\t0\t0\t0\t0\t0', `（一）予以公开\t${'7'.repeat(20_000_000)}`);
    const before = runSteps.count;
    const r = check(text);
    assert.ok(runSteps.count - before < 10, `${runSteps.count - before} nodes`);
    assert.ok(r.findings.some((f) => f.rule === 'table.unreadable'));
  });

  it('rows left open by their own totals are decided together by the column sums', () => {
    // 一 and （一）: 12 and 1 in 自然人 — "1210000013"-like runs the row total alone cannot tell.
    const text = requestsExample({
      'new:natural': '11',
      'new:business': '1',
      'new:total': '12',
      'granted:natural': '11',
      'granted:business': '1',
      'granted:total': '12',
      'total:natural': '11',
      'total:business': '1',
      'total:total': '12',
    }).replace(/（一）予以公开(\t\d+)+/, '（一）予以公开 111 0 0 0 0 12');
    const r = check(text);
    const row = r.report.tables[0]!.blocks[0]!.rows.find((x) => x.decl.id === 'granted')!;
    assert.deepEqual(
      row.cells.map((c) => c.value),
      [11, 1, 0, 0, 0, 0, 12],
    );
    assert.ok(row.cells.every((c) => c.split));
    assert.deepEqual(
      r.findings.filter((f) => f.rule.startsWith('table.')),
      [],
    );
  });

  it('a wrong total cut out of a run: the suggestion rewrites the row whole, never a cell inside the run', () => {
    const cells = { 'new:natural': '11', 'new:business': '1', 'new:total': '13', 'total:natural': '11', 'total:business': '1', 'total:total': '13' };
    const text = requestsExample(cells).replace(/（一）予以公开(\t\d+)+/, '（一）予以公开 111 0 0 0 0 13');
    const r = check(text);
    const row = r.report.tables[0]!.blocks[0]!.rows.find((x) => x.decl.id === 'granted')!;
    assert.ok(row.cells.every((c) => c.split) && row.run);
    const f = r.findings.find((x) => x.rule === 'table.row-total' && x.range[0] >= row.range[0] && x.range[1] <= row.range[1])!;
    assert.equal(f.fix, undefined);
    assert.deepEqual(
      f.suggestions!.map((x) => [x.range, x.text]),
      [[row.run, '\t11\t1\t0\t0\t0\t0\t12']],
    );
  });

  it('a row with its own total: the cuts the total allows, as every cut filtered would give, in far fewer nodes', () => {
    const run = tokens('0029522220115733');
    const all = new Budget(RUN_LIMITS.nodes);
    const every = cutsOf(run, 7, all)!.filter((c) => c.values.slice(0, 6).reduce((a, b) => a + b, 0) === c.values[6]);
    const fast = new Budget(RUN_LIMITS.nodes);
    const byTotal = cutsWithTotal(run[0]!, 7, fast)!;
    assert.deepEqual(byTotal.map((c) => c.raws.join(' ')).sort(), every.map((c) => c.raws.join(' ')).sort());
    assert.ok(byTotal.some((c) => c.raws.join(' ') === '0 0 295 222 201 15 733'));
    assert.ok(fast.used * 3 < all.used, `${fast.used} nodes against ${all.used}`);
  });

  it("表二: signs, fractions and units cut by the columns' kinds; one reading taken, several named", () => {
    const kinds = ['count', 'signed', 'count'] as const;
    const read = (raw: string, k: readonly ('count' | 'signed' | 'money')[] = kinds) =>
      cutsOf(tokens(raw), k.length, new Budget(RUN_LIMITS.nodes), [...k])!.map((c) => c.raws.join(' '));
    assert.deepEqual(read('18-30'), ['18 -3 0']);
    assert.deepEqual(read('0-280').sort(), ['0 -2 80', '0 -28 0']);
    assert.deepEqual(read('0608808.13万元', ['count', 'money']), ['0 608808.13万元']);
    // In a report: the one reading is the row's, the two readings are named, with 表二's reason.
    const head = '二、主动公开政府信息情况 第二十条第（五）项 信息内容 上一年项目数量 本年增/减 处理决定数量 ';
    const one = parse(`${head}行政许可18-30 其他对外管理服务事项0 0 0\n`);
    assert.deepEqual(
      one.tables[0]!.blocks[0]!.rows[0]!.cells.map((c) => c.value),
      [18, -3, 0],
    );
    const two = check(`${head}行政许可0-280 其他对外管理服务事项0 0 0\n`);
    const f = two.findings.find((x) => x.rule === 'table.ambiguous')!;
    assert.match(f.message.zh, /没有合计关系可据以分列，有 2 种分法：“0 -2 80”、“0 -28 0”/);
    assert.equal(f.suggestions?.length, 2);
    // A run longer than a short value ("1089+3627") is still a run: named, not a row without numbers.
    const long = check(`${head}行政许可0 0 0 其他对外管理服务事项1089+3627\n`);
    const rules = long.findings.map((x) => x.rule);
    assert.ok(rules.includes('table.ambiguous') && !rules.includes('table.cell-blank'), rules.join());
  });

  it('a row read with uncertainty: "+8" is no invalid count where a signed column of the row could hold it', () => {
    const head = '二、主动公开政府信息情况\n第二十条第（六）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n';
    const r = check(`${head}行政处罚\n\n0\n\n0\n\n0\n\n0\n\n行政强制\n\n+8\n\n21\n`);
    const rules = r.findings.filter((x) => x.rule.startsWith('table.')).map((x) => x.rule);
    assert.ok(!rules.includes('table.cell-invalid'), rules.join());
    assert.ok(rules.includes('table.unreadable'), rules.join());
  });
});
