/**
 * The table view's page (client/src/tableview/render.ts), parsed back with parse5 as a browser
 * would: what a user sees in each cell, the marks, the Content-Security-Policy, and a hostile report
 * whose every text tries to break out of its cell.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { cellAt, cellId, renderBody, renderPage } from '../../client/src/tableview/render';
import { check, reportTemplate, showReport } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import type { ShownReport } from '../../server/src/core/show';
import { read } from '../helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
const OPTS = { locale: 'zh' as const, nonce: 'n0nce', cspSource: 'https://webview.test', title: '表格：x.txt' };

function elements(n: Node, out: Element[] = []): Element[] {
  if ('tagName' in n) out.push(n);
  if ('childNodes' in n) for (const c of n.childNodes) elements(c, out);
  if ('content' in n && n.content) elements(n.content as Node, out);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in n ? n.childNodes.map(text).join('') : '';
}
const page = (shown: ShownReport | null, title = OPTS.title) => elements(parse(renderPage(shown, { ...OPTS, title })));
const byId = (els: Element[], id: string) => els.find((e) => attr(e, 'id') === id)!;

describe('table view page', () => {
  const source = read(ERRORS_2023);
  const shown = showReport(check(source), ERRORS_2023);
  const requests = shown.tables.findIndex((t) => t.id === 'requests');
  const rows = shown.tables[requests]!.blocks[0]!.rows;
  const els = page(shown);

  it('the three tables, with row and column names', () => {
    const headings = els.filter((e) => e.tagName === 'h2').map(text);
    assert.deepEqual(headings.length, shown.tables.length);
    assert.ok(
      headings.some((h) => h.includes('收到和处理政府信息公开申请情况')),
      headings.join(),
    );
    const rowNames = els.filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'row').map(text);
    assert.ok(rowNames.includes('（七）总计'));
    const colNames = els.filter((e) => e.tagName === 'th' && attr(e, 'scope') === 'col').map(text);
    for (const c of ['自然人', '总计', '本年制发件数']) assert.ok(colNames.includes(c), c);
    // 表四 as its groups × outcomes: 行政复议 / 行政诉讼… as rows, 结果维持… as columns.
    assert.ok(colNames.includes('结果维持'));
    assert.ok(rowNames.some((r) => r.startsWith('行政复议')));
  });

  it('the wrong total is red with the value it should have; a right cell is not', () => {
    const ri = rows.findIndex((r) => r.label === '（七）总计');
    const ci = rows[ri]!.cells.findIndex((c) => c.header === '自然人');
    const cell = rows[ri]!.cells[ci]!;
    const td = byId(els, cellId(requests, 0, ri, ci));
    assert.match(attr(td, 'class')!, /\bwrong\b/);
    assert.equal(text(td), `${cell.raw}应为 ${cell.expected}`);
    assert.notEqual(cell.expected, cell.raw);
    assert.match(attr(td, 'title')!, new RegExp(`应为 ${cell.expected}`));
    const ok = byId(els, cellId(requests, 0, 0, 0));
    assert.doesNotMatch(attr(ok, 'class')!, /wrong/);
    // Enter jumps to the cell: its place in the text travels with it.
    const line = source.split('\n')[Number(attr(td, 'data-line')) - 1]!;
    const at = Number(attr(td, 'data-character'));
    assert.equal(line.slice(at, at + Number(attr(td, 'data-length'))), cell.raw);
  });

  it('blank, split and uncertain cells and rows are marked', () => {
    const text0 = requestsExample({ 'granted:natural': '3', 'granted:total': '' }).replace(/（二）部分公开(.*?)(\t0)+\n/, '（二）部分公开$1\n1\n\n0\n0\n');
    const s = showReport(check(text0), 'x.txt');
    const es = page(s);
    const t = s.tables.findIndex((x) => x.id === 'requests');
    const rs = s.tables[t]!.blocks[0]!.rows;
    const granted = rs.findIndex((r) => r.label === '（一）予以公开');
    const blank = byId(es, cellId(t, 0, granted, 6));
    assert.match(attr(blank, 'class')!, /\bblank\b/);
    assert.match(attr(blank, 'title')!, /空白/);
    const partial = rs.findIndex((r) => r.label.startsWith('（二）部分公开'));
    const rowHead = es.filter((e) => e.tagName === 'tr' && /uncertain-row/.test(attr(e, 'class') ?? '')).map(text);
    assert.ok(
      rowHead.some((r) => r.startsWith('（二）部分公开')),
      `uncertain rows: ${rowHead.join(' | ')} (row ${partial})`,
    );
    assert.match(text(es.find((e) => attr(e, 'class') === 'note')!), /识别不确定/);
  });

  it('a new report from the template: every cell blank, none red', () => {
    const s = showReport(check(reportTemplate(2023, '某某局')), 'new.txt');
    const es = page(s);
    const cells = es.filter((e) => e.tagName === 'td');
    assert.ok(cells.length > 50, `${cells.length} cells`);
    assert.ok(cells.every((td) => /\bblank\b/.test(attr(td, 'class')!) && !/wrong/.test(attr(td, 'class')!)));
  });

  it('the cell under the text cursor', () => {
    const ri = rows.findIndex((r) => r.label === '（七）总计');
    const c = rows[ri]!.cells[0]!;
    assert.equal(cellAt(shown, c.line, c.character), cellId(requests, 0, ri, 0));
    assert.equal(cellAt(shown, c.line, c.character + c.length), cellId(requests, 0, ri, 0));
    assert.equal(cellAt(shown, 1, 0), null);
  });

  it('a strict Content-Security-Policy: nothing remote, one script and one style, both nonced', () => {
    const csp = attr(els.find((e) => attr(e, 'http-equiv') === 'Content-Security-Policy')!, 'content')!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce'(;|$)/);
    assert.match(csp, /style-src https:\/\/webview\.test 'nonce-n0nce'/);
    const scripts = els.filter((e) => e.tagName === 'script');
    assert.deepEqual(
      scripts.map((s) => attr(s, 'nonce')),
      ['n0nce'],
    );
    assert.deepEqual(
      els.filter((e) => e.tagName === 'style').map((s) => attr(s, 'nonce')),
      ['n0nce'],
    );
    assert.ok(!els.some((e) => attr(e, 'src') || attr(e, 'href')), 'no element loads anything');
    assert.ok(!els.some((e) => e.attrs.some((a) => a.name.startsWith('on'))), 'no inline event handlers');
  });

  it('English', () => {
    const en = renderBody(shown, 'en');
    assert.match(en, /should be/);
    assert.match(en, /Arrow keys move/);
    assert.doesNotMatch(en, /方向键/);
  });

  it('no report: says so', () => {
    assert.match(text(byId(page(null), 'root')), /不是政府信息公开工作年度报告/);
  });
});

describe('table view page: hostile report', () => {
  const EVIL = `</td></tr></table><script>alert("x")</script><img src=x onerror='alert(1)'>&amp;\``;

  it('a report checked from hostile text: its name and text stay text', () => {
    const source = requestsExample({ 'granted:natural': EVIL });
    const shown = showReport(check(`${EVIL}\n${source}`), `${EVIL}.txt`);
    const els = page(shown, EVIL);
    assert.deepEqual(
      els.filter((e) => e.tagName === 'script').map((s) => attr(s, 'nonce')),
      ['n0nce'],
    );
    assert.ok(!els.some((e) => e.tagName === 'img'));
    assert.equal(text(els.find((e) => e.tagName === 'h1')!), EVIL);
  });

  it('every text field of the JSON hostile: one script, no img, each text intact in its place', () => {
    const shown: ShownReport = {
      version: 1,
      file: EVIL,
      format: EVIL,
      year: 2023,
      sections: [],
      tables: [
        {
          id: 'requests',
          name: EVIL,
          confidence: 'uncertain',
          missingBlocks: [EVIL],
          blocks: [
            {
              label: EVIL,
              missingRows: [EVIL],
              rows: [
                {
                  label: EVIL,
                  line: 1,
                  confidence: 'uncertain',
                  cells: [
                    {
                      header: EVIL,
                      value: null,
                      raw: EVIL,
                      unit: null,
                      sign: null,
                      state: 'invalid',
                      split: true,
                      confidence: 'uncertain',
                      line: 1,
                      character: 0,
                      length: 3,
                      findings: ['table.row-total'],
                      messages: [EVIL],
                      expected: EVIL,
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const els = page(shown, EVIL);
    assert.equal(els.filter((e) => e.tagName === 'script').length, 1);
    assert.ok(!els.some((e) => e.tagName === 'img'));
    assert.equal(els.filter((e) => e.tagName === 'table').length, 1);
    assert.equal(els.filter((e) => e.tagName === 'td').length, 1);
    const td = byId(els, cellId(0, 0, 0, 0));
    assert.equal(text(td.childNodes[0] as Node), EVIL);
    assert.ok(attr(td, 'title')!.includes(EVIL));
    assert.equal(text(els.find((e) => e.tagName === 'h2')!), EVIL);
    assert.equal(text(els.find((e) => e.tagName === 'h3')!), EVIL);
    assert.equal(text(els.find((e) => attr(e, 'scope') === 'col')!), EVIL);
    assert.ok(text(els.find((e) => attr(e, 'scope') === 'row')!).startsWith(EVIL));
  });
});
