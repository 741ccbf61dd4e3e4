/**
 * Offsets ↔ LSP positions for one immutable text, exactly as vscode-languageserver-textdocument
 * counts them (lines end at \n, \r\n or \r; an offset inside a line break counts as its start), but
 * with the line starts found natively when the text has no \r: a snapshot of a 1 MB report needs
 * them at every version, and the library finds them unit by unit.
 */
import type { Position } from 'vscode-languageserver';
import { editorLineStarts } from '../core/position';

function isEOL(c: number): boolean {
  return c === 13 || c === 10;
}

export class TextPositions {
  private starts: Int32Array | null = null;
  constructor(private readonly text: string) {}

  private lineStarts(): Int32Array {
    return (this.starts ??= editorLineStarts(this.text));
  }

  private beforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (starts[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEOL(offset, starts[line]!);
    return { line, character: offset - starts[line]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeEOL(Math.min(start + position.character, next), start);
  }
}
