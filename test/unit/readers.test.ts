/**
 * The readers: a report as Word .docx, as a web page (UTF-8 or GBK) and as text reads as the same
 * tables; each of Word's and HTML's features a report uses is read as a person sees it; the
 * encodings; the file types nianbao does not read; where a finding is in the document.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, localize, showReport } from '../../server/src/core';
import { readReport } from '../../server/src/host/read';
import { isFailure, readDocument, type ReadDocument } from '../../server/src/readers';
import { plausibleGb } from '../../server/src/readers/charset';
import { chineseNumber } from '../../server/src/readers/numbering';
import { zip } from '../shapes/docx';
import { measure } from '../shapes/harness';
import { featuresDocx, textToDocx } from '../readers/docs';
import { EXAMPLES, HTML_IDS, READER_FIXTURES } from '../readers/generate';
import { documentsOf } from '../readers/measure';
import { expectedOf } from '../shapes/model';
import { read, ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NIANBAO_LOCALE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-readers-'));

function doc(path: string, bytes: Buffer): ReadDocument {
  const r = readDocument(path, bytes);
  if (isFailure(r)) throw new Error(`${path}: ${r.error}`);
  return r;
}

/** The tables as `nianbao show` gives them, without where they stand in the text (which differs by type). */
function tablesOf(text: string) {
  const shown = showReport(check(text), 'x');
  return shown.tables.map((t) => ({
    id: t.id,
    confidence: t.confidence,
    blocks: t.blocks.map((b) => b.rows.map((r) => [r.label, r.confidence, r.cells.map((c) => [c.header, c.value, c.raw, c.state, c.confidence])])),
  }));
}

const fileText = (path: string) => {
  const r = readReport(path);
  if ('error' in r) throw new Error(`${path}: ${r.error}`);
  return r;
};

describe('readers: the same tables from .docx, .html (UTF-8 and GBK) and text', () => {
  for (const name of EXAMPLES) {
    it(`examples/${name}`, () => {
      const stem = join(ROOT, 'examples', name.replace(/\.(txt|md)$/, ''));
      const want = tablesOf(read(`examples/${name}`));
      assert.equal(want.length, 3);
      assert.ok(want.every((t) => t.confidence === 'certain'));
      for (const [ext, encoding] of [
        ['.docx', 'utf-8'],
        ['.html', 'utf-8'],
        ['.gbk.html', 'gb18030'],
      ] as const) {
        const r = fileText(stem + ext);
        assert.equal(r.encoding, encoding, ext);
        assert.deepEqual(tablesOf(r.text), want, ext);
      }
    });
  }

  it(`the harness's reports ${HTML_IDS.join(', ')}: every cell and heading read right from the .docx and both pages`, () => {
    for (const id of HTML_IDS) {
      const expected = JSON.parse(readFileSync(join(ROOT, 'test/shapes/fixtures/pdf-text', `${id}.expected.json`), 'utf8'));
      const docx = fileText(join(ROOT, 'test/shapes/fixtures/docs', `${id}.docx`));
      const want = tablesOf(docx.text);
      for (const [path, text] of [
        ['docx', docx.text],
        ['html', fileText(join(READER_FIXTURES, `${id}.html`)).text],
        ['gbk.html', fileText(join(READER_FIXTURES, `${id}.gbk.html`)).text],
      ] as const) {
        const m = measure({ shape: path, id, text, expected });
        assert.deepEqual([m.right, m.wrong, m.unsure, m.notRead, m.headingsRight], [m.cells, 0, 0, 0, m.headings], `${id}.${path}`);
        assert.deepEqual(tablesOf(text), want, `${id}.${path}`);
      }
    }
  });

  it("the harness's documents written as .docx and as published pages (chrome, spans, &nbsp;, <br>, rowspan/colspan, GBK): every cell and heading", () => {
    for (const { rep, docs } of documentsOf(['000', '001', '002', '003', '004', '005', '200', '201'])) {
      for (const [kind, name, bytes] of docs) {
        const text = doc(name, bytes).text;
        const m = measure({ shape: kind, id: rep.id, text, expected: expectedOf(rep, kind, false, []) });
        assert.deepEqual([m.right, m.headingsRight], [m.cells, m.headings], `${rep.id} ${kind}`);
        assert.ok(!m.findings.some((f) => f.rule === 'text.artifact'), `${rep.id} ${kind}: the page's chrome is left out`);
      }
    }
  });

  it('the example drafts with errors, written into .docx: the same findings as their text', () => {
    for (const name of ['白沙镇人民政府2023年政府信息公开工作年度报告.txt', '石门街道办事处2022年政府信息公开工作年度报告.txt']) {
      const text = read(`examples/errors/${name}`);
      const fromDocx = doc('x.docx', textToDocx(text)).text;
      const findings = (t: string) => check(t).findings.map((f) => `${f.rule} ${localize(f.message, 'zh')}`);
      assert.deepEqual(findings(fromDocx), findings(text), name);
    }
  });
});

