/**
 * The readers' fuzzer: mutated .docx, web-page, PDF and .doc bytes through the built CLI, which must never
 * crash or hang on them. A .docx is mutated inside (its XML cut, duplicated, sprinkled with the
 * table, numbering and change-tracking tags Word writes, huge spans and levels) and re-zipped, or
 * its zip bytes are flipped and truncated; a page gets stray or unbalanced tags, huge
 * rowspan/colspan, deep nesting, other charsets and random bytes; a PDF its bytes flipped and cut or
 * its syntax sprinkled with tokens out of place (lengths, xref sizes, /Encrypt, page trees that
 * loop); a .doc its bytes flipped and cut. Files go to the CLI in batches
 * (`check --format json --jobs 1`); each batch must end within its time, exit 0, 1 or 2, print JSON
 * that parses, and say no "内部错误". A failing batch is re-run file by file to name the file.
 *
 *   npm run fuzz -- --readers-only --seconds 60 [--seed S]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipEntries, zipEntry } from '../server/src/readers/zip';
import { zip } from '../test/shapes/docx';
import { chance, pick, rng, type Rand } from '../test/shapes/random';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'server/out/cli.js');
const OUT = join(ROOT, 'fuzz/out/readers');
const BATCH = 24;
/** A batch of BATCH files: far more than checking them takes (about 0.1 s each). */
const BATCH_TIMEOUT_MS = 60_000;

function bases(): { docx: Buffer[]; html: Buffer[]; pdf: Buffer[]; doc: Buffer[] } {
  const docs = join(ROOT, 'test/shapes/fixtures/docs');
  const pages = join(ROOT, 'test/readers/fixtures');
  const docx = readdirSync(docs)
    .filter((f) => f.endsWith('.docx'))
    .slice(0, 6)
    .map((f) => readFileSync(join(docs, f)));
  docx.push(readFileSync(join(pages, 'features.docx')));
  const html = readdirSync(pages)
    .filter((f) => f.endsWith('.html'))
    .slice(0, 6)
    .map((f) => readFileSync(join(pages, f)));
  const pdf = [
    ...readdirSync(docs)
      .filter((f) => f.endsWith('.pdf'))
      .slice(0, 3)
      .map((f) => readFileSync(join(docs, f))),
    ...['scanned.pdf', 'picture-table.pdf'].map((f) => readFileSync(join(pages, f))),
  ];
  const examples = join(ROOT, 'examples');
  const doc = readdirSync(examples)
    .filter((f) => f.endsWith('.doc'))
    .map((f) => readFileSync(join(examples, f)));
  return { docx, html, pdf, doc };
}

/** What a PDF's syntax is made of, to put where it does not belong. */
const PDF_TOKENS = [
  ' obj ',
  'endobj',
  'stream\n',
  '\nendstream',
  '/Length 999999999',
  '/Length -1',
  '<<',
  '>>',
  '[',
  ']',
  'xref\n0 99999\n',
  'trailer',
  '/Encrypt 1 0 R',
  '%%EOF',
  '/Kids [1 0 R 1 0 R]',
  '/Count 100000',
  '/Parent 1 0 R',
  '/Filter /FlateDecode',
  '(',
  ')',
  '\\',
  '/ToUnicode 9 0 R',
  'BT /F1 12 Tf (x) Tj ET',
  '1 0 0 1 1e38 1e38 cm',
];

/** A PDF's bytes flipped and truncated, or its syntax sprinkled with tokens out of place. */
function mutatePdf(r: Rand, b: Buffer): Buffer {
  if (chance(r, 0.5)) return mutateBytes(r, b);
  let s = b.toString('latin1');
  const n = 1 + Math.floor(r() * 8);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * s.length);
    s = chance(r, 0.7) ? s.slice(0, at) + pick(r, PDF_TOKENS) + s.slice(at) : s.slice(0, at) + s.slice(at + Math.floor(r() * 2000));
  }
  return Buffer.from(s, 'latin1');
}

const DOCX_TAGS = [
  '<w:tc>',
  '</w:tc>',
  '<w:tr>',
  '</w:tr>',
  '<w:tbl>',
  '</w:tbl>',
  '<w:p>',
  '</w:p>',
  '<w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>',
  '<w:tcPr><w:vMerge/></w:tcPr>',
  '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>',
  '<w:trPr><w:gridBefore w:val="-5"/></w:trPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr>',
  '<w:pPr><w:numPr><w:ilvl w:val="-1"/><w:numId w:val="999"/></w:numPr></w:pPr>',
  '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
  '<w:del><w:r><w:delText>12</w:delText></w:r></w:del>',
  '<w:ins><w:r><w:t>34</w:t></w:r></w:ins>',
  '<w:r><w:tab/><w:br/><w:t>一、</w:t></w:r>',
  '<w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>',
  '<mc:Fallback>',
  '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r>',
  '&amp;',
  '&#0;',
  '&bogus;',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '\u0000',
  '\ud800',
];

const NUMBERING_TAGS = [
  '<w:lvlText w:val="%9%1%0"/>',
  '<w:start w:val="-3"/>',
  '<w:numFmt w:val="chineseCounting"/>',
  '<w:lvlOverride w:ilvl="99"><w:startOverride w:val="100000"/></w:lvlOverride>',
  '<w:basedOn w:val="Heading1"/>',
];

