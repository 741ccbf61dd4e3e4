/**
 * The same report in another form gives the same findings: CRLF line ends, a BOM, full-width digits
 * and mixed full-width/ASCII punctuation read exactly like the plain text (offsets moved along).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check, localize, type Finding } from '../../server/src/core';
import { PLAIN, render, specArb, styleArb } from './gen';
import { applyMutations, numberMutationArb, mutationArb } from './mutate';

/** A plain report (LF, no BOM, ASCII digits), in any layout, with some edits so that there is something to find. */
const plainArb = fc
  .record({
    spec: specArb(styleArb.map((s) => ({ ...PLAIN, layout: s.layout, split: s.split, vertical: s.vertical, groupLine: s.groupLine }))),
    ms: fc.array(fc.oneof({ arbitrary: numberMutationArb, weight: 3 }, { arbitrary: mutationArb.filter((m) => m.op !== 'insert'), weight: 1 }), {
      maxLength: 4,
    }),
  })
  .map(({ spec, ms }) => applyMutations(render(spec).text, ms))
  // The other forms are of a plain text: no CR, BOM or full-width digits to begin with.
  .filter((t) => !/[\r\ufeff０-９]/.test(t));

interface Form {
  name: string;
  to: (t: string) => string;
  /** Offset in the plain text → offset in the form. */
  map: (plain: string) => (o: number) => number;
}

const FW = '０１２３４５６７８９';
const PUNCT: Record<string, string> = { '（': '(', '）': ')', '，': ',', '：': ':', '．': '.', '(': '（', ')': '）', ',': '，', ':': '：', '.': '．' };

const FORMS: Form[] = [
  {
    name: 'CRLF',
    to: (t) => t.replace(/\n/g, '\r\n'),
    map: (t) => {
      const before = new Int32Array(t.length + 1);
      for (let i = 0, n = 0; i <= t.length; i++) {
        before[i] = n;
        if (t[i] === '\n') n++;
      }
      return (o) => o + before[o]!;
    },
  },
  { name: 'BOM', to: (t) => `\ufeff${t}`, map: () => (o) => o + 1 },
  { name: 'full-width digits', to: (t) => t.replace(/[0-9]/g, (d) => FW[Number(d)]!), map: () => (o) => o },
  {
    name: 'mixed punctuation',
    // Every other bracket, comma, colon and full stop swapped between its full-width and ASCII forms.
    to: (t) => {
      let k = 0;
      return t.replace(/[（），：．(),:.]/g, (c) => (k++ % 2 ? PUNCT[c]! : c));
    },
    map: () => (o) => o,
  },
];

/** What a finding says and where, in plain-text offsets for comparison. */
function view(f: Finding, map: (o: number) => number) {
  const r = (x: [number, number]) => [map(x[0]), map(x[1])];
  return {
    rule: f.rule,
    severity: f.severity,
    message: localize(f.message, 'zh'),
    range: r(f.range),
    fix: f.fix ? { range: r(f.fix.range), text: f.fix.text.replace(/\r\n/g, '\n') } : null,
    suggestions: (f.suggestions ?? []).length,
  };
}

describe('property: CRLF, BOM, full-width digits and mixed punctuation read as the plain text', () => {
  for (const form of FORMS) {
    it(form.name, () => {
      fc.assert(
        fc.property(plainArb, (plain) => {
          const want = check(plain).findings.map((f) => view(f, (o) => o));
          const text = form.to(plain);
          const map = form.map(plain);
          // The form's findings, their offsets mapped back through the plain text's.
          const back = new Map<number, number>();
          for (let o = 0; o <= plain.length; o++) back.set(map(o), o);
          const got = check(text).findings.map((f) => view(f, (o) => back.get(o) ?? -o));
          assert.deepEqual(got, want);
        }),
        { numRuns: 80 },
      );
    });
  }
});
