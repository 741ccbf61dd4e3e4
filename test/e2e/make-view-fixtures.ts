/**
 * Writes the report view's e2e fixture (run once, output committed): the example 青禾县…2022年….docx
 * with one wrong 总计 — （一）予以公开·总计 19 where 18 belongs, as fixtures.js breaks the .txt — in
 * test/e2e/fixtures/report-view/. (The PDF the e2e opens is test/readers/fixtures/picture-table.pdf:
 * LibreOffice's PDF of this .docx is read with rows missing, a reader issue of its own.)
 *   npx tsx test/e2e/make-view-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipEntries, zipEntry } from '../../server/src/readers/zip';
import { zip } from '../shapes/docx';

const ROOT = join(__dirname, '..', '..');
const NAME = '青禾县市场监督管理局2022年政府信息公开工作年度报告';
const OUT = join(__dirname, 'fixtures', 'report-view');

const bytes = readFileSync(join(ROOT, 'examples', `${NAME}.docx`));
const index = zipEntries(bytes);
const entries = new Map([...index.keys()].map((name) => [name, zipEntry(bytes, index, name)!]));
const xml = entries.get('word/document.xml')!.toString('utf8');
// The row's seventh number, after its label: the only "18" in the document.
const at = xml.indexOf('>18<', xml.indexOf('（一）予以公开'));
if (at < 0 || xml.indexOf('>18<', at + 1) >= 0) throw new Error('expected one cell 18 after （一）予以公开');
entries.set('word/document.xml', Buffer.from(`${xml.slice(0, at)}>19<${xml.slice(at + 4)}`, 'utf8'));
const docx = join(OUT, `${NAME}.docx`);
writeFileSync(docx, zip([...entries]));
console.log(`written: ${docx}`);
