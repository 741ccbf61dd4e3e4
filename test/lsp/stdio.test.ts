/**
 * The built server as a process, as any LSP client starts it: `node server/out/server.js --stdio`.
 * It answers initialize, publishes diagnostics for a draft opened as nianbao, plain text or
 * Markdown, returns the six sections, applies a quick fix's edit cleanly, and exits with 0 on
 * shutdown + exit. (`npm test` builds first; `NIANBAO_SERVER` may name another server.js, e.g. the
 * one unpacked from the .vsix.)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SymbolKind, type CodeAction, type DocumentSymbol } from 'vscode-languageserver/node';
import { read } from '../helpers';
import { SERVER, startProcess } from './harness';

describe('node server/out/server.js --stdio', { skip: existsSync(SERVER) ? false : 'server not built (npm run build)' }, () => {
  it('initialize, diagnostics for nianbao / plaintext / markdown, the six sections, a quick fix, shutdown and exit', async () => {
    const c = await startProcess(SERVER, { locale: 'zh-cn' });
    assert.equal(c.initializeResult.serverInfo!.name, 'nianbao');
    assert.equal(c.initializeResult.serverInfo!.version, JSON.parse(read('package.json')).version, 'the version in package.json, bundled');
    const text = read('examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
    for (const [languageId, ext] of [
      ['nianbao', 'nianbao'],
      ['plaintext', 'txt'],
      ['markdown', 'md'],
    ]) {
      const uri = `file:///tmp/draft.${ext}`;
      const p = await c.open(uri, languageId!, text);
      assert.equal(p.version, 1);
      const d = p.diagnostics.find((x) => x.code === 'table.group-total')!;
      assert.ok(d, languageId);
      const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.filter((s) => s.kind === SymbolKind.Module).length, 6);
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.ok(await c.applyEdit(actions.find((a) => a.isPreferred)!.edit!));
      assert.ok(!c.latest(uri)!.diagnostics.some((x) => x.code === 'table.group-total'));
    }
    await c.dispose();
  });
});
