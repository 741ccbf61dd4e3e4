/**
 * Reading a report file: bytes → text, for the CLI and the server alike. The readers
 * (`server/src/readers/`) turn plain text (UTF-8, UTF-16 with a BOM, GB18030), Word .docx and web
 * pages into the report's text, with a `sourceMap` back to the source for documents that are not
 * plain text; the core never knows the difference.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type DocumentKind, type GivenTable, isFailure, locate, readDocument, type SourceLocation, toSourceOffset } from '../readers';

/** The largest file read: a report is tens of KB; this is a whole year's reports pasted together. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_MB = MAX_FILE_BYTES / 1048576;

/** Offsets in a reader's text → the source it read (for documents that are not plain text). */
export interface SourceMap {
  /** The offset in the source text (a web page's markup) the text's offset came from, as near as known. */
  toSource(offset: number): number;
  /** The table cell (1-based table, row, grid column) or element the text's offset came from; null for a separator. */
  locate(offset: number): SourceLocation | null;
}

export interface ReadResult {
  /** The text to check (without a byte order mark). */
  text: string;
  /** The size of the file, in bytes. */
  bytes: number;
  /** What was read: plain text, a Word document or a web page. */
  kind: DocumentKind;
  /** The encoding the text was decoded from ("utf-8", "gb18030", "utf-16le"…). */
  encoding: string;
  /** The tables as the document gives them (rows of cells, with their ranges in `text`); absent for plain text. */
  tables?: GivenTable[];
  /** A PDF's pictures big enough to be tables: where each landed in the text, and its page. */
  pictures?: { page: number; offset: number }[];
  /** Absent for plain text, whose offsets are the source's. */
  sourceMap?: SourceMap;
}

/** Why a file cannot be checked, in both languages, as the CLI prints it; `unsupported` for a file type nianbao does not read. */
export interface ReadError {
  error: string;
  unsupported?: boolean;
}

export function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件或目录不存在 / no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限 / permission denied';
  if (code === 'EISDIR') return '是目录 / is a directory';
  return `无法读取 / cannot read (${code ?? (e as Error).message})`;
}

/** The buffer files are read into, kept from one file to the next (fresh memory is slow to touch). */
let readBuf = Buffer.allocUnsafeSlow(1 << 16);

/** The file's bytes (in the shared buffer, valid until the next read), or why they cannot be read. */
function readBytes(file: string): Buffer | ReadError {
  let length = 0;
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { error: `文件过大（${Math.round(size / 1048576)} MB，上限 ${MAX_MB} MB）/ file too large` };
    // Room for the whole file and one byte more, so that its end is read without growing.
    if (readBuf.length <= size) readBuf = Buffer.allocUnsafeSlow(Math.max(2 * readBuf.length, size + 1));
    // Read to the end (a file may grow while it is read), never past the limit.
    for (;;) {
      if (length === readBuf.length) {
        if (length > MAX_FILE_BYTES) return { error: `文件过大（上限 ${MAX_MB} MB）/ file too large` };
        const bigger = Buffer.allocUnsafeSlow(2 * readBuf.length);
        readBuf.copy(bigger, 0, 0, length);
        readBuf = bigger;
      }
      const n = readSync(fd, readBuf, length, readBuf.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } catch (e) {
    return { error: ioMessage(e) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return readBuf.subarray(0, length);
}

/**
 * Reads a report (text, .docx or web page), or says plainly why it cannot: empty, binary, an
 * encoding it cannot tell, an unsupported type, damaged, too large, unreadable.
 */
export function readReport(file: string): ReadResult | ReadError {
  const buf = readBytes(file);
  if (!Buffer.isBuffer(buf)) return buf;
  if (buf.length === 0) return { error: '文件为空 / the file is empty' };
  const doc = readDocument(file, buf);
  if (isFailure(doc)) return doc;
  let text = doc.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Only white space (what trim() removes), found without copying the text.
  if (!/\S/.test(text)) return { error: '文件只有空白 / the file holds only white space' };
  const out: ReadResult = { text, bytes: buf.length, kind: doc.kind, encoding: doc.encoding };
  if (doc.tables) out.tables = doc.tables;
  if (doc.pictures) out.pictures = doc.pictures;
  if (doc.kind !== 'text') {
    const segments = doc.segments;
    out.sourceMap = { toSource: (o) => toSourceOffset(segments, o), locate: (o) => locate(segments, o) };
  }
  return out;
}
