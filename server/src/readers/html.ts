/**
 * A web page → blocks. The report is the page's article: the smallest element that holds the title
 * and at least four of the six sections (headings, or tables standing for them), so breadcrumbs,
 * menus and footers around it are left out. Inside it: block elements are paragraphs, inline
 * elements run together (a label split over spans is one label), `<br>` breaks a paragraph's line
 * (inside a cell it joins), `&nbsp;` padding is trimmed from cells; data tables are rows of cells
 * with rowspan/colspan laid on a grid (a merged cell once, where it starts), layout tables (one
 * column, or tables inside) are read as the blocks they hold. Hidden elements, scripts and styles
 * are left out.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Block, TableCell } from './render';

/**
 * parse5, loaded when the first page is read: the language server starts without it (about 3 MB
 * of its memory, kept by every editor that never opens a web page).
 */
function parse5(): typeof import('parse5') {
  return require('parse5') as typeof import('parse5');
}

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'math',
  'select',
  'button',
  'input',
  'textarea',
  'map',
  'canvas',
  'audio',
  'video',
]);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'caption',
  'body',
  'html',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'table',
  'option',
  'legend',
  'listing',
  'plaintext',
  'xmp',
]);
/** Deeper than this, an element's content is read as plain text (no stack overflow on a pathological page). */
const MAX_DEPTH = 200;

const isElement = (n: Node | DefaultTreeAdapterMap['parentNode']): n is Element => 'tagName' in n;
const attrOf = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

