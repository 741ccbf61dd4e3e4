/** The shape of a text's lines: where each line's content lies, read once by the lexer for every later step. */
import type { Lines } from '../text';

/** Where each line's content lies, and whether it may hold debris: what line-by-line steps test first. */
export interface LineShape {
  /** Per line: the offset of its first unit that is not a space or a tab (its end when it has none). */
  indent: number[];
  /** Per line: the end of its content once trailing spaces and tabs are dropped. */
  contentEnd: number[];
  /** Per line: non-zero when it holds a unit some debris word starts with. */
  debrisHint: number[];
}

/** The shape of the lines of another text with the same line starts (debris masked out): the hints carry over. */
export function reshape(text: string, lines: Lines, hints: number[]): LineShape {
  const indent: number[] = [];
  const contentEnd: number[] = [];
  for (let l = 0; l < lines.count; l++) {
    const s = lines.start(l);
    const e = lines.end(l);
    let a = s;
    while (a < e && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
    let z = e;
    while (z > a && (text.charCodeAt(z - 1) === 32 || text.charCodeAt(z - 1) === 9)) z--;
    indent.push(a);
    contentEnd.push(z);
  }
  return { indent, contentEnd, debrisHint: hints };
}
