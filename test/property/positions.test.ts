/**
 * The one offset ↔ position converter (core LineMap), used by the CLI, the server and the rule
 * pages, against vscode-languageserver-textdocument: exactly its positions and offsets, on texts
 * with every kind of line break (\r, \n, \r\n, and pairs split), surrogate pairs, lone surrogates
 * and empty lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineMap } from '../../server/src/core/position';
import './seed';

const piece = fc.constantFrom('\n', '\r', '\r\n', '\n\r', 'a', '年', '😀', '\ud800', '\udc00', ' ', '\t', '\u2028');
const textArb = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
const positionArb = fc.record({ line: fc.integer({ min: -2, max: 70 }), character: fc.integer({ min: -2, max: 70 }) });

describe('property: LineMap counts as TextDocument does', () => {
  it('positionAt and offsetAt agree everywhere', () => {
    fc.assert(
      fc.property(textArb, fc.array(positionArb, { maxLength: 20 }), (text, positions) => {
        const doc = TextDocument.create('file:///t.txt', 'plaintext', 1, text);
        const ours = new LineMap(text);
        assert.equal(ours.lineCount, doc.lineCount, `lineCount of ${JSON.stringify(text)}`);
        for (let o = -2; o <= text.length + 2; o++) assert.deepEqual(ours.positionAt(o), doc.positionAt(o), `positionAt(${o}) in ${JSON.stringify(text)}`);
        for (const p of positions) assert.equal(ours.offsetAt(p), doc.offsetAt(p), `offsetAt(${JSON.stringify(p)}) in ${JSON.stringify(text)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('offsetAt(positionAt(o)) is o except inside a line break', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const lm = new LineMap(text);
        for (let o = 0; o <= text.length; o++) {
          const back = lm.offsetAt(lm.positionAt(o));
          const insideBreak = text[o - 1] === '\r' && text[o] === '\n';
          assert.equal(back, insideBreak ? o - 1 : o, `offset ${o} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
