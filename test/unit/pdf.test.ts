/**
 * The PDF reader: the shape harness's LibreOffice PDFs read cell for cell as their expected tables
 * say; page numbers dropped and tables over page breaks joined; broken font maps' Kangxi radicals
 * normalised; scanned, encrypted and damaged PDFs and tables drawn as pictures said so plainly;
 * findings placed on the page; pdfjs's warnings never on stdout.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { check } from '../../server/src/core';
import { readDocument } from '../../server/src/readers';
import { readPdfPages, stopPdfWorker } from '../../server/src/readers/pdf';
import { layOut, normaliseCjk } from '../../server/src/readers/pdf-layout';
import type { PdfItem, PdfPage } from '../../server/src/readers/pdf-types';
import { FIXTURES, measure } from '../shapes/harness';
import type { Expected } from '../shapes/model';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
const DOCS = join(FIXTURES, 'docs');
const READERS = join(ROOT, 'test/readers/fixtures');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NIANBAO_LOCALE: '' } });

function readPdf(file: string) {
  const r = readDocument(file, readFileSync(file));
  if ('error' in r) throw new Error(r.error);
  return r;
}

after(() => stopPdfWorker());

describe('pdf: the harness PDFs', () => {
  it('every cell of the 40 LibreOffice PDFs as expected: none wrong, complete tables all right', () => {
    const ids = readdirSync(DOCS)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => f.slice(0, -4));
    assert.equal(ids.length, 40);
    let cells = 0;
    let right = 0;
    for (const id of ids) {
      const expected = JSON.parse(readFileSync(join(FIXTURES, 'pdf-layout', `${id}.expected.json`), 'utf8')) as Expected;
      const m = measure({ shape: 'pdf', id, text: readPdf(join(DOCS, `${id}.pdf`)).text, expected });
      assert.equal(m.wrong, 0, `${id}: ${m.wrong} cells wrong`);
      // Blank cells (the "with blanks" variants) may be read as unsure, never as another number.
      if (expected.blanks === 0) assert.equal(m.right, m.cells, `${id}: ${m.right}/${m.cells} right`);
      assert.equal(m.headingsRight, m.headings, `${id}: headings`);
      cells += m.cells;
      right += m.right;
    }
    assert.ok(right / cells > 0.99, `${right}/${cells} cells right`);
  });

  it('a table over a page break is read as one, without the page number between its halves', () => {
    // 000.pdf breaks 表三 between "7.属于行政执法案卷" and "8.属于行政查询事项", under the page number "-1-".
    const text = readPdf(join(DOCS, '000.pdf')).text;
    assert.doesNotMatch(text, /^\s*-\s*\d+\s*-\s*$/m);
    const { report, findings } = check(text);
    const requests = report.tables.find((t) => t.decl.id === 'requests')!;
    assert.equal(requests.confidence, 'certain');
    const rows = requests.blocks.flatMap((b) => b.rows.map((r) => r.decl.id));
    assert.ok(rows.includes('denied.enforcement') && rows.includes('denied.query') && rows.includes('carryover'), rows.join());
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );
  });
});

const item = (str: string, x: number, y: number, h = 12): PdfItem => ({ str, x, y, w: str.length * h, h });
const page = (items: PdfItem[]): PdfPage => ({ width: 595, height: 842, items, images: [] });

describe('pdf: laying out positioned text', () => {
  it('Kangxi radicals and CJK compatibility ideographs from broken font maps are normalised, nothing else', () => {
    assert.equal(normaliseCjk('⼀、总体情况'), '一、总体情况');
    assert.equal(normaliseCjk('⼆、主动公开政府信息情况'), '二、主动公开政府信息情况');
    assert.equal(normaliseCjk('\uf900'), '\u8c48');
    // Full-width digits and brackets are the report's own: other rules judge them.
    assert.equal(normaliseCjk('（一）１２'), '（一）１２');
    const { text } = layOut([page([item('⼀、总体情况', 50, 800), item('⼆、主动公开政府信息情况', 50, 770)])]);
    assert.equal(text, '一、总体情况\n二、主动公开政府信息情况\n');
  });

  it('lines by baseline, cells apart by runs of spaces, page numbers dropped, pages run together', () => {
    const p1 = page([item('行政许可', 50, 700), item('24', 300, 700.4), item('信息内容', 50, 720), item('本年处理决定数量', 300, 720), item('- 1 -', 280, 40)]);
    const p2 = page([item('第 2 页 共 3 页', 250, 800), item('行政处罚', 50, 700), item('0', 300, 700)]);
    const { text, segments } = layOut([p1, p2]);
    const lines = text.split('\n');
    assert.match(lines[0]!, /^信息内容 {2,}本年处理决定数量$/);
    assert.match(lines[1]!, /^行政许可 {2,}24$/);
    assert.match(lines[2]!, /^行政处罚 {2,}0$/);
    assert.equal(lines.length, 4);
    const at = text.indexOf('行政处罚');
    assert.deepEqual(segments.find((s) => s.start === at)?.where, { page: 2, x: 50, y: 142 });
  });
});

describe('pdf: documents that cannot be checked say why', () => {
  it('scanned, encrypted, damaged: one clear message, exit 2, never a crash', () => {
    const cases: [string, RegExp][] = [
      [join(READERS, 'scanned.pdf'), /扫描件，无文字层/],
      [join(READERS, 'encrypted.pdf'), /PDF 已加密/],
    ];
    for (const [file, message] of cases) {
      const r = run(['check', file]);
      assert.equal(r.status, 2, file);
      assert.match(r.stderr + r.stdout, message);
      assert.doesNotMatch(r.stderr + r.stdout, /Error:|Warning:|at .+\.js:\d+/);
    }
    const damaged = readDocument('x.pdf', Buffer.concat([readFileSync(join(DOCS, '000.pdf')).subarray(0, 3000)]));
    assert.ok('error' in damaged && /PDF/.test(damaged.error), JSON.stringify(damaged).slice(0, 200));
  });

  it('a table drawn as a picture: "表格为图片，无法检查", never table.missing', () => {
    const r = run(['check', '--format', 'json', join(READERS, 'picture-table.pdf')]);
    const [out] = JSON.parse(r.stdout);
    const codes = out.findings.map((f: { code: string }) => f.code);
    assert.ok(!codes.includes('table.missing'), codes.join());
    const picture = out.findings.find((f: { message: string }) => /表格为图片，无法检查/.test(f.message));
    assert.equal(picture?.code, 'table.unreadable');
    assert.equal(picture.fix, undefined);
  });
});

describe('pdf: the CLI', () => {
  it('check --format json on a PDF is JSON only (no pdfjs warnings), findings placed on the page', () => {
    const r = run(['check', '--format', 'json', join(READERS, 'picture-table.pdf'), join(DOCS, '000.pdf')]);
    assert.doesNotMatch(r.stdout, /Warning/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 2);
    const f = out[0].findings[0];
    assert.ok(f.source && f.source.page >= 1 && typeof f.source.x === 'number' && typeof f.source.y === 'number', JSON.stringify(f));
  });

  it("--jobs: PDFs checked in the CLI's worker threads print JSON only, the same as in one thread", () => {
    const files = [join(DOCS, '000.pdf'), join(DOCS, '001.pdf'), join(READERS, 'picture-table.pdf')];
    // Workers from the first file on (they start at WORKERS_FROM files otherwise).
    const many = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', '2', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NIANBAO_LOCALE: '', NIANBAO_WORKERS_FROM: '1' },
    });
    const one = run(['check', '--format', 'json', '--jobs', '1', ...files]);
    assert.doesNotMatch(many.stdout + many.stderr, /Warning/);
    assert.deepEqual(JSON.parse(many.stdout), JSON.parse(one.stdout));
  });

  it("show gives the same cells from a report's .pdf as from its .docx (reports without blank cells)", () => {
    for (const id of ['000', '005', '010']) {
      const cells = (file: string) => {
        const r = run(['show', '--format', 'json', file]);
        assert.equal(r.status, 0, r.stderr);
        const [shown] = JSON.parse(r.stdout);
        return shown.tables.map((t: { id: string; blocks: { rows: { label: string; cells: { value: number | null; state: string }[] }[] }[] }) => [
          t.id,
          t.blocks.flatMap((b) => b.rows.map((row) => row.cells.map((c) => (c.state === 'ok' ? c.value : c.state)))),
        ]);
      };
      assert.deepEqual(cells(join(DOCS, `${id}.pdf`)), cells(join(DOCS, `${id}.docx`)), id);
    }
  });
});

describe('doc: Word 97-2003 files', () => {
  it("the examples' .pdf and .doc: the same findings as their text, but where a PDF's wrapped row name leaves a row unsure", () => {
    const codes = (file: string) => {
      const r = run(['check', '--format', 'json', file]);
      const [out] = JSON.parse(r.stdout);
      assert.equal(out.error, undefined, `${file}: ${out.error}`);
      return out.findings.map((f: { code: string }) => f.code);
    };
    for (const [text, stem] of [
      ['examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt', 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告'],
      ['examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md', 'examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告'],
    ] as const) {
      const want = codes(text);
      assert.deepEqual(codes(`${stem}.doc`), want, `${stem}.doc`);
      // The PDF may say a row cannot be read (a row name wrapped round its numbers), never more.
      assert.deepEqual(
        codes(`${stem}.pdf`).filter((c: string) => c !== 'table.unreadable'),
        want,
        `${stem}.pdf`,
      );
    }
  });

  it('a damaged .doc says so, exit 2; a .doc that is a .docx or a web page is still read as what it is', () => {
    const bytes = readFileSync(join(ROOT, 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.doc'));
    const cut = readDocument('x.doc', bytes.subarray(0, 4096));
    assert.ok('error' in cut && /Word 97-2003 文档已损坏或加密/.test(cut.error), JSON.stringify(cut).slice(0, 200));
    const whole = readDocument('x.doc', bytes);
    assert.ok(!('error' in whole) && whole.kind === 'doc' && /一、总体情况/.test(whole.text));
  });
});

describe('pdf: loaded only when a PDF or .doc is read', () => {
  it("the CLI, the server and the extension bundles hold neither pdfjs nor word-extractor; the worker's bundle and pdfjs's data are built beside them", () => {
    for (const bundle of ['server/out/cli.js', 'server/out/server.js', 'client/out/extension.js']) {
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      assert.doesNotMatch(code, /PDFDocumentProxy|WordExtractor/, bundle);
    }
    assert.match(readFileSync(join(ROOT, 'server/out/pdf-worker.js'), 'utf8'), /PDFDocumentProxy/);
    assert.ok(readdirSync(join(ROOT, 'server/out/pdfjs/cmaps')).includes('UniGB-UCS2-H.bcmap'));
    assert.ok(readdirSync(join(ROOT, 'server/out/pdfjs/standard_fonts')).length > 0);
    // And they ship in the .vsix.
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!server\/out\/pdf-worker\.js$/m);
    assert.match(ignore, /^!server\/out\/pdfjs\/\*\*$/m);
  });
});

describe('pdf: the worker', () => {
  it('a PDF that takes longer than the limit is given up ("timeout"), and the next one is read by a fresh worker', () => {
    const bytes = readFileSync(join(DOCS, '001.pdf'));
    assert.equal(readPdfPages(bytes, { timeoutMs: 1 }).failure, 'timeout');
    const again = readPdfPages(bytes);
    assert.equal(again.failure, undefined);
    assert.ok(again.pages && again.pages.length > 0);
  });
});
