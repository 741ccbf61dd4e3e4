/** Texts to mutate: the repository's example reports and layout fixtures, and words of the formats. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formats } from '../../server/src/core';
import { ROOT } from '../helpers';
import { NASTY } from './mutate';

function textsIn(dir: string, re = /\.(txt|md)$/): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => re.test(f) && !/\.(notes|errors)\.md$/.test(f))
    .sort()
    .map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The examples and the layout fixtures (in the repository: always there). */
export function repoTexts(): { name: string; text: string }[] {
  return [...textsIn(join(ROOT, 'examples')), ...textsIn(join(ROOT, 'examples/errors')), ...textsIn(join(ROOT, 'test/fixtures/layouts'))];
}

/** The real published reports beside the repository, when they are there (CI has them; a clone may not). */
export function seedTexts(): { name: string; text: string }[] {
  return textsIn(join(ROOT, '../shared/corpus/seeds'));
}

/** Every word the formats declare: headings, labels, header words, anchors, markers. */
export const WORDS: string[] = (() => {
  const w = new Set<string>();
  for (const f of formats()) {
    for (const s of f.sections)
      [s.canonical, ...s.variants].forEach((x) => {
        w.add(x);
      });
    for (const t of f.tables)
      t.anchors.forEach((x) => {
        w.add(x);
      });
    for (const b of Object.values(f.blocks).flat()) {
      [...b.heading, ...b.header, ...b.markers].forEach((x) => {
        w.add(x);
      });
      for (const r of b.rows)
        r.labels.forEach((x) => {
          w.add(x);
        });
      for (const g of b.groups)
        g.labels.forEach((x) => {
          w.add(x);
        });
      for (const c of b.columns)
        [c.name.zh, ...c.header].forEach((x) => {
          w.add(x);
        });
    }
  }
  return [...w].sort();
})();

const SEPARATORS = ['\t', '\n', '\n\n', ' ', '  ', ' | ', '|', '\r\n', '\u3000', '\f'];

/** Report-like soup: the formats' words, numbers and separators in random order (reaches deep into the parser). */
export const soupArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
      { arbitrary: fc.oneof(fc.nat(30), fc.nat()).map(String), weight: 4 },
      { arbitrary: fc.constantFrom(...SEPARATORS), weight: 6 },
      {
        arbitrary: fc.constantFrom(
          '2019年',
          '2020年',
          '2021年',
          '2023年',
          '统计期限自2022年1月1日起至2022年12月31日止',
          '年度报告\n',
          '+3',
          '-2',
          '—',
          '无',
          '12.5万元',
        ),
        weight: 1,
      },
      { arbitrary: fc.constantFrom(...NASTY), weight: 1 },
    ),
    { maxLength: 300, size: 'large' },
  )
  .map((xs) => xs.join(''));