/** A string mutated: ranges cut or doubled, tags inserted, truncated. */
function mutateText(r: Rand, s: string, tags: string[]): string {
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * s.length);
    const len = Math.floor(r() * Math.min(400, s.length - at));
    switch (Math.floor(r() * 5)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + len);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + Math.floor(r() * 20)) + s.slice(at);
        break;
      case 2:
      case 3:
        s = s.slice(0, at) + pick(r, tags) + s.slice(at);
        break;
      default:
        if (chance(r, 0.3)) s = s.slice(0, at);
    }
  }
  return s;
}

function mutateBytes(r: Rand, b: Buffer): Buffer {
  const out = Buffer.from(b);
  const flips = 1 + Math.floor(r() * 12);
  for (let k = 0; k < flips; k++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
  return chance(r, 0.3) ? out.subarray(0, Math.floor(r() * out.length)) : out;
}

function mutateDocx(r: Rand, b: Buffer): Buffer {
  if (chance(r, 0.25)) return mutateBytes(r, b);
  const entries = zipEntries(b);
  const files: [string, string | Buffer][] = [];
  for (const name of entries.keys()) {
    const data = zipEntry(b, entries, name)!;
    if (name === 'word/document.xml') files.push([name, mutateText(r, data.toString('utf8'), DOCX_TAGS)]);
    else if (name === 'word/numbering.xml' || name === 'word/styles.xml')
      files.push([name, chance(r, 0.5) ? mutateText(r, data.toString('utf8'), NUMBERING_TAGS) : data]);
    else files.push([name, data]);
  }
  return zip(files);
}

const HTML_TAGS = [
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td rowspan="99999">',
  '<td colspan="0">',
  '<td colspan="-4" rowspan="abc">',
  '<th>',
  '</td>',
  '<br>',
  '&nbsp;',
  '<p style="display:none">',
  '<script>',
  '</script>',
  '<style>',
  '<template>',
  '<div title="footer">',
  '<meta charset="gbk">',
  '<meta charset="utf-16">',
  '<meta charset="x-unknown">',
  '<div>'.repeat(3000),
  '<b>'.repeat(3000),
  '<table><tr><td><table><tr><td>',
  '一、总体情况',
  '\u0000',
  '<!--',
  '<![CDATA[',
];

function mutateHtml(r: Rand, b: Buffer): Buffer {
  if (chance(r, 0.2)) return mutateBytes(r, b);
  const s = mutateText(r, b.toString('utf8'), HTML_TAGS);
  return chance(r, 0.15) ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8');
}

export interface ReaderFuzzRun {
  cases: number;
  failures: { file: string; problem: string }[];
}

function runCli(paths: string[]): string | null {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', '1', '--no-progress', ...paths], {
    encoding: 'utf8',
    timeout: BATCH_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NIANBAO_LOCALE: 'zh' },
  });
  if (r.error || r.signal) return `hang or killed (${r.signal ?? r.error?.message})`;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) return `exit ${r.status}`;
  if (/内部错误|internal error|\n\s+at .+:\d+:\d+/.test(r.stderr)) return `crash: ${r.stderr.slice(0, 400)}`;
  try {
    JSON.parse(r.stdout);
  } catch {
    return `stdout is not JSON: ${r.stdout.slice(0, 200)}`;
  }
  return null;
}

/** Mutated documents through the CLI until the deadline. */
export function fuzzReaders(seed: number, deadline: number, maxFailures: number, onBatch?: (cases: number) => void): ReaderFuzzRun {
  const { docx, html, pdf, doc } = bases();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-readers-'));
  const run: ReaderFuzzRun = { cases: 0, failures: [] };
  try {
    for (let batch = 0; Date.now() < deadline && run.failures.length < maxFailures; batch++) {
      const paths: string[] = [];
      for (let i = 0; i < BATCH; i++) {
        const index = batch * BATCH + i;
        const r = rng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
        const kind = pick(r, ['docx', 'docx', 'html', 'html', 'pdf', 'doc'] as const);
        const bytes =
          kind === 'docx'
            ? mutateDocx(r, pick(r, docx))
            : kind === 'pdf'
              ? mutatePdf(r, pick(r, pdf))
              : kind === 'doc'
                ? mutateBytes(r, pick(r, doc))
                : mutateHtml(r, pick(r, html));
        const p = join(dir, `case-${index}.${kind === 'html' ? pick(r, ['html', 'htm', 'shtml']) : kind}`);
        writeFileSync(p, bytes);
        paths.push(p);
      }
      run.cases += paths.length;
      if (runCli(paths) !== null) {
        for (const p of paths) {
          const problem = runCli([p]);
          if (problem === null) continue;
          mkdirSync(OUT, { recursive: true });
          const kept = join(OUT, `seed-${seed}-${p.slice(p.lastIndexOf('case-'))}`);
          writeFileSync(kept, readFileSync(p));
          run.failures.push({ file: kept, problem });
        }
      }
      for (const p of paths) rmSync(p, { force: true });
      onBatch?.(run.cases);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}
