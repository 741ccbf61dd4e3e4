/**
 * Writes the PDF and .doc fixtures (run once, outputs committed; needs LibreOffice `soffice`):
 *
 *   examples/NAME.pdf, NAME.doc                 the example reports' .docx through LibreOffice
 *   test/readers/fixtures/scanned.pdf           a page that is only a picture (no text layer)
 *   test/readers/fixtures/encrypted.pdf         harness report 000, opened only with a password
 *   test/readers/fixtures/picture-table.pdf     the first example with its 表三 drawn as a picture
 *
 * (The harness's own PDFs, test/shapes/fixtures/docs/NNN.pdf, hold tables over page breaks:
 * 000, 003, 005, 006… break 表三 across two pages.)
 *
 *   npx tsx test/readers/generate-pdf.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { EXAMPLES, READER_FIXTURES } from './generate';

const ROOT = join(__dirname, '..', '..');

function soffice(profile: string, args: string[]): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A grey picture of a table's grid: white, with a black line every `step` pixels. */
function gridPixels(w: number, h: number, step: number): Buffer {
  const rows = Buffer.alloc((w + 1) * h, 255);
  for (let y = 0; y < h; y++) {
    rows[y * (w + 1)] = 0; // the row's filter: none
    for (let x = 0; x < w; x++) if (y % step === 0 || x % (3 * step) === 0) rows[y * (w + 1) + 1 + x] = 0;
  }
  return rows;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A greyscale PNG. */
function png(w: number, h: number, rows: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF that only draws a picture (a scan without a text layer). */
function scannedPdf(): Buffer {
  const w = 120;
  const h = 170;
  const rows = gridPixels(w, h, 10);
  const pixels = Buffer.concat(Array.from({ length: h }, (_, y) => rows.subarray(y * (w + 1) + 1, (y + 1) * (w + 1))));
  const data = deflateSync(pixels);
  const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    null,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const body =
      o === null
        ? Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
              'latin1',
            ),
            data,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    parts.push(body);
    size += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  const profile = join(work, 'profile');
  const stems = EXAMPLES.map((n) => n.replace(/\.(txt|md)$/, ''));
  const docx = stems.map((s) => join(ROOT, 'examples', `${s}.docx`));
  if (!process.argv.includes('--no-examples')) {
    soffice(profile, ['--convert-to', 'pdf', '--outdir', join(ROOT, 'examples'), ...docx]);
    soffice(profile, ['--convert-to', 'doc', '--outdir', join(ROOT, 'examples'), ...docx]);
  }

  writeFileSync(join(READER_FIXTURES, 'scanned.pdf'), scannedPdf());

  copyFileSync(join(ROOT, 'test/shapes/fixtures/docs/000.docx'), join(work, 'encrypted.docx'));
  const secret = JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'nianbao' } });
  soffice(profile, ['--convert-to', `pdf:writer_pdf_Export:${secret}`, '--outdir', READER_FIXTURES, join(work, 'encrypted.docx')]);

  // 表三 as a picture: the example's web page with that table replaced by an image of a grid.
  writeFileSync(join(work, 'table.png'), png(600, 500, gridPixels(600, 500, 25)));
  const html = readFileSync(join(ROOT, 'examples', `${stems[0]}.html`), 'utf8');
  const at = html.indexOf('三、收到和处理政府信息公开申请情况');
  const start = html.indexOf('<table', at);
  const end = html.indexOf('</table>', start) + '</table>'.length;
  writeFileSync(join(work, 'picture-table.html'), `${html.slice(0, start)}<p><img src="table.png" width="600" height="500"></p>${html.slice(end)}`);
  soffice(profile, ['--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', READER_FIXTURES, join(work, 'picture-table.html')]);
  rmSync(work, { recursive: true, force: true });
}

main();
