/**
 * .docx → blocks: the body's paragraphs and tables in order, as Word shows them with all changes
 * accepted. Read: runs' text, tabs, line breaks, text boxes (once: the drawing, not its VML
 * fallback), automatic numbering (numbering.xml, through a paragraph's own numPr or its style's),
 * tables with merged cells (gridSpan across, vMerge down: a merged cell once, where it starts),
 * a nested table's text into its cell. Left out: deleted text, field instructions, hidden text,
 * comments, headers, footers and footnotes (other parts, never opened).
 */
import { attr, local, NumberCounter, parseNumbering, type Numbering } from './numbering';
import type { Block, TableCell } from './render';
import { ZipError, zipEntries, zipEntry } from './zip';

/** saxes, loaded when the first .docx is read (as parse5 is: readers/html.ts). */
function saxes(): typeof import('saxes') {
  return require('saxes') as typeof import('saxes');
}

/** Elements whose content is not text the reader shows. */
const SKIP = new Set(['del', 'delText', 'moveFrom', 'instrText', 'Fallback', 'sectPr', 'rPr', 'footnoteReference', 'endnoteReference', 'commentReference']);

interface StyleNum {
  numId?: string | undefined;
  ilvl?: number | undefined;
  basedOn?: string | undefined;
}

/** Paragraph styles that carry numbering (a heading style numbered "一、"). */
export function parseStyles(xml: string): Map<string, StyleNum> {
  const styles = new Map<string, StyleNum>();
  const p = new (saxes().SaxesParser)({ position: false });
  let cur: StyleNum | null = null;
  p.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    const name = local(t.name);
    if (name === 'style') {
      cur = {};
      styles.set(attr(a, 'styleId') ?? '', cur);
    } else if (cur && name === 'basedOn') cur.basedOn = attr(a, 'val');
    else if (cur && name === 'numId') cur.numId = attr(a, 'val');
    else if (cur && name === 'ilvl') cur.ilvl = Number(attr(a, 'val') ?? 0);
  });
  p.on('closetag', (t) => {
    if (local(t.name) === 'style') cur = null;
  });
  p.write(xml).close();
  return styles;
}

function styleNumbering(styles: Map<string, StyleNum>, id: string): StyleNum {
  const out: StyleNum = {};
  for (let s = styles.get(id), hops = 0; s && hops < 20; s = s.basedOn ? styles.get(s.basedOn) : undefined, hops++) {
    out.numId ??= s.numId;
    out.ilvl ??= s.ilvl;
  }
  return out;
}

interface ParaCtx {
  parts: string[];
  numId?: string | undefined;
  ilvl?: number | undefined;
  style?: string | undefined;
  hidden: boolean;
  element: string;
  inCell: boolean;
}

interface CellCtx {
  paras: string[];
  span: number;
  merge: 'restart' | 'continue' | null;
  col: number;
}

interface TableCtx {
  rows: TableCell[][];
  row: TableCell[] | null;
  col: number;
  cell: CellCtx | null;
}

