/**
 * How well .doc files read: the shape harness's 40 .docx saved as Word 97-2003 by LibreOffice (into
 * a temporary folder; needs `soffice`), read by the .doc reader, then every expected cell counted as
 * `npm run shapes` counts them. `npx tsx test/readers/doc-measure.ts [folder of .doc already made]`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../../server/src/readers';
import { FIXTURES, measure } from '../shapes/harness';
import type { Expected } from '../shapes/model';

const docs = join(FIXTURES, 'docs');
const ids = readdirSync(docs)
  .filter((f) => f.endsWith('.docx'))
  .map((f) => f.slice(0, -5))
  .sort();
let dir = process.argv[2];
if (!dir || !existsSync(join(dir, `${ids[0]}.doc`))) {
  dir ??= mkdtempSync(join(tmpdir(), 'nianbao-doc-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--norestore',
      '--convert-to',
      'doc',
      '--outdir',
      dir,
      ...ids.map((id) => join(docs, `${id}.docx`)),
    ],
    { stdio: 'ignore' },
  );
}
const total = { cells: 0, right: 0, wrong: 0, unsure: 0, notRead: 0, perfect: 0 };
for (const id of ids) {
  const r = readDocument(`${id}.doc`, readFileSync(join(dir, `${id}.doc`)));
  if ('error' in r) {
    console.log(id, r.error);
    continue;
  }
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'pdf-layout', `${id}.expected.json`), 'utf8')) as Expected;
  const m = measure({ shape: 'doc', id, text: r.text, expected });
  total.cells += m.cells;
  total.right += m.right;
  total.wrong += m.wrong;
  total.unsure += m.unsure;
  total.notRead += m.notRead;
  if (m.right === m.cells) total.perfect++;
  else console.log(id, `${m.right}/${m.cells} right, ${m.wrong} wrong, ${m.unsure} unsure, ${m.notRead} not read`);
}
const pct = (n: number) => `${((100 * n) / total.cells).toFixed(2)}%`;
console.log(
  `${ids.length} .doc: ${total.right}/${total.cells} cells right (${pct(total.right)}), ${total.wrong} wrong, ${total.unsure} unsure, ${total.notRead} not read; ${total.perfect} all right (in ${dir})`,
);
process.exit(0);
