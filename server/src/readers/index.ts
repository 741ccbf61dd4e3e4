/**
 * One entry for every file type nianbao reads: the type chosen by the file's extension and confirmed
 * by its first bytes. Plain text (.txt, .md, .nianbao…) in UTF-8, UTF-16 with a BOM or GB18030;
 * Word .docx; web pages (.html, .htm, .shtml, .xhtml) in their declared charset; PDF (pdf.ts, in a
 * worker thread) and Word 97-2003 .doc (its text, in the same worker). A ".doc" that is really a web
 * page or a .docx is read as what it is; the types nianbao does not read (RTF, WPS, MHT, OFD…) get
 * "不支持的文件类型" and what to do instead.
 */
import { decodeText } from './charset';
import { readDocxBlocks } from './docx';
import { declaredCharset, htmlDocumentBlocks } from './html';
import { layOut } from './pdf-layout';
import { readPdfPages } from './pdf';
import { render } from './render';
import type { DocumentKind, ReadDocument, ReadFailure } from './types';

export type { DocumentKind, GivenTable, ReadDocument, ReadFailure, Segment, SourceLocation } from './types';
export { isFailure } from './types';
export { locate, toSourceOffset } from './render';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.nianbao'];
export const DOCX_EXTENSIONS = ['.docx', '.docm', '.dotx'];
export const HTML_EXTENSIONS = ['.html', '.htm', '.shtml', '.xhtml'];
export const PDF_EXTENSIONS = ['.pdf'];
export const DOC_EXTENSIONS = ['.doc'];
/** Every extension a directory walk picks up. */
export const READABLE_EXTENSIONS = [...TEXT_EXTENSIONS, ...DOCX_EXTENSIONS, ...HTML_EXTENSIONS, ...PDF_EXTENSIONS, ...DOC_EXTENSIONS];

/** What each unsupported type is, and what to save it as. */
const UNSUPPORTED: Record<string, string> = {
  '.wps': 'WPS 文字文档 / WPS Writer document',
  '.wpt': 'WPS 模板 / WPS template',
  '.rtf': 'RTF 文档 / RTF document',
  '.mht': 'MHT 网页存档 / MHT web archive',
  '.mhtml': 'MHT 网页存档 / MHT web archive',
  '.ofd': 'OFD 版式文档 / OFD document',
  '.odt': 'OpenDocument 文档 / OpenDocument text',
  '.xls': 'Excel 表格 / Excel workbook',
  '.xlsx': 'Excel 表格 / Excel workbook',
  '.et': 'WPS 表格 / WPS spreadsheet',
  '.ceb': 'CEB 文档 / CEB document',
  '.caj': 'CAJ 文档 / CAJ document',
};

const unsupported = (what: string): ReadFailure => ({
  error: `不支持的文件类型（${what}）：请另存为 .docx、.html 或 .txt 后再检查 / unsupported file type: save it as .docx, .html or .txt`,
  unsupported: true,
});

function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** What the first bytes say the file is. */
export function sniff(b: Uint8Array): 'zip' | 'ole' | 'pdf' | 'rtf' | 'mht' | 'html' | 'ofd' | 'other' {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'ole';
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 1024))
    .toString('latin1')
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (
    /^mime-version:|^(from|date|subject|x-[a-z-]+): [^\n]*\n[\s\S]*content-type: multipart\/related/.test(head) ||
    head.startsWith('content-type: multipart/related')
  )
    return 'mht';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|title)\b/.test(head)) return 'html';
  return 'other';
}

function docx(bytes: Buffer): ReadDocument | ReadFailure {
  const r = readDocxBlocks(bytes);
  if ('error' in r) return { error: r.error };
  return done('docx', 'utf-8', r.blocks);
}

function html(bytes: Buffer): ReadDocument | ReadFailure {
  const d = decodeText(bytes, declaredCharset(bytes));
  if ('error' in d) return d;
  const blocks = htmlDocumentBlocks(d.text);
  if ('error' in blocks) return blocks;
  return done('html', d.encoding, blocks);
}

function done(kind: DocumentKind, encoding: string, blocks: Parameters<typeof render>[0]): ReadDocument | ReadFailure {
  const r = render(blocks);
  if (!/\S/.test(r.text)) return { error: kind === 'docx' ? '文档中没有文字 / the document holds no text' : '网页中没有文字 / the page holds no text' };
  return { kind, text: r.text, encoding, tables: r.tables, segments: r.segments };
}

/** Table rows: five numbers or more on a line, apart. A report's 表三 has 25 of them and 表四 one. */
const TABLE_ROW = /(\d[\d.]*\s+){4}\d/;
const TABLE_ROWS = 21;

/**
 * A PDF: its positioned text laid out as a page looks. The pictures on its pages (slower to find: the
 * pages' drawing operations) are looked for only when the text has no table rows to speak of: a scan,
 * or a table drawn as a picture.
 */
