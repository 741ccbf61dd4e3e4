/**
 * The report view of a document that is not text, over the protocol as the VS Code client uses it:
 * `nianbao/importText` reads a .docx or a .pdf as `nianbao import` does, the client opens that text
 * as a `nianbao-import:` document, and the server checks it with the findings `nianbao check` gives
 * for the file itself (the same rules and messages), the original's `.nianbaorc.json` applying, a
 * table drawn as a picture said to be one, and the hover naming where a finding is in the original.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { localize } from '../../server/src/core';
import { checkOne } from '../../server/src/cli/outcome';
import { ConfigLookup } from '../../server/src/host/config';
import { checkPage } from '../../server/src/features/htmlDocument';
import { documentFile } from '../../server/src/features/importView';
import { htmlPositions } from '../../server/src/readers/html-positions';
import { defaultConfig } from '../../server/src/core';
import { IMPORT_SCHEME, IMPORT_TEXT_REQUEST, type ImportText, importedFrom } from '../../server/src/features/protocol';
import { read, ROOT } from '../helpers';
import { textToDocx } from '../readers/docs';
import { startPair, type TestClient } from './harness';

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
const PICTURE_PDF = join(ROOT, 'test/readers/fixtures/picture-table.pdf');
const SCANNED_PDF = join(ROOT, 'test/readers/fixtures/scanned.pdf');

/** The view's uri as the VS Code client spells it: the original's uri, encoded, as the query. */
const viewUri = (file: string) => `${IMPORT_SCHEME}:/${encodeURIComponent('view')}?${encodeURIComponent(pathToFileURL(file).href)}`;

/** What `nianbao check FILE` says, as "rule message" lines. */
function cliFindings(file: string): string[] {
  const o = checkOne(0, file, { explicit: null, lookup: new ConfigLookup() }, false);
  assert.equal(o.error, undefined, o.error);
  return o.findings!.map((f) => `${f.code} ${localize(f.message, 'zh')}`).sort();
}

async function openView(c: TestClient, file: string) {
  const answer = await c.request<ImportText>(IMPORT_TEXT_REQUEST, { uri: pathToFileURL(file).href });
  assert.equal(answer.message, undefined, answer.message);
  assert.ok(answer.text);
  const uri = viewUri(file);
  const published = await c.open(uri, 'plaintext', answer.text);
  return { answer, uri, published, seen: published.diagnostics.map((d) => `${d.code} ${d.message}`).sort() };
}

const hoverText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('report view (nianbao-import:)', () => {
  let dir: string;
  let docx: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-view-'));
    docx = join(dir, '白沙镇人民政府2023年政府信息公开工作年度报告.docx');
    writeFileSync(docx, textToDocx(read(ERRORS_2023)));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the uri of a view names its original; a file stands for itself', () => {
    const file = join(dir, '某 局.pdf');
    assert.equal(importedFrom(viewUri(file)), pathToFileURL(file).href);
    assert.equal(documentFile(viewUri(file)), file);
    assert.equal(documentFile(pathToFileURL(file).href), file);
    assert.equal(importedFrom('file:///a.txt'), null);
    assert.equal(importedFrom(`${IMPORT_SCHEME}:/x`), null, 'no original');
    assert.equal(importedFrom(`${IMPORT_SCHEME}:/x?${encodeURIComponent('https://example.com/a.pdf')}`), null, 'not a file');
    assert.equal(documentFile('untitled:Untitled-1'), null);
  });

  it('a .docx with errors: the text nianbao import writes, checked with the findings nianbao check gives for the .docx', async () => {
    const c = await startPair();
    try {
      const { answer, uri, published, seen } = await openView(c, docx);
      assert.equal(answer.kind, 'docx');
      assert.equal(answer.format, '2021');
      assert.equal(answer.year, 2023);
      const expected = cliFindings(docx);
      assert.ok(
        expected.some((f) => f.startsWith('table.')),
        'the example has table findings',
      );
      assert.deepEqual(seen, expected);
      assert.equal(answer.error, published.diagnostics.filter((d) => d.severity === 1).length, 'the counts the view states');
      // The hover on a finding says where it is in the Word document.
      const d = published.diagnostics.find((x) => String(x.code).startsWith('table.row-total'))!;
      assert.ok(d, 'a wrong row total');
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
      assert.match(hoverText(h), /在原文中：第 \d+ 张表，第 \d+ 行，第 \d+ 列/);
    } finally {
      await c.dispose();
    }
  });

  it('a PDF with a table drawn as a picture: “表格为图片，无法检查” in the view too, never table.missing; the hover names its page', async () => {
    const c = await startPair();
    try {
      const { answer, uri, published, seen } = await openView(c, PICTURE_PDF);
      assert.equal(answer.kind, 'pdf');
      assert.deepEqual(seen, cliFindings(PICTURE_PDF));
      assert.ok(!seen.some((s) => s.startsWith('table.missing')));
      const picture = published.diagnostics.find((x) => x.message.startsWith('表格为图片，无法检查'));
      assert.ok(picture);
      const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: picture.range.start });
      // The page the finding's place (the section's heading) is on, as `nianbao check --format json` gives it.
      const o = checkOne(0, PICTURE_PDF, { explicit: null, lookup: new ConfigLookup() }, false);
      const source = o.findings!.find((f) => localize(f.message, 'zh') === picture.message)!.source as { page: number };
      assert.equal(hoverText(h), `在原文中：第 ${source.page} 页`);
    } finally {
      await c.dispose();
    }
  });

  it('a scanned PDF or a missing file: no text, the reason in the client’s language', async () => {
    const c = await startPair({ locale: 'en' });
    try {
      const scanned = await c.request<ImportText>(IMPORT_TEXT_REQUEST, { uri: pathToFileURL(SCANNED_PDF).href });
      assert.equal(scanned.text, undefined);
      assert.match(scanned.message!, /扫描件，无文字层/);
      const missing = await c.request<ImportText>(IMPORT_TEXT_REQUEST, { uri: pathToFileURL(join(dir, 'none.pdf')).href });
      assert.equal(missing.text, undefined);
      assert.match(missing.message!, /no such file/);
      const remote = await c.request<ImportText>(IMPORT_TEXT_REQUEST, { uri: 'https://example.com/a.pdf' });
      assert.equal(remote.message, 'only files on this machine can be opened');
    } finally {
      await c.dispose();
    }
  });

  it('the original’s .nianbaorc.json applies to its view', async () => {
    const sub = join(dir, 'quiet');
    mkdirSync(sub);
    const quiet = join(sub, 'report.docx');
    writeFileSync(quiet, textToDocx(read(ERRORS_2023)));
    writeFileSync(join(sub, '.nianbaorc.json'), JSON.stringify({ rules: { 'table.row-total': 'off' } }));
    const c = await startPair();
    try {
      const { seen } = await openView(c, quiet);
      assert.ok(seen.length > 0);
      assert.ok(!seen.some((s) => s.startsWith('table.row-total')), 'turned off beside the original');
      assert.deepEqual(seen, cliFindings(quiet));
    } finally {
      await c.dispose();
    }
  });
});