describe('readers: the encoding, said', () => {
  it('check and show: "encoding" in the JSON, a note on stderr when it is not UTF-8', () => {
    const gbk = 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.gbk.html';
    const checked = run(['check', '--format', 'json', gbk]);
    assert.equal(JSON.parse(checked.out)[0].encoding, 'gb18030');
    assert.match(checked.err, /注意：按 GB18030 编码读取 \/ note: read as GB18030/);
    const shown = run(['show', '--format', 'json', gbk]);
    assert.equal(shown.code, 0, shown.err);
    assert.equal(JSON.parse(shown.out)[0].encoding, 'gb18030');
    assert.match(shown.err, /按 GB18030 编码读取/);
    const utf8 = run(['check', 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.html']);
    assert.doesNotMatch(utf8.err, /编码读取/);
  });
});

describe('readers: .docx', () => {
  const text = doc('features.docx', featuresDocx()).text;
  const lines = text.split('\n');

  it("automatic numbering: chineseCounting “一、” “（一）”, decimal “1.”, through the paragraph's style too; counters nest and continue", () => {
    assert.deepEqual(lines.slice(1, 8), [
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '二、主动公开政府信息情况',
      '（一）规章',
    ]);
    assert.equal(lines[8], '一条要点', 'a bullet shows no number');
    assert.deepEqual(
      [1, 10, 11, 20, 21, 100, 105].map((n) => chineseNumber(n)),
      ['一', '十', '十一', '二十', '二十一', '一百', '一百零五'],
    );
  });

  it('tracked changes as accepted, comments, hidden text and field codes left out, a text box read once, header and footer dropped', () => {
    assert.ok(lines.includes('共收到申请5件'), 'insertion kept, deletion dropped');
    assert.ok(lines.includes('批注范围内的正文') && !text.includes('批注内容'), 'comment text not read');
    assert.ok(lines.includes('正文') && !text.includes('隐藏文字'), 'hidden text not read');
    assert.equal(text.split('文本框中的文字').length, 2, 'the text box once (not its VML fallback)');
    assert.ok(!text.includes('页眉文字') && !text.includes('- 1 -') && !text.includes('PAGE'), 'no header, footer or field code');
    assert.ok(lines.includes('7'), "a field's result is read");
  });

  it('merged cells: gridSpan across and vMerge down, a merged cell once, where it starts; line breaks inside a cell join', () => {
    assert.deepEqual(lines.slice(-4, -1), ['事项\t申请人情况', '自然人\t商业企业\t总计', '本年新收\t3\t2\t5']);
    const d = doc('features.docx', featuresDocx());
    assert.deepEqual(
      d.tables?.[0]?.rows.map((r) => r.map((c) => `${c.col}:${c.text}`)),
      [
        ['1:事项', '2:申请人情况'],
        ['2:自然人', '3:商业企业', '4:总计'],
        ['1:本年新收', '2:3', '3:2', '4:5'],
      ],
    );
  });

  it('a zip bomb, a damaged archive, a .docx that is not a zip: one clear message each', () => {
    const huge = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${'年'.repeat(12 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`;
    const bomb = zip([['word/document.xml', huge]]);
    assert.ok(bomb.length < 1024 * 1024, 'the bomb is small');
    const cases: [Buffer, RegExp][] = [
      [bomb, /解压后过大/],
      [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), /文档已损坏/],
      [zip([['word/document.xml', '<w:document><w:body><w:p>']]), /文档已损坏，无法解析/],
      [zip([['readme.txt', '年报']]), /不是 Word 文档/],
      [Buffer.from('年度报告'), /不是有效的 .docx 文件/],
    ];
    for (const [bytes, message] of cases) {
      const r = readDocument('report.docx', bytes);
      assert.ok(isFailure(r));
      assert.match(r.error, message);
    }
  });
});

const page = (body: string, head = '<meta charset="utf-8">') => `<!DOCTYPE html><html><head>${head}<title>年报</title></head><body>${body}</body></html>`;
const HEADINGS =
  '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>';

describe('readers: web pages', () => {
  it('the article: breadcrumbs, menus and footers around it left out; a label split over spans is one; hidden elements and scripts are not read', () => {
    const html = page(
      `<div class="crumb">首页 &gt; 政府信息公开 &gt; 年报</div><div id="main"><h1><span>某某局2024年</span><font>政府信息公开工作年度报告</font></h1>${HEADINGS}<p style="display:none">隐藏</p><script>var x = "一、总体情况";</script></div><div class="foot">主办单位：某某局 ICP备12345678号</div>`,
    );
    const lines = doc('a.html', Buffer.from(html)).text.split('\n');
    assert.equal(lines[0], '某某局2024年政府信息公开工作年度报告');
    assert.equal(lines[1], '一、总体情况');
    assert.ok(!lines.some((l) => /首页|ICP|隐藏|var x/.test(l)), lines.join('|'));
  });

  it('tables: rowspan and colspan laid on the grid, <br> inside a cell joined, &nbsp; padding trimmed, no border attribute needed', () => {
    const html = page(
      `<table style="border-collapse:collapse"><tr><td rowspan="2">事项</td><td colspan="3">申请人情况</td></tr><tr><td>自然人</td><td>商业<br>企业</td><td><p>总</p><p>计</p></td></tr><tr><td>本年新收</td><td>&nbsp;3&nbsp;</td><td>&nbsp;</td><td>5</td></tr></table>`,
    );
    const d = doc('t.htm', Buffer.from(html));
    assert.equal(d.text, '事项\t申请人情况\n自然人\t商业企业\t总计\n本年新收\t3\t\t5\n');
    assert.deepEqual(
      d.tables?.[0]?.rows.map((r) => r.map((c) => c.col)),
      [
        [1, 2],
        [2, 3, 4],
        [1, 2, 3, 4],
      ],
    );
  });

  it('a layout table (one column, or tables inside) is read as the paragraphs it holds', () => {
    const html = page(`<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>`);
    assert.equal(doc('l.html', Buffer.from(html)).text, '一、总体情况\n正文\n');
  });

  it('the charset: gbk, gb2312 and gb18030 all decoded as GB18030 (four-byte sequences too); undeclared GBK recognised; arbitrary bytes not "decoded"', () => {
    const four = Buffer.from([0x81, 0x30, 0x89, 0x38]); // ß (U+00DF): a four-byte GB18030 sequence, which Node's gbk rejects
    const body = Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2]); // 政府信息
    for (const label of ['gbk', 'GB2312', 'gb18030', 'x-gbk']) {
      const bytes = Buffer.concat([
        Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${label}"></head><body><p>`),
        body,
        four,
        Buffer.from('</p></body></html>'),
      ]);
      const d = doc('g.html', bytes);
      assert.equal(d.encoding, 'gb18030', label);
      assert.equal(d.text, '政府信息\u00df\n', label);
    }
    const xhtml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="GB2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>'),
      body,
      Buffer.from('</p></body></html>'),
    ]);
    assert.deepEqual([doc('x.xhtml', xhtml).encoding, doc('x.xhtml', xhtml).text], ['gb18030', '政府信息\n']);
    const undeclared = Buffer.concat([Buffer.from('<html><body><p>'), body, Buffer.from('</p></body></html>')]);
    assert.equal(doc('u.html', undeclared).encoding, 'gb18030');
    const noise = Buffer.alloc(600);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x81 + ((i * 37) % 0x3f);
    assert.equal(plausibleGb(noise), false);
    const r = readDocument('n.html', Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body>'), noise, Buffer.from('</body></html>')]));
    assert.ok(isFailure(r));
    assert.match(r.error, /无法识别文本编码/);
  });
});

