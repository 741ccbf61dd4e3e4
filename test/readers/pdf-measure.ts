/**
 * How well the PDF reader reads the shape harness's LibreOffice PDFs: every expected cell of each
 * test/shapes/fixtures/docs/NNN.pdf, through the reader then the core, as `npm run shapes` counts
 * them. `npx tsx test/readers/pdf-measure.ts [ids…]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../../server/src/readers';
import { FIXTURES, measure } from '../shapes/harness';
import type { Expected } from '../shapes/model';

const docs = join(FIXTURES, 'docs');
const ids = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(docs)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => f.slice(0, -4));
let cells = 0;
let right = 0;
let perfect = 0;
const t0 = performance.now();
for (const id of ids.sort()) {
  const r = readDocument(`${id}.pdf`, readFileSync(join(docs, `${id}.pdf`)));
  if ('error' in r) {
    console.log(id, r.error);
    continue;
  }
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'pdf-layout', `${id}.expected.json`), 'utf8')) as Expected;
  const m = measure({ shape: 'pdf', id, text: r.text, expected });
  cells += m.cells;
  right += m.right;
  if (m.right === m.cells) perfect++;
  else console.log(id, `${m.right}/${m.cells} right, ${m.wrong} wrong, ${m.unsure} unsure, ${m.notRead} not read`);
}
console.log(
  `${ids.length} PDFs: ${right}/${cells} cells right (${((100 * right) / cells).toFixed(2)}%), ${perfect} all right; ${Math.round(performance.now() - t0)} ms`,
);
process.exit(0);
