// The drafts the e2e tests open: bundled examples with one wrong 总计 each, written next to the
// clean examples in a workspace (`wrong-total/`, same file names, so the .txt opens as nianbao).
// Usage as a script: node fixtures.js WORKSPACE (copies examples/ there first).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const TXT = '青禾县市场监督管理局2022年政府信息公开工作年度报告.txt';
const MD = '云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md';

/** The line that ends with `clean` gets `broken` at its end instead; `wrong` is the wrong cell's text, `right` the right one. */
const BROKEN = [
  // 表三 （一）予以公开: 10+5+0+1+1+1 = 18, written 19 (its row total and the column's （七）总计 both break).
  { file: TXT, clean: '（一）予以公开\t10\t5\t0\t1\t1\t1\t18', broken: '（一）予以公开\t10\t5\t0\t1\t1\t1\t19', wrong: '19', right: '18' },
  // 表四 行政复议: 1+1+0+0 = 2, written 3.
  { file: MD, clean: '| 行政复议 | 1 | 1 | 0 | 0 | 2 |', broken: '| 行政复议 | 1 | 1 | 0 | 0 | 3 |', wrong: '3', right: '2' },
];

function writeWrongTotals(workspace) {
  const dir = path.join(workspace, 'wrong-total');
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const b of BROKEN) {
    const clean = fs.readFileSync(path.join(ROOT, 'examples', b.file), 'utf8');
    const lines = clean.split('\n');
    const hits = lines.flatMap((l, n) => (l.endsWith(b.clean) ? [n] : []));
    if (hits.length !== 1) throw new Error(`examples/${b.file}: expected one line ending with ${JSON.stringify(b.clean)}`);
    const i = hits[0];
    lines[i] = lines[i].slice(0, -b.clean.length) + b.broken;
    const file = path.join(dir, b.file);
    fs.writeFileSync(file, lines.join('\n'));
    out.push({ ...b, path: file, cleanText: clean, line: i, column: lines[i].lastIndexOf(b.wrong), lineText: lines[i] });
  }
  return out;
}

module.exports = { ROOT, TXT, MD, writeWrongTotals };

if (require.main === module) {
  const ws = process.argv[2];
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  for (const f of writeWrongTotals(ws)) console.log(`${path.relative(ws, f.path)}:${f.line + 1}:${f.column + 1} ${f.wrong} (should be ${f.right})`);
}
