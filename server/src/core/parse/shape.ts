/** The shape of a text's lines: where each line's content lies, read once by the lexer for every later step. */
import { Scratch, type Lines } from '../text';

// Reused from one text to the next (see the lexer): a shape is valid until the next is made.
const reshapeIndent = new Scratch();
const reshapeEnd = new Scratch();

/** Where each line's content lies, and whether it may hold debris: what line-by-line steps test first. */
export interface LineShape {
  /** Per line: the offset of its first unit that is not a space or a tab (its end when it has none). */
  indent: Int32Array;
  /** Per line: the end of its content once trailing spaces and tabs are dropped. */
  contentEnd: Int32Array;
  /** Per line: non-zero when it holds a unit some debris word starts with. */
  debrisHint: Int32Array;
}

/** The shape of the lines of another text with the same line starts (debris masked out): the hints carry over. */
export function reshape(text: string, lines: Lines, hints: Int32Array): LineShape {
  const indent = reshapeIndent.int32(lines.count);
  const contentEnd = reshapeEnd.int32(lines.count);
  for (let l = 0; l < lines.count; l++) {
    const s = lines.start(l);
    const e = lines.end(l);
    let a = s;
    while (a < e && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
    let z = e;
    while (z > a && (text.charCodeAt(z - 1) === 32 || text.charCodeAt(z - 1) === 9)) z--;
    indent[l] = a;
    contentEnd[l] = z;
  }
  return { indent: indent.subarray(0, lines.count), contentEnd: contentEnd.subarray(0, lines.count), debrisHint: hints };
}