describe('readers: text encodings', () => {
  const REPORT = '某某局2024年政府信息公开工作年度报告\n一、总体情况\n';
  it('UTF-8 (with or without a BOM), UTF-16 LE and BE with a BOM, GB18030 with or without its BOM', () => {
    const gb = Buffer.from([0xc4, 0xea, 0xb1, 0xa8]); // 年报
    const cases: [Buffer, string, string][] = [
      [Buffer.from(`\ufeff${REPORT}`), REPORT, 'utf-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]), REPORT, 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(REPORT, 'utf16le').swap16()]), REPORT, 'utf-16be'],
      [gb, '年报', 'gb18030'],
      [Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gb]), '年报', 'gb18030'],
    ];
    for (const [bytes, text, encoding] of cases) {
      const d = doc('r.txt', bytes);
      assert.deepEqual([d.text, d.encoding], [text, encoding]);
    }
  });
});

describe('readers: file types nianbao does not read, and documents that are not what their name says', () => {
  it('unsupported types: "不支持的文件类型", exit 2; a .doc that is a web page or a .docx is read', () => {
    const dir = tmp();
    const files: [string, Buffer | string, RegExp | null][] = [
      ['a.wps', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /不支持的文件类型（WPS 文字文档/],
      ['b.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Word 97-2003 文档已损坏或加密/],
      ['c.mht', 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"\n\n--x\n', /不支持的文件类型（MHT/],
      ['d.mhtml', '<html><body>一、总体情况</body></html>', /不支持的文件类型（MHT/],
      ['e.ofd', zip([['OFD.xml', '<ofd:OFD/>']]), /不支持的文件类型（OFD/],
      ['f.doc', '{\\rtf1\\ansi 一、总体情况}', /不支持的文件类型（RTF/],
      ['g.pdf', '%PDF-1.7\n', /PDF 文件已损坏/],
      ['h.doc', page(`<h1>某某局2024年政府信息公开工作年度报告</h1>${HEADINGS}`), null],
      ['i.doc', textToDocx(read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt')), null],
    ];
    for (const [name, bytes, message] of files) {
      writeFileSync(join(dir, name), bytes);
      const r = run(['check', join(dir, name)]);
      if (message) {
        assert.equal(r.code, 2, name);
        assert.match(r.err, message, name);
      } else assert.notEqual(r.code, 2, `${name}: ${r.err}`);
      assert.doesNotMatch(r.err, /Error:|at .+\.js:\d+/, name);
    }
  });
});

describe('readers: where a finding is', () => {
  it('JSON and SARIF give the table cell or the element of a .docx; text output stays file:line:col on the text read', () => {
    const dir = tmp();
    const file = join(dir, 'r.docx');
    writeFileSync(file, textToDocx(read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt')));
    const json = JSON.parse(run(['check', '--format', 'json', file]).out);
    assert.equal(json[0].encoding, 'utf-8');
    type Out = { code: string; offset: [number, number]; source?: { table?: number; row?: number; col?: number; element?: string } };
    const findings: Out[] = json[0].findings;
    const given = doc('r.docx', readFileSync(file));
    // A finding on a cell names the cell the document gives: its range holds the finding's start.
    const total = findings.find((f) => f.code === 'table.group-total')!;
    const s = total.source!;
    const cell = given.tables![s.table! - 1]!.rows[s.row! - 1]!.find((c) => c.col === s.col)!;
    assert.ok(cell.range[0] <= total.offset[0] && total.offset[0] <= cell.range[1], JSON.stringify(s));
    assert.equal(cell.text, '2', 'the 总计 written as 2');
    const wording = findings.find((f) => f.code === 'section.wording')!;
    assert.match(wording.source?.element ?? '', /^w:body\/w:p\[\d+\]$/);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', file]).out);
    const res = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'table.group-total');
    assert.deepEqual(res.properties.source, s);
    const text = run(['check', file]).out;
    assert.match(text, /r\.docx:\d+:\d+ error table\.group-total/);
    assert.doesNotMatch(text, /可修复/, '--fix never writes a .docx: nothing is offered as fixable');
    // Plain text has no source: its line and column are the file's.
    const plain = JSON.parse(run(['check', '--format', 'json', join(ROOT, 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt')]).out);
    assert.ok(plain[0].findings.every((f: { source?: unknown }) => f.source === undefined));
  });
});

describe('readers: pathological documents', () => {
  it('deep nesting, huge spans, unbalanced tags: a text or one clear message, never an exception', () => {
    const cases = [
      page(`${'<div>'.repeat(100_000)}一、总体情况`),
      page(`${'<div>'.repeat(1_500)}一、总体情况`),
      page(`<table>${`<tr>${'<td rowspan="1000" colspan="64">1</td>'.repeat(20)}</tr>`.repeat(1000)}</table>`),
      page('<table><tr><td>一<table><tr><td>二</td></tr></table></td></tr><tr><td>三</td><td>四'),
      '<html',
      '\u0000\u0001<html>',
    ];
    for (const html of cases) {
      const r = readDocument('p.html', Buffer.from(html));
      assert.ok(isFailure(r) ? r.error.length > 0 : typeof r.text === 'string');
    }
    const deepDocx = zip([
      [
        'word/document.xml',
        `<w:document xmlns:w="w"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(5000)}<w:p><w:r><w:t>年</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(5000)}</w:body></w:document>`,
      ],
    ]);
    const d = doc('deep.docx', deepDocx);
    assert.equal(d.text, '年\n');
  });
});
