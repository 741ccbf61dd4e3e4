/**
 * 重排为标准格式 over the protocol, as an editor uses it: open a draft, ask for the source actions,
 * apply the tidy action (one edit, the whole document), and get the same diagnostics back — the same
 * rules, with the same messages (which name the cell, row or heading), on the same cell text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { tidy } from '../../server/src/core';
import { TIDY_KIND } from '../../server/src/features/tidy';
import { read } from '../helpers';
import { startPair, type TestClient } from './harness';

const ERRORS_2023 = 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt';
/** A flattened web page with findings (headings in variant wording, digits run together). */
const FLAT = 'test/shapes/fixtures/flat/001.txt';

function actions(c: TestClient, uri: string, only?: string[]): Promise<CodeAction[]> {
  return c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  });
}

/** Each diagnostic as a person reads it, without its line: rule, message, and the text it marks in a table. */
function seen(c: TestClient, uri: string, ds: Diagnostic[]): string[] {
  const doc = c.docs.get(uri)!;
  return ds
    .map((d) => {
      const marked = String(d.code).startsWith('table.') ? doc.getText(d.range).trim() : '';
      return `${d.code} ${d.message} «${marked}»`;
    })
    .sort();
}

describe('code action 重排为标准格式', () => {
  for (const [name, path] of [
    ['a draft with wrong totals (one row per line)', ERRORS_2023],
    ['a flattened web page', FLAT],
  ] as const) {
    it(`${name}: offered as a source action, one edit of the whole document, the same diagnostics after`, async () => {
      const c = await startPair();
      const uri = `file:///tmp/tidy-${path.length}.txt`;
      const text = read(path);
      const before = await c.open(uri, 'plaintext', text);
      assert.ok(before.diagnostics.length > 0);
      // Not in the quick-fix menu: computed only when source actions are asked for.
      assert.ok(!(await actions(c, uri)).some((a) => a.kind === TIDY_KIND));
      const action = (await actions(c, uri, ['source'])).find((a) => a.kind === TIDY_KIND);
      assert.ok(action, 'offered on a text that is not tidy');
      assert.equal(action.title, '重排为标准格式');
      const changes = action.edit!.documentChanges as { edits: TextEdit[] }[];
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.edits.length, 1, 'one edit');
      const expectedText = tidy(text).text;
      const beforeSeen = seen(c, uri, before.diagnostics);
      assert.ok(await c.applyEdit(action.edit!));
      const after = c.latest(uri)!;
      assert.equal(after.version, 2);
      assert.equal(c.text(uri), expectedText);
      assert.deepEqual(seen(c, uri, after.diagnostics), beforeSeen);
      // Now tidy: not offered again.
      assert.deepEqual(await actions(c, uri, [TIDY_KIND]), []);
      await c.dispose();
    });
  }

  it('in English for an English client; not offered on a text that is not a report', async () => {
    const c = await startPair({ locale: 'en' });
    await c.open('file:///tmp/en.txt', 'plaintext', read(FLAT));
    const [action] = await actions(c, 'file:///tmp/en.txt', [TIDY_KIND]);
    assert.equal(action!.title, 'Tidy into the standard layout');
    await c.open('file:///tmp/notes.txt', 'plaintext', '会议纪要\n一 今天开会。二 明天放假。\n');
    assert.deepEqual(await actions(c, 'file:///tmp/notes.txt', ['source']), []);
    await c.dispose();
  });
});
