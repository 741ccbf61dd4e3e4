/**
 * Writes the shape fixtures: `npm run shapes:generate` (options: --count N, --blanks N, --seed S,
 * --docs N, --no-pdf). Deterministic in the seed. CI does not run it: the fixtures are committed.
 *
 *   test/shapes/fixtures/<shape>/NNN.txt            the report as that shape's text
 *   test/shapes/fixtures/<shape>/NNN.expected.json  the tables and headings it must read as
 *   test/shapes/fixtures/docs/NNN.docx, NNN.pdf     the documents of the first reports (the PDF shapes' source)
 *
 * Reports 000 … count−1 have every cell written; the `blanks` reports after them leave a few cells
 * blank (their expected cells are null).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDoc } from './doc';
import { docx } from './docx';
import { expectedJson, expectedOf, makeReports } from './model';
import { convertToPdf, PDF_SHAPES, pdftotext, pdfViewerText } from './pdf';
import { chance, rng } from './random';
import { renderWeb, WEB_SHAPES } from './render';

export const FIXTURES = join(__dirname, 'fixtures');
export const DEFAULT_SEED = 20261122;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const count = arg('count', 200);
  const blanks = arg('blanks', 40);
  const seed = arg('seed', DEFAULT_SEED);
  const docsKept = arg('docs', 40);
  const withPdf = !process.argv.includes('--no-pdf');
  const t0 = Date.now();
  const reports = makeReports(seed, count + blanks, count);
  const shapes = [...WEB_SHAPES, ...(withPdf ? PDF_SHAPES : [])];
  for (const s of shapes) {
    rmSync(join(FIXTURES, s), { recursive: true, force: true });
    mkdirSync(join(FIXTURES, s), { recursive: true });
  }
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-shapes-'));
  const docxFiles: string[] = [];
  const pageNumbers = new Map<string, boolean>();
  const docNotes = new Map<string, string[]>();
  for (const rep of reports) {
    const r = rng(seed ^ (Number(rep.id) * 2654435761));
    const o = { splitHeaders: chance(r, 0.5), activeSplit: chance(r, 0.3) };
    const notes = [
      `${rep.format} format, ${rep.year}`,
      ...(rep.zeroHeavy ? ['zero-heavy'] : []),
      ...(rep.blanks.length ? [`${rep.blanks.length} blank cells`] : []),
      ...(o.activeSplit ? ['表二 as one table per article'] : []),
    ];
    const items = buildDoc(rep, o);
    for (const [k, s] of WEB_SHAPES.entries()) {
      const out = renderWeb(s, items, rng(seed + Number(rep.id) * 31 + k * 7), rep.body, rep.year);
      writeFileSync(join(FIXTURES, s, `${rep.id}.txt`), out.text);
      writeFileSync(join(FIXTURES, s, `${rep.id}.expected.json`), expectedJson(expectedOf(rep, s, out.artifacts, [...notes, ...out.notes])));
    }
    if (withPdf) {
      const pn = chance(r, 0.8);
      pageNumbers.set(rep.id, pn);
      docNotes.set(rep.id, [...notes, ...(o.splitHeaders ? ['header words split as in the template'] : []), pn ? 'page numbers' : 'no page numbers']);
      const file = join(tmp, `${rep.id}.docx`);
      writeFileSync(file, docx(items, { pageNumbers: pn }));
      docxFiles.push(file);
    }
  }
  const tText = Date.now();
  console.log(`${reports.length} reports, ${WEB_SHAPES.length} web shapes: ${((tText - t0) / 1000).toFixed(1)} s`);
  if (!withPdf) return;

  const pdfDir = join(tmp, 'pdf');
  convertToPdf(docxFiles, pdfDir, join(tmp, 'lo-profile'));
  const tPdf = Date.now();
  console.log(`LibreOffice: ${docxFiles.length} .docx → PDF in one run: ${((tPdf - tText) / 1000).toFixed(1)} s`);
  const made = new Set(readdirSync(pdfDir));
  for (const rep of reports) {
    const pdf = join(pdfDir, `${rep.id}.pdf`);
    if (!made.has(`${rep.id}.pdf`)) throw new Error(`LibreOffice made no ${rep.id}.pdf`);
    const texts: Record<string, string> = {
      'pdf-text': pdftotext(pdf, false),
      'pdf-layout': pdftotext(pdf, true),
      'pdf-viewer': await pdfViewerText(pdf),
    };
    for (const s of PDF_SHAPES) {
      writeFileSync(join(FIXTURES, s, `${rep.id}.txt`), texts[s]!);
      writeFileSync(join(FIXTURES, s, `${rep.id}.expected.json`), expectedJson(expectedOf(rep, s, pageNumbers.get(rep.id)!, docNotes.get(rep.id)!)));
    }
  }
  // The documents of the first reports of each kind, for a person (or a future .docx/.pdf reader) to open.
  const docsDir = join(FIXTURES, 'docs');
  rmSync(docsDir, { recursive: true, force: true });
  mkdirSync(docsDir, { recursive: true });
  const keptBlanks = Math.min(blanks, Math.round(docsKept / 4));
  const kept = [...reports.slice(0, docsKept - keptBlanks), ...reports.slice(count, count + keptBlanks)];
  for (const rep of kept) {
    copyFileSync(join(tmp, `${rep.id}.docx`), join(docsDir, `${rep.id}.docx`));
    copyFileSync(join(pdfDir, `${rep.id}.pdf`), join(docsDir, `${rep.id}.pdf`));
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`PDF text (pdftotext ×2, pdfjs): ${((Date.now() - tPdf) / 1000).toFixed(1)} s; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
