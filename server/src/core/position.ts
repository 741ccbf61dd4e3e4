/**
 * Offsets ↔ line/character positions, the one converter the CLI, the server and the rule pages
 * use. It counts as LSP does (vscode-languageserver-textdocument): lines end at \n, \r\n or \r;
 * characters are UTF-16 units; an offset between the \r and the \n of a line break counts as the
 * end of its line (before the \r), and so does a character past the end of a line. Line starts
 * are found natively when the text has no \r.
 */
import { upperBound } from './bisect';
import { IntBuffer } from './text';

/** 0-based line and UTF-16 character (the shape of an LSP `Position`). */
export interface Position {
  line: number;
  character: number;
}

/** Line starts as they are found, before they are copied to their map. */
const found = new IntBuffer();

/** Where the lines of a text start: lines end at \n, \r\n or \r. */
export function lineStarts(text: string): Int32Array {
  const starts = found;
  starts.clear();
  starts.push(0);
  if (text.indexOf('\r') === -1) {
    // Lines end at \n only (most texts): found natively.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) starts.push(i + 1);
    }
  }
  return starts.copy();
}

const isLineBreak = (c: number) => c === 13 || c === 10;

/** Positions in one immutable text (its line starts are found the first time they are needed). */
export class LineMap {
  private starts: Int32Array | null = null;
  constructor(readonly text: string) {}

  private lineStarts(): Int32Array {
    return (this.starts ??= lineStarts(this.text));
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  /** An offset inside a line's break moved back to the line's end. */
  private beforeBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The position of an offset (clamped into the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    const line = upperBound(starts, o) - 1;
    return { line, character: this.beforeBreak(o, starts[line]!) - starts[line]! };
  }

  /** The offset of a position (a line past the end is the text's end; a character past the line's end is its end). */
  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeBreak(Math.min(start + position.character, next), start);
  }
}
