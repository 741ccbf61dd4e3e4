/**
 * The label alignment in O(n log n) chooses exactly what the plain O(n²) dynamic programme chose
 * (kept here as the reference), and finding occurrences in linear time finds what the quadratic
 * scan found: drafts pasted many times over repeat every label, and the quadratic forms took
 * minutes on a few MB of table rows without section headings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignLabels, alignSteps, FormDictionary, LabelIndex, labelForms, occurrences, View, type LabelItem } from '../../server/src/core/parse/labels';
import { Compact, normalize } from '../../server/src/core/text';
import './seed';

/** The previous `occurrences`: each occurrence checked against every one found before. */
function occurrencesRef(compact: View, labels: string[], from = 0, to = compact.str.length): [number, number][] {
  const out: [number, number][] = [];
  const taken = new Set<number>();
  const str = compact.str;
  for (const f of labelForms(labels)) {
    let i = str.indexOf(f, from);
    while (i !== -1 && i + f.length <= to) {
      if (!taken.has(i) && !out.some(([a, b]) => i >= a && i < b)) {
        out.push([i, i + f.length]);
        taken.add(i);
      }
      i = str.indexOf(f, i + 1);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The previous `alignLabels`: every candidate against every earlier one. */
function alignRef<T>(compact: View, items: LabelItem<T>[], from = 0, to = compact.str.length) {
  const cands: { item: number; i: number; j: number }[] = [];
  items.forEach((it, k) => {
    if (!it.labels.length) return;
    for (const [i, j] of occurrencesRef(compact, it.labels, from, to)) cands.push({ item: k, i, j });
  });
  if (!cands.length) return [];
  cands.sort((a, b) => a.item - b.item || a.i - b.i);
  const best = new Float64Array(cands.length);
  const prev = new Int32Array(cands.length).fill(-1);
  for (let x = 0; x < cands.length; x++) {
    const c = cands[x]!;
    best[x] = items[c.item]!.weight;
    for (let y = 0; y < x; y++) {
      const d = cands[y]!;
      if (d.item >= c.item || d.j > c.i) continue;
      const v = best[y]! + items[c.item]!.weight;
      if (v > best[x]! + 1e-9 || (Math.abs(v - best[x]!) < 1e-9 && prev[x] !== -1 && cands[prev[x]!]!.i < d.i)) {
        best[x] = v;
        prev[x] = y;
      }
    }
  }
  let top = 0;
  for (let x = 1; x < cands.length; x++) {
    if (best[x]! > best[top]! + 1e-9 || (Math.abs(best[x]! - best[top]!) < 1e-9 && cands[x]!.i < cands[top]!.i)) top = x;
  }
  const chain: { key: T; ci: number; cj: number }[] = [];
  for (let x = top; x !== -1; x = prev[x]!) chain.push({ key: items[cands[x]!.item]!.key, ci: cands[x]!.i, cj: cands[x]!.j });
  return chain.reverse();
}

// A small alphabet, so that labels occur many times and overlap: with numbering that label forms strip.
const piece = fc.constantFrom('一', '二', '、', '(', ')', '1', '.', '公', '开', '申请', '总计');
const label = fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(''));
const textArb = fc.array(fc.oneof(piece, fc.constantFrom(' ', '\n', '\t')), { maxLength: 300, size: 'large' }).map((xs) => xs.join(''));
const itemsArb = fc.array(fc.record({ labels: fc.array(label, { minLength: 1, maxLength: 3 }), weight: fc.constantFrom(0.5, 1) }), {
  minLength: 1,
  maxLength: 8,
  size: 'medium',
});

/** A view of the whole text; the labels given are in the index's dictionary (found by its scan), others searched one by one. */
function view(text: string, dictionary: string[][] = []): View {
  const norm = normalize(text);
  const dict = new FormDictionary(dictionary.flatMap((l) => labelForms(l)));
  return View.of(new LabelIndex(Compact.of(norm, 0, norm.length), dict), 0, norm.length);
}

describe('property: label alignment, fast and as before', () => {
  it('occurrences: the same as the quadratic scan', () => {
    fc.assert(
      fc.property(textArb, fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean(), (text, labels, declared) => {
        const v = view(text, declared ? [labels] : []);
        assert.deepEqual(occurrences(v, labels), occurrencesRef(v, labels));
      }),
      { numRuns: 500 },
    );
  });

  it('alignLabels: the same chain as the quadratic programme', () => {
    fc.assert(
      fc.property(textArb, itemsArb, fc.boolean(), (text, its, declared) => {
        const v = view(text, declared ? its.map((x) => x.labels) : []);
        const items: LabelItem<number>[] = its.map((x, k) => ({ key: k, labels: x.labels, weight: x.weight }));
        assert.deepEqual(
          alignLabels(v, items).map((f) => ({ key: f.key, ci: f.ci, cj: f.cj })),
          alignRef(v, items),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('2 MB of table rows without headings: linear, not quadratic', () => {
    const rows = '（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n';
    const items: LabelItem<number>[] = ['（一）予以公开', '1.属于国家秘密', '（七）总计'].map((l, k) => ({ key: k, labels: [l], weight: 1 }));
    const v = view(
      rows.repeat(Math.ceil(2_000_000 / rows.length)),
      items.map((x) => x.labels),
    );
    // Counted, not timed: every candidate costs O(log n) tree steps (a quadratic chain would take
    // ~n²/2, about 10¹⁰ here).
    const before = alignSteps.count;
    const chain = alignLabels(v, items);
    const steps = alignSteps.count - before;
    assert.equal(chain.length, 3);
    const n = chain.length === 3 ? Math.ceil(2_000_000 / rows.length) * 3 : 0;
    assert.ok(steps <= 2 * n * (Math.log2(n) + 2), `${steps} steps for ${n} candidates`);
  });
});
