/**
 * A large document is checked on a worker thread: while it is, the server answers other requests
 * at once, and the diagnostics still arrive.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { read } from '../helpers';
import { SERVER, startProcess } from './harness';

describe('large documents over stdio', { skip: existsSync(SERVER) ? false : 'server not built (npm run build)' }, () => {
  it('a 10 MB report does not block symbols and hover on another document', async () => {
    const c = await startProcess(SERVER, { locale: 'zh-cn' });
    try {
      const small = read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
      const smallUri = 'file:///tmp/small.nianbao';
      await c.open(smallUri, 'nianbao', small);
      // A report followed by pages of prose, 10 MB in all: slow to check, with few findings to send.
      const para =
        '本年度，我局坚持以公开为常态、不公开为例外，围绕市场监管重点工作，及时公开行政许可、行政处罚等信息，并通过政府网站、政务新媒体等渠道发布政策解读。\n';
      let big = read('examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');
      while (big.length < (10 * 1024 * 1024) / 3) big += para;
      const bigUri = 'file:///tmp/big.nianbao';
      const first = c.diagnostics(bigUri, (p) => p.version === 1, 60_000);
      await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'nianbao', version: 1, text: big } });
      await first;
      // An edit to the big one: its check runs while requests on the small one keep coming.
      const published = c.diagnostics(bigUri, (p) => p.version === 2, 60_000);
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: bigUri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某' }],
      });
      // Requests on the small document right after the edit: with the big one on a worker they are
      // answered before its diagnostics are published (on the main thread they would wait behind the
      // check). Order, not time: a busy machine slows both sides alike.
      const order: string[] = [];
      void published.then(() => order.push('published'));
      for (let k = 0; k < 3; k++) {
        const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
        const hover = await c.request<{ contents: unknown } | null>('textDocument/hover', {
          textDocument: { uri: smallUri },
          position: { line: 374, character: 1 },
        });
        assert.ok(symbols.length > 0, 'symbols of the small document');
        assert.ok(hover, 'a hover on the small document');
        order.push(`answered ${k}`);
      }
      const p = await published;
      assert.equal(p.version, 2, 'the big document gets the diagnostics of its new version');
      assert.deepEqual(
        order.slice(0, 3),
        ['answered 0', 'answered 1', 'answered 2'],
        `symbols and hover were answered while the 10 MB check ran: ${order.join(', ')}`,
      );
    } finally {
      await c.dispose();
    }
  });

  it('keeps one idle worker thread, however many large documents were checked', async () => {
    const c = await startProcess(SERVER, { locale: 'zh-cn' });
    const threads = () => Number(/Threads:\s+(\d+)/.exec(readFileSync(`/proc/${c.process!.pid}/status`, 'utf8'))?.[1]);
    try {
      // Large enough to be checked on a worker from the start (LARGE_DOCUMENT), each with its own findings.
      let big = read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
      while (big.length < 450_000) big += '本年度，我局及时公开行政许可、行政处罚等信息。\n';
      const before = threads();
      let first = 0;
      for (let k = 0; k < 5; k++) {
        const uri = `file:///tmp/big${k}.nianbao`;
        const p = await c.open(uri, 'nianbao', big);
        assert.ok(p.diagnostics.length > 0, `big${k} checked`);
        if (k === 0) first = threads();
      }
      assert.ok(first > before, `a worker thread checked the first document: ${before} threads before, ${first} after`);
      // Each later document's worker replaced the one before (a thread per document before: five
      // workers kept after five documents). A worker ended is gone once its thread has exited.
      let now = threads();
      for (let i = 0; i < 100 && now > first; i++) {
        await new Promise((r) => setTimeout(r, 100));
        now = threads();
      }
      assert.equal(now, first, `threads: ${before} before, ${first} after the first document, ${now} after five`);
    } finally {
      await c.dispose();
    }
  });
});
