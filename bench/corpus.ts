/**
 * The benchmark's corpus, generated (never published reports): 2,000 report texts in every text
 * shape, and the document fixtures.
 *
 *   reports   generated reports (test/shapes/model.ts) rendered in each web shape (inner, flat,
 *             flat-spaced, cells; test/shapes/render.ts), 320 reports × 4 = 1,280 files, then the
 *             committed PDF-text shapes (pdf-text, pdf-layout, pdf-viewer: made by LibreOffice and
 *             pdftotext, which the bench does not run), 240 × 3 = 720 files: 2,000 `.txt` files
 *   documents the bundled examples as .docx, .doc, .html, .pdf and the first ten shape fixtures'
 *             .docx and .pdf (a PDF costs as much as a hundred texts: ten of each keep a round short)
 *
 * Written once per seed to a directory under the system's temporary directory and reused.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDoc } from '../test/shapes/doc';
import { makeReports } from '../test/shapes/model';
import { chance, rng } from '../test/shapes/random';
import { renderWeb, WEB_SHAPES } from '../test/shapes/render';
import { ROOT } from './texts';

export const CORPUS_SEED = 20261203;
export const REPORT_FILES = 2000;
const PDF_SHAPES = ['pdf-text', 'pdf-layout', 'pdf-viewer'];
const SHAPES = join(ROOT, 'test', 'shapes', 'fixtures');

export interface Corpus {
  /** The directory of the 2,000 report texts. */
  reports: string;
  /** The directory of the documents (.docx, .doc, .html, .pdf). */
  documents: string;
  /** Files and bytes of each. */
  reportFiles: number;
  reportBytes: number;
  documentFiles: number;
  documentBytes: number;
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const n of readdirSync(dir, { withFileTypes: true })) {
    if (!n.isFile()) continue;
    files++;
    bytes += statSync(join(dir, n.name)).size;
  }
  return { files, bytes };
}

function writeReports(dir: string): void {
  const pdfTexts = PDF_SHAPES.flatMap((s) =>
    readdirSync(join(SHAPES, s))
      .filter((n) => /^\d{3}\.txt$/.test(n))
      .sort()
      .map((n) => ({ shape: s, file: join(SHAPES, s, n) })),
  );
  const webReports = Math.ceil((REPORT_FILES - pdfTexts.length) / WEB_SHAPES.length);
  // One in eight with blank cells, as in the shape fixtures.
  const reports = makeReports(CORPUS_SEED, webReports, Math.floor(webReports * 0.875));
  let k = 0;
  const name = (shape: string) => join(dir, `${String(k++).padStart(4, '0')}-${shape}.txt`);
  for (const rep of reports) {
    const r = rng(CORPUS_SEED ^ (Number(rep.id) * 2654435761));
    const items = buildDoc(rep, { splitHeaders: chance(r, 0.5), activeSplit: chance(r, 0.3) });
    for (const [j, s] of WEB_SHAPES.entries()) {
      if (k >= REPORT_FILES - pdfTexts.length) break;
      writeFileSync(name(s), renderWeb(s, items, rng(CORPUS_SEED + Number(rep.id) * 31 + j * 7), rep.body, rep.year).text);
    }
  }
  for (const p of pdfTexts) copyFileSync(p.file, name(p.shape));
}

function writeDocuments(dir: string): void {
  for (const n of readdirSync(join(ROOT, 'examples')).sort())
    if (/\.(docx|doc|html|pdf)$/.test(n)) copyFileSync(join(ROOT, 'examples', n), join(dir, `example-${n}`));
  const docs = join(SHAPES, 'docs');
  for (const n of readdirSync(docs).sort()) if (/^00\d\.(docx|pdf)$/.test(n)) copyFileSync(join(docs, n), join(dir, `shape-${n}`));
}

/** The corpus, generated on first use (a few seconds) and kept in the temporary directory. */
export function corpus(): Corpus {
  const root = join(tmpdir(), `nianbao-bench-corpus-${CORPUS_SEED}-${REPORT_FILES}-2`);
  const reports = join(root, 'reports');
  const documents = join(root, 'documents');
  const done = join(root, '.complete');
  if (!existsSync(done)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(reports, { recursive: true });
    mkdirSync(documents, { recursive: true });
    writeReports(reports);
    writeDocuments(documents);
    writeFileSync(done, '');
  }
  const r = sizeOf(reports);
  const d = sizeOf(documents);
  return { reports, documents, reportFiles: r.files, reportBytes: r.bytes, documentFiles: d.files, documentBytes: d.bytes };
}

if (require.main === module) console.log(corpus());
