/**
 * The language server over the real seeds (../shared/corpus/seeds; skipped when absent): each seed
 * opened as nianbao, plain text and Markdown gets its diagnostics and the six sections, from the
 * built server over stdio (when built) and in process; a changed 表三 cell gets an arithmetic
 * diagnostic whose preferred quick fix, applied, clears it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind, type CodeAction, type DocumentSymbol } from 'vscode-languageserver';
import { check } from '../../server/src/core';
import { ARITH_RULES, ROOT } from '../helpers';
import { SERVER, startPair, startProcess } from '../lsp/harness';

const SEEDS = join(ROOT, '..', 'shared', 'corpus', 'seeds');
const present = existsSync(SEEDS);
const seeds = present
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe('language server over the seeds', { skip: present ? false : `${SEEDS} not found` }, () => {
  for (const name of seeds) {
    it(`${name}: diagnostics as nianbao, plaintext and markdown; the six sections`, async () => {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const c = existsSync(SERVER) ? await startProcess(SERVER) : await startPair();
      const expected = check(text).findings.length;
      for (const [languageId, ext] of [
        ['nianbao', 'nianbao'],
        ['plaintext', 'txt'],
        ['markdown', 'md'],
      ] as const) {
        const uri = `file:///seeds/${name}.${ext}`;
        const p = await c.open(uri, languageId, text);
        assert.equal(p.version, 1);
        assert.equal(p.diagnostics.length, expected, `${languageId}: every finding published`);
        const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols.filter((s) => s.kind === SymbolKind.Module).length, 6, languageId);
      }
      await c.dispose();
    });
  }

  for (const name of seeds.filter((s) => /^00[12]_/.test(s))) {
    it(`${name}: a changed 表三 cell, its quick fix over LSP, the clean diagnostics`, async () => {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      const requests = check(text).report.tables.find((t) => t.decl.id === 'requests')!;
      const cells = requests.blocks[0]!.rows.flatMap((r) => r.cells.filter((x) => x.state === 'ok'));
      const c = await startPair();
      for (const [i, cell] of cells.filter((_, k) => k % 11 === 0).entries()) {
        const uri = `file:///seeds/${name}.${i}.nianbao`;
        const mutated = text.slice(0, cell.range[0]) + String(cell.value! + 2) + text.slice(cell.range[1]);
        let p = await c.open(uri, 'nianbao', mutated);
        const arith = p.diagnostics.filter((d) => ARITH_RULES.includes(String(d.code)));
        assert.ok(arith.length >= 1, `${cell.col.id}: found`);
        const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: arith[0]!.range,
          context: { diagnostics: [arith[0]] },
        });
        assert.ok(await c.applyEdit(actions.find((a) => a.isPreferred)!.edit!));
        p = c.latest(uri)!;
        assert.equal(p.version, 2);
        assert.deepEqual(
          p.diagnostics.filter((d) => ARITH_RULES.includes(String(d.code))),
          [],
        );
        assert.equal(c.text(uri), text);
      }
      await c.dispose();
    });
  }
});
