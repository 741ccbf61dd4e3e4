/**
 * The server converts offsets with its own line index (TextPositions) instead of a TextDocument
 * snapshot per version: it must give exactly the positions and offsets TextDocument gives, on
 * texts with every kind of line break, break pairs split, surrogates and empty lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextPositions } from '../../server/src/features/positions';
import './seed';

const piece = fc.constantFrom('\n', '\r', '\r\n', '\n\r', 'a', '年', '😀', '\ud800', ' ', '\t', '\u2028');
const textArb = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));

describe('property: TextPositions counts as TextDocument does', () => {
  it('positionAt and offsetAt agree everywhere', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.record({ line: fc.integer({ min: -2, max: 70 }), character: fc.integer({ min: -2, max: 70 }) }), { maxLength: 20 }),
        (text, positions) => {
          const doc = TextDocument.create('file:///t.txt', 'plaintext', 1, text);
          const ours = new TextPositions(text);
          for (let o = -2; o <= text.length + 2; o++) assert.deepEqual(ours.positionAt(o), doc.positionAt(o), `positionAt(${o}) in ${JSON.stringify(text)}`);
          for (const p of positions) assert.equal(ours.offsetAt(p), doc.offsetAt(p), `offsetAt(${JSON.stringify(p)}) in ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
