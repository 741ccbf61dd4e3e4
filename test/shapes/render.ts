/**
 * The web shapes: what a browser or a scraper makes of the report published as an HTML page, its
 * tables as <table> with rowspan/colspan (a merged cell appears once, in its first row).
 *
 * - inner: a browser's innerText (or its copy): a tab between cells, a newline after each row,
 *   a cell's paragraphs on lines of their own; blank lines between paragraphs or not.
 * - flat: textContent: every text node run together, no separators at all; the whole page on
 *   one line, or one line per paragraph with each table on one line.
 * - flat-spaced: a scraper's text with a single space between text nodes (get_text(' ')).
 * - cells: one line per cell, an empty line for an empty cell (an HTML-to-text converter).
 *
 * Web-page chrome (breadcrumbs, font-size controls, footers with ICP numbers) is added to about
 * half of the inner and flat texts; their expected model then says the text has debris.
 */
import type { DocItem, DocTable } from './doc';
import { chance, pick, type Rand } from './random';

export type WebShape = 'inner' | 'flat' | 'flat-spaced' | 'cells';
export const WEB_SHAPES: WebShape[] = ['inner', 'flat', 'flat-spaced', 'cells'];

export interface RenderedText {
  text: string;
  /** Whether debris was added (web-page chrome). */
  artifacts: boolean;
  /** How this variant was written: notes for a person reading the fixtures. */
  notes: string[];
}

function chrome(r: Rand, body: string, year: number): { head: string[]; foot: string[] } {
  const site = body.replace(/(办公室|局|办事处)$/, '');
  const head = [
    pick(r, ['首页 > 政府信息公开 > 政府信息公开年报', '首页 > 政务公开 > 政府信息公开年报', '当前位置：首页 > 信息公开 > 年度报告']),
    pick(r, ['【字体：大 中 小】', '字号：大 中 小', '【字体：大 中 小】【打印】【关闭】']),
    `发布时间：${year + 1}-01-${String(5 + Math.floor(r() * 20)).padStart(2, '0')} 来源：${body} 浏览次数：${Math.floor(r() * 900)}`,
  ];
  const foot = [
    pick(r, ['【打印本页】 【关闭窗口】', '分享到：', '扫一扫在手机打开当前页']),
    `主办单位：${site}人民政府办公室 网站标识码：${3000000000 + Math.floor(r() * 999999999)}`,
    `${pick(r, ['滇', '黔', '湘', '赣'])}ICP备${10000000 + Math.floor(r() * 89999999)}号-1 ${pick(r, ['版权所有', '技术支持：某某科技有限公司'])}`,
  ];
  return { head, foot };
}

const cellText = (paras: string[], join: string, blank: string) => {
  const t = paras.join(join);
  return t === '' ? blank : t;
};

function tableRows(t: DocTable, cellJoin: string, paraJoin: string, blank: string): string[] {
  return t.rows.map((row) => row.map((c) => cellText(c.paras, paraJoin, blank)).join(cellJoin));
}

export function renderWeb(shape: WebShape, items: DocItem[], r: Rand, body: string, year: number): RenderedText {
  const notes: string[] = [];
  const withChrome = shape !== 'cells' && chance(r, 0.5);
  const { head, foot } = withChrome ? chrome(r, body, year) : { head: [], foot: [] };
  if (withChrome) notes.push('web-page chrome');
  const blank = shape !== 'cells' && chance(r, 0.3) ? '\u00a0' : '';
  if (blank) notes.push('empty cells hold &nbsp;');
  switch (shape) {
    case 'inner': {
      const paraSep = chance(r, 0.5) ? '\n\n' : '\n';
      notes.push(paraSep === '\n' ? 'paragraphs on single lines' : 'blank line between paragraphs');
      const parts = items.map((it) => (it.kind === 'p' ? it.text : tableRows(it, '\t', '\n', blank).join('\n')));
      return { text: `${[...head, ...parts, ...foot].join(paraSep)}\n`, artifacts: withChrome, notes };
    }
    case 'flat':
    case 'flat-spaced': {
      const sep = shape === 'flat' ? '' : ' ';
      const oneLine = chance(r, 0.6);
      notes.push(oneLine ? 'the whole page on one line' : 'one line per paragraph, each table on one line');
      const parts = items.map((it) => (it.kind === 'p' ? it.text : tableRows(it, sep, sep, shape === 'flat' ? blank : '').join(sep)));
      const all = [...head, ...parts, ...foot];
      return { text: `${oneLine ? all.join(sep) : all.join('\n')}\n`, artifacts: withChrome, notes };
    }
    case 'cells': {
      const lines = items.flatMap((it) => (it.kind === 'p' ? [it.text] : it.rows.flatMap((row) => row.map((c) => cellText(c.paras, '', '')))));
      return { text: `${lines.join('\n')}\n`, artifacts: false, notes };
    }
  }
}
