/** The texts the benchmark runs on: the bundled examples and fixtures, ../shared/corpus when present. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(txt|md)$/.test(name) && !/\.(notes|errors)\.md$/.test(name)) out.push(p);
  }
}

export function reportFiles(): { files: string[]; corpus: boolean } {
  const files: string[] = [];
  walk(join(ROOT, 'examples'), files);
  walk(join(ROOT, 'test', 'fixtures', 'layouts'), files);
  const corpus = existsSync(CORPUS);
  if (corpus) walk(CORPUS, files);
  return { files, corpus };
}

export function reportTexts(): { name: string; text: string }[] {
  return reportFiles().files.map((f) => ({ name: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));
}

/** Reports one after another until the text reaches `bytes` (UTF-8). */
export function concatenated(texts: string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = `${texts[i % texts.length]!}\n`;
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  return parts.join('');
}

/** Varies a report: another body name, other numbers in a few cells (the totals may then break). */
export function variant(text: string, k: number): string {
  let n = 0;
  return text
    .replace(/(?<=\t)(\d{1,3})(?=\t|\n)/g, (m) => (n++ % 17 === k % 17 ? String((Number(m) + k) % 50) : m))
    .replace(/^(.{0,12}?)(局|办公室|政府|街道办事处)/m, `$1第${k}分$2`);
}

/** A text of the A/B bench, with the family its figures are grouped by. */
export interface FamilyText {
  family: string;
  name: string;
  text: string;
}

const SHAPES = join(ROOT, 'test', 'shapes', 'fixtures');

/**
 * The bundled example reports (family `examples`) and every `every`-th variant of each shape
 * fixture (`test/shapes/fixtures/<shape>/NNN.txt`, family the shape; 000–199 have every cell
 * written, 200–239 blank cells, so a step of 20 takes both).
 */
export function familyTexts(every = 20): FamilyText[] {
  const out: FamilyText[] = [];
  const examples: string[] = [];
  walk(join(ROOT, 'examples'), examples);
  for (const f of examples) out.push({ family: 'examples', name: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') });
  for (const shape of readdirSync(SHAPES).sort()) {
    const dir = join(SHAPES, shape);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir)
      .filter((n) => /^\d{3}\.txt$/.test(n))
      .sort()
      .filter((_, i) => i % every === 0);
    for (const n of files) out.push({ family: shape, name: `${shape}/${n}`, text: readFileSync(join(dir, n), 'utf8') });
  }
  return out;
}