const PAGE = 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.html';

/** The example page with its （七）总计 · 总计 changed from 43 to 44, changed in the source where the reader read it. */
function wrongTotalPage(): { source: string; at: number } {
  const source = read(PAGE);
  const p = htmlPositions(source);
  assert.ok(!('error' in p));
  const line = p.text.split('\n').find((l) => l.includes('（七）总计'))!;
  const offset = p.text.indexOf(line) + line.lastIndexOf('43');
  const at = p.toSource([offset, offset + 2]);
  assert.ok(at, 'the cell is found in the source');
  assert.equal(source.slice(at[0], at[1]), '43');
  return { source: source.slice(0, at[0]) + '44' + source.slice(at[1]), at: at[0] };
}

describe('web pages in the editor (language html)', () => {
  it('a page holding a report: squiggles on the page’s source where the findings are, the same as nianbao check of the page', async () => {
    const { source, at } = wrongTotalPage();
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-page-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, source);
    const c = await startPair();
    try {
      const uri = pathToFileURL(file).href;
      const published = await c.open(uri, 'html', source);
      const doc = c.docs.get(uri)!;
      const placed = published.diagnostics.filter((d) => d.code !== 'html.unplaced');
      assert.ok(placed.length > 0);
      // Every squiggle marks the very text the finding is about: the changed total among them.
      const total = placed.find((d) => doc.offsetAt(d.range.start) === at);
      assert.ok(total, 'a squiggle on the changed cell');
      assert.equal(doc.getText(total.range), '44');
      for (const d of placed) assert.ok(!('fix' in (d.data as object)), 'no fixes on a web page');
      // With the one note for those that cannot be placed, nothing is lost.
      const note = published.diagnostics.find((d) => d.code === 'html.unplaced');
      const unplaced = note ? Number(/另有 (\d+) 处/.exec(note.message)![1]) : 0;
      const expected = cliFindings(file);
      assert.equal(placed.length + unplaced, expected.length);
      for (const d of placed) assert.ok(expected.includes(`${d.code} ${d.message}`), `${d.code} ${d.message}`);
    } finally {
      await c.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a blank cell cannot be placed on the source: one information note says so, no squiggle near it', () => {
    const { source } = wrongTotalPage();
    const p = htmlPositions(source) as Exclude<ReturnType<typeof htmlPositions>, { error: string }>;
    const line = p.text.split('\n').find((l) => l.startsWith('四、结转下年度继续办理'))!;
    const offset = p.text.indexOf(line) + line.indexOf('\t2\t') + 1;
    const at = p.toSource([offset, offset + 1])!;
    const blanked = source.slice(0, at[0]) + source.slice(at[1]);
    const checked = checkPage('file:///page.html', 1, blanked, defaultConfig())!;
    assert.ok(checked.unplaced.some((f) => f.rule === 'table.cell-blank'));
    assert.ok(!checked.a.result.findings.some((f) => f.rule === 'table.cell-blank'));
  });

  it('a page that holds no report gets no diagnostics', async () => {
    const c = await startPair();
    try {
      await c.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'file:///tmp/site.html', languageId: 'html', version: 1, text: '<html><body><h1>首页</h1><p>欢迎访问。</p></body></html>' },
      });
      const { source } = wrongTotalPage();
      await c.open('file:///tmp/report.html', 'html', source);
      assert.ok(!c.published.some((p) => p.uri === 'file:///tmp/site.html'));
    } finally {
      await c.dispose();
    }
  });
});