function pdf(bytes: Buffer): ReadDocument | ReadFailure {
  let r = readPdfPages(bytes, { images: false });
  let pages = r.pages;
  let l = pages ? layOut(pages) : null;
  if (l && l.text.split('\n').filter((x) => TABLE_ROW.test(x)).length < TABLE_ROWS) {
    r = readPdfPages(bytes, { images: true });
    pages = r.pages;
    l = pages ? layOut(pages) : null;
  }
  if (r.failure === 'encrypted') return { error: 'PDF 已加密，需要密码才能打开 / the PDF is encrypted (a password is needed)' };
  if (r.failure === 'timeout') return { error: 'PDF 读取超时 / reading the PDF took too long' };
  if (r.failure === 'unavailable') return { error: '缺少 PDF 读取组件（pdf-worker.js）/ the PDF reader is missing (pdf-worker.js)' };
  if (r.failure || !pages || !l) return { error: `PDF 文件已损坏，无法读取 / the PDF is damaged${r.failure && r.detail ? ` (${r.detail})` : ''}` };
  if (pages.every((p) => p.items.every((i) => !i.str.trim()))) {
    if (pages.some((p) => p.images.length))
      return { error: '扫描件，无文字层：请用原文档（.docx）或经文字识别（OCR）的 PDF / a scanned document with no text layer' };
    return { error: 'PDF 中没有文字 / the PDF holds no text' };
  }
  const out: ReadDocument = { kind: 'pdf', text: l.text, encoding: 'utf-8', segments: l.segments };
  if (l.pictures.length) out.pictures = l.pictures;
  return out;
}

/**
 * A Word 97-2003 .doc: its text through word-extractor, tables as a stream of tab-ended cells with no
 * mark where a row ends (measured: test/readers/doc-measure.ts); the text reader reads that as a
 * shape of its own, with the confidence it can give it.
 */
function doc(bytes: Buffer): ReadDocument | ReadFailure {
  const r = readPdfPages(bytes, { kind: 'doc' });
  if (r.failure === 'timeout') return { error: 'Word 文档读取超时 / reading the .doc took too long' };
  if (r.failure === 'unavailable') return { error: '缺少 .doc 读取组件（pdf-worker.js）/ the .doc reader is missing (pdf-worker.js)' };
  if (r.failure || r.text === undefined)
    return {
      error: `Word 97-2003 文档已损坏或加密，无法读取：请另存为 .docx / the .doc is damaged or encrypted${r.failure && r.detail ? ` (${r.detail})` : ''}`,
    };
  const t = r.text.replace(/\r\n?/g, '\n');
  if (!/\S/.test(t)) return { error: '文档中没有文字 / the document holds no text' };
  return { kind: 'doc', text: t, encoding: 'utf-8', segments: [] };
}

function text(bytes: Buffer): ReadDocument | ReadFailure {
  const d = decodeText(bytes);
  if ('error' in d) {
    // UTF-16 without a byte order mark, or a binary file.
    if (bytes.includes(0)) return { error: '不是文本文件（含二进制内容）/ not a text file (binary content)' };
    return d;
  }
  if (d.text.includes('\0')) return { error: '不是文本文件（含二进制内容）/ not a text file (binary content)' };
  return { kind: 'text', text: d.text, encoding: d.encoding, segments: [] };
}

/** Reads a document's bytes by its type: the extension says which, the first bytes confirm or correct it. */
export function readDocument(path: string, bytes: Buffer): ReadDocument | ReadFailure {
  const ext = extensionOf(path);
  const kind = sniff(bytes);
  if (kind === 'ole') {
    if (ext === '.doc' || ext === '.dot' || ext === '.wps' || !ext) {
      const r = doc(bytes);
      // A WPS file that word-extractor cannot read is what it was before: a type nianbao does not read.
      if ('error' in r && ext === '.wps') return unsupported(UNSUPPORTED[ext]!);
      return r;
    }
    return unsupported(ext === '.et' ? UNSUPPORTED[ext]! : 'OLE 复合文档 / OLE compound document');
  }
  if (kind === 'pdf') return pdf(bytes);
  if (kind === 'rtf') return unsupported(UNSUPPORTED['.rtf']!);
  if (kind === 'mht') return unsupported(UNSUPPORTED['.mht']!);
  if (kind === 'zip') {
    if (DOCX_EXTENSIONS.includes(ext) || ext === '.doc' || ext === '.wps' || !ext) {
      const r = docx(bytes);
      if ('error' in r && ext && !DOCX_EXTENSIONS.includes(ext)) return unsupported(UNSUPPORTED[ext] ?? ext);
      return r;
    }
    return unsupported(UNSUPPORTED[ext] ?? (ext ? `${ext}（压缩包 / zip archive）` : '压缩包 / zip archive'));
  }
  if (DOCX_EXTENSIONS.includes(ext)) {
    if (kind === 'html') return html(bytes);
    return { error: '不是有效的 .docx 文件（不是 zip 压缩包）/ not a valid .docx file (not a zip archive)' };
  }
  if (HTML_EXTENSIONS.includes(ext) || kind === 'html') {
    if (HTML_EXTENSIONS.includes(ext) || ext === '.doc' || ext === '.wps') return html(bytes);
  }
  if (ext in UNSUPPORTED) return unsupported(UNSUPPORTED[ext]!);
  return text(bytes);
}