function hidden(e: Element): boolean {
  if (SKIPPED.has(e.tagName) || attrOf(e, 'hidden') !== undefined || attrOf(e, 'aria-hidden') === 'true') return true;
  // A word processor's page header and footer (LibreOffice writes <div title="footer">): not the report.
  const title = attrOf(e, 'title');
  if (e.tagName === 'div' && (title === 'header' || title === 'footer')) return true;
  const style = attrOf(e, 'style')?.replace(/\s/g, '').toLowerCase() ?? '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** An element's text as one string (hidden parts left out), without recursion. */
export function textContent(root: Element): string {
  const out: string[] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') out.push((n as DefaultTreeAdapterMap['textNode']).value);
    else if (isElement(n) && !hidden(n)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out.join('');
}

const TITLE = /政府信息公开[^。；]{0,12}年度?报告/;
/** The six section headings, numbered (the introduction names the sections too, without numerals). */
const HEADINGS = [
  ['一1', '总体情况|工作基本情况'],
  ['二2', '主动公开'],
  ['三3', '收到和处理|依申请'],
  ['四4', '行政复议|行政诉讼'],
  ['五5', '存在的[^。]{0,4}问题|改进情况'],
  ['六6', '其他需要报告'],
].map(([n, k]) => new RegExp(`[${n}][、.．，]\\s*[^。；]{0,16}(${k})`));

function countTables(e: Element): number {
  let n = 0;
  const stack: Node[] = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (!isElement(x)) continue;
    if (x.tagName === 'table') n++;
    for (const c of x.childNodes) stack.push(c);
  }
  return n;
}

/** Whether an element holds the report: the title (when the page has it) and four of the six sections. */
function holdsReport(e: Element, needTitle: boolean): boolean {
  const t = textContent(e).replace(/\s/g, '');
  if (needTitle && !TITLE.test(t)) return false;
  const headings = HEADINGS.filter((h) => h.test(t)).length;
  return headings + Math.min(3, countTables(e)) >= 4 && headings >= 1;
}

/** The smallest element holding the report, or the body when none does. */
export function findArticle(body: Element): Element {
  const needTitle = TITLE.test(textContent(body).replace(/\s/g, ''));
  if (!holdsReport(body, needTitle)) return body;
  let cur = body;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const next = cur.childNodes.find((c): c is Element => isElement(c) && !hidden(c) && holdsReport(c, needTitle));
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** Child's path segment: tag and its 1-based index among its parent's children of that tag. */
function segmentOf(e: Element): string {
  const parent = e.parentNode;
  if (!parent) return e.tagName;
  let i = 0;
  for (const c of parent.childNodes) {
    if (isElement(c) && c.tagName === e.tagName) i++;
    if (c === e) break;
  }
  return `${e.tagName}[${i}]`;
}

export function pathOf(e: Element): string {
  const parts: string[] = [];
  for (let x: Element | null = e; x && x.tagName !== 'html'; x = x.parentNode && isElement(x.parentNode) ? x.parentNode : null)
    parts.push(x.tagName === 'body' ? 'body' : segmentOf(x));
  return parts.reverse().join('/');
}

const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ');

/** A table's rows as cells on the grid, or null when it is a layout table (a single column, or tables inside). */
function dataTable(t: Element): TableCell[][] | null {
  const rows: Element[] = [];
  for (const c of t.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot')
      for (const r of c.childNodes) if (isElement(r) && r.tagName === 'tr') rows.push(r);
  }
  if (countTables(t) > 1) return null;
  const cellsOf = (r: Element) => r.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !hidden(c));
  if (!rows.some((r) => cellsOf(r).length > 1)) return null;
  const taken: Set<number>[] = [];
  // Grid positions a table's spans may mark: past this (rowspan="1000" colspan="64" in every cell) spans go unmarked.
  let budget = 1_000_000;
  return rows.map((r, ri) => {
    const occupied = (taken[ri] ??= new Set());
    let col = 1;
    return cellsOf(r).map((c) => {
      while (occupied.has(col)) col++;
      const span = Math.min(64, Math.max(1, Number.parseInt(attrOf(c, 'colspan') ?? '1', 10) || 1));
      const down = Math.min(1000, Math.max(1, Number.parseInt(attrOf(c, 'rowspan') ?? '1', 10) || 1));
      for (let d = 0; d < down && ri + d < rows.length && budget > 0; d++, budget -= span)
        for (let k = 0; k < span; k++) (taken[ri + d] ??= new Set()).add(col + k);
      const cell: TableCell = { text: cellText(c), col };
      const at = firstTextOffset(c);
      if (at !== undefined) cell.at = at;
      col += span;
      return cell;
    });
  });
}

/** A cell's text: its paragraphs and lines run together, the white space around them dropped. */
function cellText(c: Element): string {
  return htmlBlocks(c)
    .map((b) => (b.kind === 'p' ? b.text.trim() : b.rows.map((r) => r.map((x) => x.text).join(' ')).join(' ')))
    .join('');
}

function firstTextOffset(e: Element): number | undefined {
  const stack: Node[] = [e];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text' && /\S/.test((n as DefaultTreeAdapterMap['textNode']).value)) return n.sourceCodeLocation?.startOffset;
    if (isElement(n) && !hidden(n)) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return undefined;
}

/** The article's blocks, in order. */
export function htmlBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let at: number | undefined;
  let owner: Element = root;
  const flush = () => {
    const text = parts.join('').replace(/^[ \t\n\r\f]+/, '');
    if (text.trim()) blocks.push({ kind: 'p', text, element: pathOf(owner), ...(at !== undefined ? { at } : {}) });
    parts = [];
    at = undefined;
  };
  const walk = (e: Element, depth: number) => {
    for (const n of e.childNodes) {
      if (n.nodeName === '#text') {
        const v = (n as DefaultTreeAdapterMap['textNode']).value;
        if (!parts.length) owner = e;
        if (at === undefined && /\S/.test(v)) at = n.sourceCodeLocation?.startOffset;
        parts.push(collapse(v));
        continue;
      }
      if (!isElement(n) || hidden(n)) continue;
      if (n.tagName === 'br') {
        flush();
        continue;
      }
      if (n.tagName === 'table') {
        const rows = dataTable(n);
        if (rows) {
          flush();
          blocks.push({ kind: 'table', rows });
          continue;
        }
      }
      const block = BLOCK.has(n.tagName);
      if (block) flush();
      if (depth >= MAX_DEPTH) parts.push(collapse(textContent(n)));
      else walk(n, depth + 1);
      if (block) flush();
    }
  };
  walk(root, 0);
  flush();
  return blocks;
}

/** The charset a page declares in its first bytes (`<meta charset>`, http-equiv, or an XHTML page's XML declaration), "" when none. */
export function declaredCharset(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return (/<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_:.-]+)/i.exec(head))?.[1] ?? '';
}

/** Elements that never hold others, or that close their open sibling: they add no depth. */
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'option',
  'dt',
  'dd',
]);

/** The deepest nesting of a page's tags, as written (an estimate: implied end tags are not all known). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>/g)) {
    if (FLAT.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/** Deeper than any real page: the HTML parser's time grows with the square of the depth. */
export const MAX_NESTING = 2000;

export function htmlDocumentBlocks(text: string): Block[] | { error: string } {
  if (nestingDepth(text) > MAX_NESTING)
    return { error: `网页的元素嵌套超过 ${MAX_NESTING} 层，不像年度报告 / the page nests elements over ${MAX_NESTING} deep: not a report` };
  const doc = parse5().parse(text, { sourceCodeLocationInfo: true });
  const html = doc.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'html');
  const body = html?.childNodes.find((c): c is Element => isElement(c) && c.tagName === 'body');
  if (!body) return [];
  return htmlBlocks(findArticle(body));
}
