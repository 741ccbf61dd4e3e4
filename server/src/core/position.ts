import { IntBuffer } from './text';

/** Line starts as they are found, before they are copied to their map. */
const found = new IntBuffer();

/** Where the lines of a text start, the way editors count: lines end at \n, \r\n or \r. */
export function editorLineStarts(text: string): Int32Array {
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

/** Offsets to line/character the way editors count: lines end at \n, \r\n or \r; characters are UTF-16 units. */
export class LineMap {
  private readonly starts: Int32Array;
  constructor(readonly text: string) {
    this.starts = editorLineStarts(text);
  }
  /** 0-based line and character. */
  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - s[lo]! };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line]!;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, character), next);
  }
}
