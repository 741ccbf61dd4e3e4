/**
 * The server survives what a confused client sends: edits for documents it never opened, versions
 * out of order, ranges past the end, requests on unknown documents; and it keeps answering.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { read } from '../helpers';
import { SERVER, startProcess } from './harness';

describe('a confused client over stdio', { skip: existsSync(SERVER) ? false : 'server not built (npm run build)' }, () => {
  it('unknown documents, out-of-order versions and ranges past the end leave the server up and right', async () => {
    const c = await startProcess(SERVER, { locale: 'zh-cn' });
    try {
      const text = read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
      const uri = 'file:///tmp/hostile.nianbao';
      await c.open(uri, 'nianbao', text);
      const change = (u: string, version: number, contentChanges: unknown[]) =>
        c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges });
      // Edits for a document never opened, and requests about it.
      await change('file:///tmp/never-opened.nianbao', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      assert.equal(
        await c.request('textDocument/hover', { textDocument: { uri: 'file:///tmp/never-opened.nianbao' }, position: { line: 0, character: 0 } }),
        null,
      );
      assert.equal(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/never-opened.nianbao' } }), null);
      // A version older than the one the server has, then a range far past the end.
      await change(uri, 1, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
      await change(uri, 5, [{ range: { start: { line: 99_999, character: 5 }, end: { line: 100_000, character: 9 } }, text: '\n本年度无其他事项。' }]);
      await change(uri, 6, [{ range: { start: { line: 2, character: 500 }, end: { line: 1, character: 0 } }, text: '' }]);
      // Positions past the end in requests.
      await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 99_999, character: 99 } });
      await c.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 99_999, character: 0 }, end: { line: 99_999, character: 0 } },
        context: { diagnostics: [] },
      });
      // Still up, still right: a full replacement is checked as any text.
      const p = c.diagnostics(uri, (x) => x.version === 7, 10_000);
      await change(uri, 7, [{ text }]);
      const d = await p;
      assert.ok(d.diagnostics.some((x) => x.code === 'table.group-total'));
      const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.equal(c.process!.exitCode, null, 'the server process is still running');
    } finally {
      await c.dispose();
    }
  });
});
