/**
 * The search across rows whose numbers ran together (runs.ts `combine`): its pruning ends searches
 * that cannot succeed, or finds their one combination, far below the node bound, and never cuts a
 * combination the plain search would keep. What the user sees, and the nodes counted by runSteps.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../../server/src/core';
import { formats } from '../../server/src/core/formats/registry';
import { Budget, combine, countCuts, type Cut, cutsOf, holds, RUN_LIMITS, runSteps, type SumPlan } from '../../server/src/core/parse/runs';
import type { ColumnKind } from '../../server/src/core/formats/types';
import { requestsExample } from '../../server/src/core/rules/examples';

const ARITHMETIC = ['table.row-total', 'table.result-total', 'table.identity', 'table.group-total'];
const all = formats();
const requests = all[all.length - 1]!.blocks.requests[0]!;
const cols = requests.columns.map((c) => c.id);

/** 表三 (2021) with `values` per row id (seven numbers; rows not named are zeros). */
function table(values: Record<string, number[]>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const r of requests.rows) {
    const vs = values[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
    vs.forEach((v, j) => {
      cells[`${r.id}:${cols[j]}`] = String(v);
    });
  }
  return cells;
}

/** Checks `text`, counting the most nodes one block's search visited. */
function counted(text: string) {
  runSteps.most = 0;
  const r = check(text);
  return { r, most: runSteps.most };
}

const rowOf = (r: ReturnType<typeof check>, id: string) =>
  r.report.tables.find((t) => t.decl.id === 'requests')!.blocks[0]!.rows.find((x) => x.decl.id === id)!;

describe('run-together digits: the search across rows ends early', () => {
  it('a reading that only the last combination tried gives is found (17 rows of two readings each: 131,072 combinations)', () => {
    // Each of 17 result rows is "111 0 0 0 0 12": 1|11 or 11|1, its total 12 either way. Only 11|1
    // in every row makes 总计's 自然人 187 and 商业企业 17, and 11|1 is each row's second reading.
    const results = requests.rows.filter((r) => r.id !== 'new' && r.id !== 'carried' && r.id !== 'total' && r.id !== 'carryover').slice(0, 17);
    const values: Record<string, number[]> = { new: [187, 17, 0, 0, 0, 0, 204], total: [187, 17, 0, 0, 0, 0, 204] };
    for (const r of results) values[r.id] = [11, 1, 0, 0, 0, 0, 12];
    let text = requestsExample(table(values));
    for (const r of results)
      text = text.replace(new RegExp(`^(${r.labels[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\t11\\t1\\t0\\t0\\t0\\t0\\t12$`, 'm'), '$1 111 0 0 0 0 12');
    assert.equal((text.match(/ 111 0 0 0 0 12$/gm) ?? []).length, 17);
    const { r, most } = counted(text);
    for (const x of results) {
      const row = rowOf(r, x.id);
      assert.deepEqual(
        row.cells.map((c) => c.value),
        [11, 1, 0, 0, 0, 0, 12],
        x.id,
      );
      assert.ok(row.cells.every((c) => c.split));
    }
    assert.deepEqual(
      r.findings.filter((f) => f.rule.startsWith('table.')).map((f) => f.rule),
      [],
    );
    assert.ok(most < RUN_LIMITS.nodes / 100, `${most} nodes`);
  });

  it('rows whose blank cell the text dropped, beside rows no sum can use: no combination can be confirmed, said so without searching', () => {
    // A PDF viewer's copy: each row's 总计 left blank and dropped, six numbers for seven columns.
    // 二 (all single digits) cannot be cut; every sum across rows holds one of its cells.
    const values: Record<string, number[]> = {};
    requests.rows.forEach((r, i) => {
      if (r.id === 'carried') return;
      const parts = [12 + i, 24, 36, 48, 60, 72];
      values[r.id] = [...parts, parts.reduce((a, b) => a + b, 0)];
    });
    const text = requestsExample(table(values)).replace(
      /^([^\t\n]+)((?:\t\d+){7})$/gm,
      (_, label: string, rest: string) => `${label} ${rest.split('\t').slice(1, -1).join(' ')}`,
    );
    assert.match(text, /^（一）予以公开 14 24 36 48 60 72$/m);
    const { r, most } = counted(text);
    const f = r.findings.filter((x) => x.rule === 'table.unreadable');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message.zh, /“一、本年新收政府信息公开申请数量”（数字连在一起，没有一种分法能使合计成立）/);
    assert.doesNotMatch(f[0]!.message.zh, /超出了检查的范围/, 'the search ended, not at its bound');
    assert.match(f[0]!.message.zh, /“二、上年结转政府信息公开申请数量”（数字少于栏数，看不出缺的是哪一栏）/);
    assert.deepEqual(
      r.findings.filter((x) => ARITHMETIC.includes(x.rule)),
      [],
    );
    // 24 rows of six readings each: the plain search ran to its bound; now only the cuts are counted.
    assert.ok(most < RUN_LIMITS.nodes / 10, `${most} nodes`);
  });
});

