/**
 * The narrative scanners written as loops for speed (a 1 MB report is scanned at each edit) find
 * exactly what their definitions, the regular expressions they replaced, find: sentences, list
 * markers and the sentence hashes of `crossyear.copied`. Checked on many random texts made of the
 * characters that matter (numerals, 是, brackets, end marks, white space of several kinds,
 * surrogates), then on the texts users see.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { hash32, normalisedHash, normaliseSentence } from '../../server/src/core/crossyear/sentences';
import { readNumber } from '../../server/src/core/formats/claims';
import { sentences } from '../../server/src/core/narrative';
import { markersIn } from '../../server/src/core/rules/text-enumeration';
import { sameData } from '../../server/src/service/previous';
import { rng as random } from '../shapes/random';

const ALPHABET = [
  ...'一二三四十一十是是()()',
  '\n',
  '\r',
  ' ',
  ' ',
  '\t',
  '\u3000',
  '\u00a0',
  '\ufeff',
  ...'。;,:!？！；?，、“”《》—',
  ...'资金公开层第项a',
  ...'1209',
  '😀',
  '\ud800',
  '\udc00',
];

/** Dense in what list markers are made of: runs of numerals of every length, brackets, indents. */
const MARKERS = [...'一二三十一二三十是是是()()()', '\n', ' ', ' ', '\t', ...'。;,:？a'];

function texts(seed: number, count: number, maxLength: number, alphabet = ALPHABET): string[] {
  const rnd = random(seed);
  const out: string[] = [];
  for (let t = 0; t < count; t++) {
    let s = '';
    const n = 1 + Math.floor(rnd() * maxLength);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(s);
  }
  return out;
}

/** The definition of a sentence the loop replaced. */
function sentencesByRegex(text: string): { range: [number, number]; text: string }[] {
  const out: { range: [number, number]; text: string }[] = [];
  const re = /[^。;!?？！；\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ range: [m.index + lead, m.index + lead + body.length], text: body });
  }
  return out;
}

/** The definition of a list marker the loop replaced: in text[from, to), ^ at `from`. */
function markersByRegex(text: string, from: number, to: number): { kind: string; range: [number, number]; value: number }[] {
  const SHI = /(?<=^|[\n。;,:!？\s])([一二三四五六七八九十]{1,3})是/gu;
  const PAREN = /(?<=^|[\n。;:!？]|\n[ \t]{1,8})\(([一二三四五六七八九十]{1,3})\)/gu;
  const part = text.slice(from, to);
  const out: { kind: string; range: [number, number]; value: number }[] = [];
  for (const [kind, re] of [
    ['shi', SHI],
    ['paren', PAREN],
  ] as const) {
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const value = readNumber(m[1]!);
      const start = from + m.index + (kind === 'paren' ? 1 : 0);
      if (value !== null && value > 0) out.push({ kind, range: [start, start + m[1]!.length], value });
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

describe('narrative scanners', () => {
  it('split sentences as /[^。;!?？！；\\n]+/g and trim() do', () => {
    for (const s of texts(1, 20000, 40)) assert.deepEqual(sentences(s), sentencesByRegex(s), JSON.stringify(s));
  });

  it('hash a sentence as hash32(normaliseSentence(s)), surrogates and digit runs across punctuation included', () => {
    for (const s of texts(2, 20000, 40)) {
      const norm = normaliseSentence(s);
      assert.deepEqual(normalisedHash(s), { hash: hash32(norm), length: norm.length }, JSON.stringify(s));
    }
    // "2022年收到申请5件" and "2023年收到申请12件" are one sentence; "1,234" is one number.
    assert.equal(normalisedHash('2022年收到申请5件').hash, normalisedHash('2023年，收到申请12件').hash);
    assert.equal(normalisedHash('共1,234件').hash, normalisedHash('共9件').hash);
  });

  it('find list markers as the look-behind expressions do, within a section’s bounds', () => {
    const rnd = random(3);
    for (const s of [...texts(4, 20000, 30), ...texts(5, 20000, 30, MARKERS)]) {
      const from = Math.floor(rnd() * 4) % (s.length + 1);
      const to = Math.min(s.length, from + Math.floor(rnd() * 40));
      assert.deepEqual(markersIn(s, from, to), markersByRegex(s, from, to), JSON.stringify([s, from, to]));
    }
  });

  it('leave a report’s findings as they were: a year reused, a list numbered 一是 三是 三是, a list （一）（三）', () => {
    const text = '某局2023年政府信息公开工作年度报告\n一、总体情况\n2022年，我局认真贯彻落实条例。一是加强培训；三是完善制度；三是强化监督。\n';
    const found = check(text).findings.map((f) => `${f.rule}@${f.range[0]}`);
    // The second item is numbered 三 (should be 二); the third is 三 as it should be.
    for (const want of [`text.year@${text.indexOf('2022年，')}`, `text.enumeration@${text.indexOf('三是完善')}`])
      assert.ok(found.includes(want), `${want}: ${found.join(' ')}`);
    assert.equal(found.filter((f) => f.startsWith('text.enumeration')).length, 1, found.join(' '));
    const paren = '某局2023年政府信息公开工作年度报告\n一、总体情况\n我局做好三项工作：\n（一）主动公开。（三）依申请公开。第二十条第（一）项不是列举。\n';
    const lists = check(paren).findings.filter((f) => f.rule === 'text.enumeration');
    assert.deepEqual(
      lists.map((f) => paren.slice(f.range[0], f.range[1])),
      ['（三）'],
    );
  });
});

describe('sameData (an open report’s extract, compared at each edit)', () => {
  it('says equal exactly when the JSON is equal', () => {
    const cell = (at: number) => ({ value: 3, certain: true, range: [at, at + 1], start: { line: 1, character: at }, end: { line: 1, character: at + 1 } });
    const a = { body: '某局', year: 2023, format: '2021', cells: { 'carried.total': cell(5) }, sentences: [1, 2, 3], tables: { requests: 9 } };
    const same = JSON.parse(JSON.stringify(a));
    assert.ok(sameData(a, same));
    assert.ok(sameData({ x: 1, y: undefined }, { x: 1 }));
    assert.ok(sameData(null, null));
    for (const b of [
      { ...a, year: 2022 },
      { ...a, sentences: [1, 2] },
      { ...a, sentences: [1, 2, 4] },
      { ...a, cells: { 'carried.total': cell(6) } },
      { ...a, tables: {} },
      { ...a, body: null },
      null,
    ]) {
      assert.equal(sameData(a, b), JSON.stringify(a) === JSON.stringify(b), JSON.stringify(b));
      assert.ok(!sameData(a, b));
    }
    assert.ok(!sameData([1], { 0: 1 }));
  });
});