/** The body of word/document.xml as blocks. */
export function documentBlocks(xml: string, numbering: Numbering, styles: Map<string, StyleNum>): Block[] {
  const blocks: Block[] = [];
  const counter = new NumberCounter(numbering);
  const p = new (saxes().SaxesParser)({ position: false });
  const stack: string[] = [];
  const paras: ParaCtx[] = [];
  const tables: TableCtx[] = [];
  let skip = -1;
  let bodyParas = 0;
  let boxParas = 0;
  const para = () => paras[paras.length - 1];
  const table = () => tables[tables.length - 1];

  const closeParagraph = (ctx: ParaCtx) => {
    const fromStyle = ctx.style ? styleNumbering(styles, ctx.style) : {};
    const numId = ctx.numId ?? fromStyle.numId;
    const label = numId ? counter.next(numId, ctx.ilvl ?? fromStyle.ilvl ?? 0) : '';
    const text = label + ctx.parts.join('');
    const cell = table()?.cell;
    if (ctx.inCell && cell) cell.paras.push(text);
    else for (const line of text.split('\n')) blocks.push({ kind: 'p', text: line, element: ctx.element });
  };

  p.on('opentag', (t) => {
    const name = local(t.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (skip >= 0) return;
    if (SKIP.has(name) && !(name === 'rPr' && parent === 'r')) {
      skip = stack.length;
      return;
    }
    const a = t.attributes as Record<string, string>;
    const cur = para();
    switch (name) {
      case 'p': {
        const inBox = stack.includes('txbxContent');
        const inCell = !inBox && tables.length > 0 && table()!.cell !== null;
        let element: string;
        if (inBox) element = `w:body/w:p[${bodyParas}]/w:txbxContent/w:p[${++boxParas}]`;
        else if (tables.length) element = `w:body/w:tbl`;
        else {
          element = `w:body/w:p[${++bodyParas}]`;
          boxParas = 0;
        }
        paras.push({ parts: [], hidden: false, element, inCell });
        break;
      }
      case 'pStyle':
        if (cur && parent === 'pPr') cur.style = attr(a, 'val');
        break;
      case 'numId':
        if (cur && parent === 'numPr') cur.numId = attr(a, 'val');
        break;
      case 'ilvl':
        if (cur && parent === 'numPr') cur.ilvl = Number(attr(a, 'val') ?? 0);
        break;
      case 'r':
        if (cur) cur.hidden = false;
        break;
      case 'vanish':
        if (cur && parent === 'rPr') cur.hidden = !/^(0|false|off)$/.test(attr(a, 'val') ?? '');
        break;
      case 'tab':
        if (cur && parent === 'r' && !cur.hidden) cur.parts.push(cur.inCell ? ' ' : '\t');
        break;
      case 'br':
      case 'cr':
        if (cur && parent === 'r' && !cur.hidden) cur.parts.push(cur.inCell ? '' : '\n');
        break;
      case 'noBreakHyphen':
        if (cur && parent === 'r') cur.parts.push('-');
        break;
      case 'tbl':
        tables.push({ rows: [], row: null, col: 1, cell: null });
        break;
      case 'tr': {
        const tb = table();
        if (tb) {
          tb.row = [];
          tb.col = 1;
        }
        break;
      }
      case 'gridBefore': {
        const tb = table();
        if (tb && parent === 'trPr') tb.col += Number(attr(a, 'val') ?? 0) || 0;
        break;
      }
      case 'tc': {
        const tb = table();
        if (tb) tb.cell = { paras: [], span: 1, merge: null, col: tb.col };
        break;
      }
      case 'gridSpan': {
        const c = table()?.cell;
        if (c && parent === 'tcPr') c.span = Math.max(1, Math.min(64, Number(attr(a, 'val') ?? 1) || 1));
        break;
      }
      case 'vMerge': {
        const c = table()?.cell;
        if (c && parent === 'tcPr') c.merge = attr(a, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      }
    }
  });

  p.on('text', (s) => {
    if (skip >= 0) return;
    const name = stack[stack.length - 1];
    const cur = para();
    if (cur && !cur.hidden && name === 't') cur.parts.push(s);
  });

  p.on('closetag', (t) => {
    const name = local(t.name);
    const depth = stack.length;
    stack.pop();
    if (skip >= 0) {
      if (depth === skip) skip = -1;
      return;
    }
    switch (name) {
      case 'p': {
        const ctx = paras.pop();
        if (ctx) closeParagraph(ctx);
        break;
      }
      case 'tc': {
        const tb = table();
        if (!tb?.cell) break;
        const c = tb.cell;
        if (c.merge !== 'continue') tb.row?.push({ text: c.paras.join(''), col: c.col });
        tb.col += c.span;
        tb.cell = null;
        break;
      }
      case 'tr': {
        const tb = table();
        if (tb?.row) tb.rows.push(tb.row);
        if (tb) tb.row = null;
        break;
      }
      case 'tbl': {
        const tb = tables.pop();
        if (!tb) break;
        const outer = table()?.cell;
        // A table inside a cell: its text, cell by cell, into the outer cell.
        if (outer) outer.paras.push(tb.rows.map((r) => r.map((c) => c.text).join(' ')).join(' '));
        else blocks.push({ kind: 'table', rows: tb.rows });
        break;
      }
    }
  });
  p.write(xml).close();
  return blocks;
}

/** The main document part, from the package relationships (word/document.xml when they do not say). */
function mainPart(b: Buffer, entries: ReturnType<typeof zipEntries>): string {
  const rels = zipEntry(b, entries, '_rels/.rels')?.toString('utf8') ?? '';
  const m = /Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(rels);
  return m?.[1] ?? m?.[2] ?? 'word/document.xml';
}

export type DocxBlocks = { blocks: Block[] } | { error: string };

/** A .docx's blocks, or why it cannot be read (not a Word document, damaged, a zip bomb). */
export function readDocxBlocks(bytes: Buffer): DocxBlocks {
  try {
    const entries = zipEntries(bytes);
    const main = mainPart(bytes, entries);
    const doc = zipEntry(bytes, entries, main);
    if (!doc) return { error: '不是 Word 文档（压缩包中没有 word/document.xml）/ not a Word document (no word/document.xml in the archive)' };
    const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const numXml = zipEntry(bytes, entries, `${dir}numbering.xml`);
    const styleXml = zipEntry(bytes, entries, `${dir}styles.xml`);
    const numbering = numXml ? parseNumbering(numXml.toString('utf8')) : { nums: new Map(), abstracts: new Map() };
    const styles = styleXml ? parseStyles(styleXml.toString('utf8')) : new Map<string, StyleNum>();
    return { blocks: documentBlocks(doc.toString('utf8'), numbering, styles) };
  } catch (e) {
    if (e instanceof ZipError && e.message === 'too large')
      return { error: '文档解压后过大（可能是压缩炸弹）/ the document is too large when inflated (a zip bomb?)' };
    if (e instanceof ZipError) return { error: `文档已损坏，无法解压 / damaged document, cannot unzip (${e.message})` };
    return { error: `文档已损坏，无法解析 / damaged document, cannot parse (${(e as Error).message.split('\n')[0]})` };
  }
}