/** The plain search, every combination in order, kept where every sum the rows chosen so far complete does not break, and every row without a cut of its own is confirmed by a sum fully known. */
function plain(ownLess: boolean[], choices: number[][][], plans: SumPlan[], grid: (number | null)[][], rows: number[]): number[][] {
  const shared = plans.filter((p) => p.ownRow === null);
  const touching = rows.map((i) => shared.filter((p) => [...p.left, ...p.right].some(([r]) => r === i)));
  const out: number[][] = [];
  if (!shared.every((p) => holds(p, grid) !== false)) return out;
  const walk = (k: number, pick: number[]) => {
    if (k === rows.length) {
      if (ownLess.every((o, x) => !o || touching[x]!.some((p) => holds(p, grid) === true))) out.push([...pick]);
      return;
    }
    choices[k]!.forEach((values, c) => {
      grid[rows[k]!] = values;
      if (touching[k]!.every((p) => holds(p, grid) !== false)) walk(k + 1, [...pick, c]);
      grid[rows[k]!] = new Array(values.length).fill(null);
    });
  };
  walk(0, []);
  return out;
}

describe('property: the pruned search keeps what the plain search keeps', () => {
  const n = 3;
  const rowsCount = 5;
  const cell = fc.tuple(fc.nat(rowsCount - 1), fc.nat(n - 1));
  const plan = fc.record({ left: fc.array(cell, { minLength: 1, maxLength: 2 }), right: fc.array(cell, { minLength: 1, maxLength: 4 }) });
  const value = fc.oneof({ weight: 8, arbitrary: fc.nat(6) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
  const known = fc.oneof({ weight: 6, arbitrary: fc.nat(12) }, { weight: 1, arbitrary: fc.constant(null) });
  const instance = fc.record({
    plans: fc.array(plan, { minLength: 1, maxLength: 6 }),
    open: fc.uniqueArray(fc.nat(rowsCount - 1), { minLength: 1, maxLength: 4 }),
    choices: fc.array(fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
    ownLess: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    grid: fc.array(fc.array(known, { minLength: n, maxLength: n }), { minLength: rowsCount, maxLength: rowsCount }),
  });

  it('the same combinations, in the same order, on random sums, readings and blanks', () => {
    fc.assert(
      fc.property(instance, ({ plans: raw, open: rows, choices: cs, ownLess: ol, grid }) => {
        const plans: SumPlan[] = raw.map((p) => {
          const inRows = new Set([...p.left, ...p.right].map(([i]) => i));
          return { left: p.left as [number, number][], right: p.right as [number, number][], ownRow: inRows.size === 1 ? [...inRows][0]! : null };
        });
        const choices = rows.map((_, k) => cs[k]!);
        const ownLess = rows.map((_, k) => ol[k]!);
        const g = grid.map((r, i) => (rows.includes(i) ? new Array<number | null>(n).fill(null) : [...r]));
        const expected = plain(
          ownLess,
          choices,
          plans,
          g.map((r) => [...r]),
          rows,
        );
        const asCut = (values: number[]): Cut => ({ values, ranges: values.map(() => [0, 0]), raws: values.map(String) });
        const open = rows.map((index, k) => {
          const cuts = choices[k]!.map(asCut);
          return { row: { decl: { id: String(index) } } as never, index, all: cuts, own: ownLess[k] ? [] : cuts };
        });
        const { found, complete } = combine(
          open,
          open.map((o) => o.all),
          plans,
          g,
          new Budget(RUN_LIMITS.nodes),
        );
        const got = found.map((f) => f.map((c, k) => open[k]!.all.indexOf(c)));
        assert.deepEqual(got, expected.slice(0, 65));
        assert.equal(complete, expected.length <= 64);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: counting the cuts spends what building them does', () => {
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[0-9]{1,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom('+3', '-28', '1.5万元', '0-280', '0608808.13万元', '12件', '-') },
  );
  const kind = fc.constantFrom<ColumnKind>('count', 'signed', 'money');
  const instance = fc.record({
    raws: fc.array(token, { minLength: 1, maxLength: 4 }),
    n: fc.integer({ min: 1, max: 9 }),
    kinds: fc.option(fc.array(kind, { minLength: 9, maxLength: 9 }), { nil: undefined }),
    limit: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(RUN_LIMITS.nodes)),
    spent: fc.integer({ min: 0, max: 50 }),
  });

  it('the number of cuts (or none past the budget), the nodes used and the nodes counted, as cutsOf', () => {
    fc.assert(
      fc.property(instance, ({ raws, n, kinds, limit, spent }) => {
        let at = 0;
        const tokens = raws.map((raw) => {
          const t = { range: [at, at + raw.length] as [number, number], raw };
          at += raw.length + 1;
          return t;
        });
        const ks = kinds?.slice(0, n);
        const run = (f: (b: Budget) => number | null) => {
          const b = new Budget(limit);
          for (let i = 0; i < spent; i++) b.spend();
          const count = runSteps.count;
          runSteps.most = 0;
          const r = f(b);
          return { r, used: b.used, counted: runSteps.count - count, most: runSteps.most };
        };
        const built = run((b) => cutsOf(tokens, n, b, ks)?.length ?? null);
        const counted = run((b) => countCuts(tokens, n, b, ks));
        assert.deepEqual(counted, built);
      }),
      { numRuns: 3000 },
    );
  });
});
