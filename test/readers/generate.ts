/**
 * Writes the readers' fixtures (run once, outputs committed; needs LibreOffice `soffice` and `iconv`):
 *
 *   test/readers/fixtures/NNN.html      LibreOffice's .html export of the harness's NNN.docx (UTF-8)
 *   test/readers/fixtures/NNN.gbk.html  the same page in GBK (GB18030 bytes, labelled gbk or gb2312)
 *   test/readers/fixtures/features.docx Word's features written by hand (docs.ts), and its .html
 *   examples/NAME.docx, .html, .gbk.html  the two clean example reports as documents
 *
 *   npx tsx test/readers/generate.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featuresDocx, textToDocx } from './docs';

const ROOT = join(__dirname, '..', '..');
export const READER_FIXTURES = join(__dirname, 'fixtures');
/** The harness reports turned into web pages (the shapes' test sample). */
export const HTML_IDS = ['000', '001', '002', '003', '004', '005', '006', '007', '200', '201'];
export const EXAMPLES = ['云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md', '青禾县市场监督管理局2022年政府信息公开工作年度报告.txt'];

/** A UTF-8 page as GBK: its bytes through iconv, its charset label changed. */
function gbk(html: string, label: string): Buffer {
  const relabelled = html.replace(/charset=utf-8/i, `charset=${label}`);
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: relabelled });
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-readers-'));
  const docs: [string, string][] = []; // [docx in work, where its pages go (without extension)]
  for (const id of HTML_IDS) {
    copyFileSync(join(ROOT, 'test/shapes/fixtures/docs', `${id}.docx`), join(work, `${id}.docx`));
    docs.push([`${id}.docx`, join(READER_FIXTURES, id)]);
  }
  writeFileSync(join(READER_FIXTURES, 'features.docx'), featuresDocx());
  copyFileSync(join(READER_FIXTURES, 'features.docx'), join(work, 'features.docx'));
  docs.push(['features.docx', join(READER_FIXTURES, 'features')]);
  EXAMPLES.forEach((name, i) => {
    const stem = name.replace(/\.(txt|md)$/, '');
    const bytes = textToDocx(readFileSync(join(ROOT, 'examples', name), 'utf8'));
    writeFileSync(join(ROOT, 'examples', `${stem}.docx`), bytes);
    writeFileSync(join(work, `example${i}.docx`), bytes);
    docs.push([`example${i}.docx`, join(ROOT, 'examples', stem)]);
  });
  execFileSync('soffice', ['--headless', '--convert-to', 'html', '--outdir', join(work, 'out'), ...docs.map(([d]) => join(work, d))], { stdio: 'inherit' });
  docs.forEach(([d, dest], i) => {
    const html = readFileSync(join(work, 'out', d.replace(/\.docx$/, '.html')), 'utf8');
    writeFileSync(`${dest}.html`, html);
    writeFileSync(`${dest}.gbk.html`, gbk(html, i % 2 ? 'gb2312' : 'gbk'));
  });
  rmSync(work, { recursive: true, force: true });
  console.log(`wrote ${docs.length} documents' pages; fixtures: ${readdirSync(READER_FIXTURES).length} files`);
}

if (require.main === module) main();
