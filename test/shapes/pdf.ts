/**
 * The PDF shapes: .docx converted by LibreOffice (one headless call per batch: it is slow to start),
 * then read three ways: pdftotext's default mode (pdf-text), its -layout mode (pdf-layout), and
 * pdfjs-dist's getTextContent items joined as a PDF viewer's copy joins them (pdf-viewer: items
 * run together, a newline after an item that ends a line, a newline between pages).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PdfShape = 'pdf-text' | 'pdf-layout' | 'pdf-viewer';
export const PDF_SHAPES: PdfShape[] = ['pdf-text', 'pdf-layout', 'pdf-viewer'];

/** Converts every .docx given to a PDF in `outDir`, in one LibreOffice run with its own profile. */
export function convertToPdf(docxFiles: string[], outDir: string, profileDir: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 30 * 60_000 },
  );
}

export function pdftotext(pdf: string, layout: boolean): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' }});
let pdfjs: PdfJs | null = null;

export async function pdfViewerText(pdf: string): Promise<string> {
  pdfjs ??= (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
  const root = join(require.resolve('pdfjs-dist/package.json'), '..');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(pdf)),
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let s = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      s += item.str;
      if (item.hasEOL) s += '\n';
    }
    pages.push(s);
    page.cleanup();
  }
  await doc.destroy();
  return `${pages.join('\n')}\n`;
}
