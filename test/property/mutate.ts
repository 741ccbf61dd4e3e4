/**
 * Mutations of a report's text: what a drafter's paste and edits do to it. Each mutation is data
 * (so fast-check can shrink a failing list of them, and the fuzzer can print one), applied to any
 * text: positions are taken modulo what the text has (lines, numbers, digits, offsets).
 */
import fc from 'fast-check';
import { render, specArb } from './gen';

export type Mutation =
  | { op: 'delete-line'; at: number }
  | { op: 'dup-line'; at: number }
  | { op: 'swap-lines'; a: number; b: number }
  /** The k-th number removed (a blank cell). */
  | { op: 'blank-number'; at: number }
  /** The k-th number replaced by another. */
  | { op: 'change-number'; at: number; value: number }
  /** The k-th digit replaced by another digit. */
  | { op: 'change-digit'; at: number; digit: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete-range'; at: number; length: number }
  | { op: 'truncate'; at: number }
  /** A stretch of another text spliced in (a second report pasted into the first). */
  | { op: 'splice'; at: number; other: string; from: number; length: number };

/** Characters that break naive text handling: lone surrogates, emoji, marks, controls, look-alikes. */
export const NASTY = [
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  '𠀀',
  '\u0301',
  'e\u0301',
  '\u202e',
  '\u200f',
  '\u200b',
  '\u0000',
  '\f',
  '\r',
  '\r\n',
  '\n\n',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\ufffd',
  '\u3000',
  '０１２',
  '３．５',
  '－',
  '|',
  '\t',
  '  ',
  '—',
  '（',
  '）',
  '、',
  '一、',
  '（七）总计',
  '总计',
  '第二十条第（一）项',
  '结果维持',
  '<!-- nianbao-disable -->',
  '<!-- nianbao-disable-line -->',
  '<!--',
  '[bookmark: _GoBack]',
  '-3-',
  '首页 > ',
  '202020年',
  '99999999999999999999',
  '1e400',
  '0.0000001',
  '1,234',
];

const NUMBER_RE = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
const DIGIT_RE = /[0-9０-９]/g;

function lines(text: string): string[] {
  return text.split('\n');
}

function nth(re: RegExp, text: string, k: number): RegExpMatchArray | null {
  const all = [...text.matchAll(re)];
  return all.length ? all[k % all.length]! : null;
}

/** Applies one mutation. Offsets may fall inside a surrogate pair: on purpose, drafts have lone halves too. */
export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete-line': {
      const ls = lines(text);
      ls.splice(m.at % ls.length, 1);
      return ls.join('\n');
    }
    case 'dup-line': {
      const ls = lines(text);
      const i = m.at % ls.length;
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    }
    case 'swap-lines': {
      const ls = lines(text);
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b]!, ls[a]!];
      return ls.join('\n');
    }
    case 'blank-number': {
      const x = nth(NUMBER_RE, text, m.at);
      return x ? text.slice(0, x.index!) + text.slice(x.index! + x[0].length) : text;
    }
    case 'change-number': {
      const x = nth(NUMBER_RE, text, m.at);
      return x ? text.slice(0, x.index!) + String(m.value) + text.slice(x.index! + x[0].length) : text;
    }
    case 'change-digit': {
      const x = nth(DIGIT_RE, text, m.at);
      return x ? text.slice(0, x.index!) + String(m.digit % 10) + text.slice(x.index! + 1) : text;
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-range': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'splice': {
      const at = m.at % (text.length + 1);
      const from = m.from % (m.other.length + 1);
      return text.slice(0, at) + m.other.slice(from, from + m.length) + text.slice(at);
    }
  }
}

export function applyMutations(text: string, ms: Mutation[]): string {
  return ms.reduce(applyMutation, text);
}

/** Any UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const insertText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 2 },
  { arbitrary: fc.string({ unit: anyUnit, maxLength: 6 }), weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 5 }).map((xs) => xs.join('')), weight: 1 },
);

const pos = fc.nat({ max: 1 << 20 });

/** Mutations that keep a report recognisable: the ones the issue lists. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete-line' as const), at: pos }),
  fc.record({ op: fc.constant('dup-line' as const), at: pos }),
  fc.record({ op: fc.constant('swap-lines' as const), a: pos, b: pos }),
  fc.record({ op: fc.constant('blank-number' as const), at: pos }),
  fc.record({ op: fc.constant('change-number' as const), at: pos, value: fc.oneof(fc.nat(20), fc.nat()) }),
  fc.record({ op: fc.constant('change-digit' as const), at: pos, digit: fc.nat(9) }),
  fc.record({ op: fc.constant('insert' as const), at: pos, text: insertText }),
  fc.record({ op: fc.constant('delete-range' as const), at: pos, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
);

/** Edits that change numbers only: the table's structure stays, its arithmetic breaks. */
export const numberMutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('blank-number' as const), at: pos }),
  fc.record({ op: fc.constant('change-number' as const), at: pos, value: fc.nat(30) }),
  fc.record({ op: fc.constant('change-digit' as const), at: pos, digit: fc.nat(9) }),
);

/** A generated report with a few edits: mostly to its numbers, sometimes to its lines and characters. */
export const draftArb: fc.Arbitrary<string> = fc
  .record({
    spec: specArb(),
    ms: fc.array(fc.oneof({ arbitrary: numberMutationArb, weight: 4 }, { arbitrary: mutationArb, weight: 1 }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ spec, ms }) => applyMutations(render(spec).text, ms));

// ---------------------------------------------------------------- the same, driven by a seeded PRNG (the fuzzer)

/** A small, fast, seedable PRNG (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function randomInsert(rng: Rng): string {
  switch (rng.int(4)) {
    case 0:
    case 1:
      return rng.pick(NASTY);
    case 2: {
      let s = '';
      // CJK, or any code point at all (fromCodePoint makes lone halves of the surrogate range too).
      for (let i = 1 + rng.int(6); i > 0; i--) s += String.fromCodePoint(rng.chance(0.5) ? 0x4e00 + rng.int(0x5000) : rng.int(0x110000));
      return s;
    }
    default: {
      let s = '';
      for (let i = 1 + rng.int(6); i > 0; i--) s += String.fromCharCode(rng.int(0x10000));
      return s;
    }
  }
}

/** A random mutation (all kinds, splicing `others` in too). */
export function randomMutation(rng: Rng, others: string[]): Mutation {
  const at = rng.int(1 << 20);
  switch (rng.int(11)) {
    case 0:
      return { op: 'delete-line', at };
    case 1:
      return { op: 'dup-line', at };
    case 2:
      return { op: 'swap-lines', a: at, b: rng.int(1 << 20) };
    case 3:
      return { op: 'blank-number', at };
    case 4:
      return { op: 'change-number', at, value: rng.chance(0.7) ? rng.int(30) : rng.int(2 ** 31) };
    case 5:
      return { op: 'change-digit', at, digit: rng.int(10) };
    case 6:
    case 7:
      return { op: 'insert', at, text: randomInsert(rng) };
    case 8:
      return { op: 'delete-range', at, length: 1 + rng.int(rng.chance(0.8) ? 40 : 4000) };
    case 9:
      return { op: 'truncate', at };
    default: {
      const other = others.length ? rng.pick(others) : '';
      return { op: 'splice', at, other, from: rng.int(other.length + 1), length: rng.int(rng.chance(0.7) ? 400 : other.length + 1) };
    }
  }
}
