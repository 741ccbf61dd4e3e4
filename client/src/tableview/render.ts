/**
 * The table view's page: the report's tables as nianbao read them (the `show` JSON), as HTML for a
 * VS Code webview. Pure (no `vscode`, no DOM): the extension passes the JSON, the locale, a nonce
 * and the webview's CSP source, and tests render hostile reports under Node.
 *
 * Every text of the report (labels, headers, raw cells, messages) goes through `escapeHtml`; the
 * page loads nothing remote, and runs one inline script allowed by its nonce.
 */
import type { Locale } from '../../../server/src/core/i18n';
import type { ShownBlock, ShownCell, ShownReport, ShownRow, ShownTable } from '../../../server/src/core/show';

export interface PageOptions {
  locale: Locale;
  /** A fresh random nonce per page: the only script and style the page runs carry it. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** The report's name, for the heading. */
  title: string;
}

const TEXTS = {
  empty: {
    zh: '该文档不是政府信息公开工作年度报告，或尚未打开：没有可显示的表格。',
    en: 'The document is not an annual report, or not open: no tables to show.',
  },
  noTable: { zh: '未找到表格。', en: 'No table found.' },
  format: { zh: '格式', en: 'format' },
  formatUnknown: { zh: '格式未知', en: 'format unknown' },
  year: { zh: '年度', en: 'year' },
  uncertainTable: { zh: '识别不确定，合计未核对', en: 'read with uncertainty: its sums were not checked' },
  uncertainRow: { zh: '此行识别不确定', en: 'this row was read with uncertainty' },
  missingBlocks: { zh: '缺少的栏目', en: 'missing blocks' },
  missingRows: { zh: '缺少的行', en: 'missing rows' },
  blank: { zh: '空白', en: 'blank' },
  missing: { zh: '缺失', en: 'missing' },
  expected: { zh: '应为', en: 'should be' },
  split: { zh: '由合计关系拆分', en: 'split by the sums' },
  uncertain: { zh: '识别不确定', en: 'uncertain' },
  legend: {
    zh: '红色：与合计不符（附应为值） · 虚框：空白 · 斜线：缺失 · ~：由合计关系拆分 · ?：识别不确定。方向键移动，Enter 跳到正文中的该单元格。',
    en: 'Red: does not add up (with the value it should have) · dashed: blank · hatched: missing · ~: split by the sums · ?: read with uncertainty. Arrow keys move, Enter jumps to the cell in the text.',
  },
} as const;

type TextKey = keyof typeof TEXTS;

/** Escapes text for HTML content and for attribute values in double quotes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A cell's id in the page: table, block, row and cell index. */
export function cellId(t: number, b: number, r: number, c: number): string {
  return `c-${t}-${b}-${r}-${c}`;
}

/** The cell at a 1-based line and 0-based character of the text (its span holds it), or null. */
export function cellAt(shown: ShownReport, line: number, character: number): string | null {
  let near: string | null = null;
  for (const [ti, t] of shown.tables.entries())
    for (const [bi, b] of t.blocks.entries())
      for (const [ri, r] of b.rows.entries())
        for (const [ci, c] of r.cells.entries()) {
          if (c.line !== line || character < c.character || character > c.character + c.length) continue;
          // A cell with text wins over an empty one at the same place.
          if (near === null || c.length > 0) near = cellId(ti, bi, ri, ci);
        }
  return near;
}

/** What the page's legend and titles say a cell is. */
function cellTitle(c: ShownCell, say: (k: TextKey) => string): string {
  const parts = [c.header];
  if (c.state === 'blank') parts.push(say('blank'));
  if (c.state === 'missing') parts.push(say('missing'));
  if (c.expected !== null) parts.push(`${say('expected')} ${c.expected}`);
  if (c.split) parts.push(say('split'));
  if (c.confidence === 'uncertain') parts.push(say('uncertain'));
  parts.push(...c.messages);
  return parts.join('\n');
}

/** The rules that say a cell's number is wrong (the sums); other findings on a cell only note it. */
const WRONG_RULES = new Set(['table.row-total', 'table.result-total', 'table.identity', 'table.group-total', 'table.cell-invalid']);

function cellHtml(c: ShownCell, id: string, say: (k: TextKey) => string): string {
  const wrong = c.expected !== null || c.findings.some((f) => WRONG_RULES.has(f));
  const noted = !wrong && c.findings.length > 0 && c.state !== 'blank';
  const classes = ['cell', c.state, wrong ? 'wrong' : '', noted ? 'noted' : '', c.split ? 'split' : '', c.confidence === 'uncertain' ? 'uncertain' : ''].filter(
    Boolean,
  );
  const body = c.state === 'missing' || c.state === 'blank' ? '' : escapeHtml(c.raw.replace(/\s+/g, ' '));
  const marks = `${c.split ? '<span class="mark">~</span>' : ''}${c.confidence === 'uncertain' ? '<span class="mark">?</span>' : ''}`;
  const expected = c.expected !== null ? `<span class="expected">${escapeHtml(say('expected'))} ${escapeHtml(c.expected)}</span>` : '';
  return (
    `<td id="${id}" class="${classes.join(' ')}" tabindex="-1" data-line="${c.line}" data-character="${c.character}" data-length="${c.length}"` +
    ` title="${escapeHtml(cellTitle(c, say))}"><span class="value">${body}</span>${marks}${expected}</td>`
  );
}

/** A grouped block (表四: one row whose columns are "group·outcome"): its groups as rows. */
function groupedRows(row: ShownRow): { outcomes: string[]; groups: { name: string; cells: number[] }[] } | null {
  const parts = row.cells.map((c) => c.header.split('·'));
  if (parts.length < 2 || parts.some((p) => p.length < 2)) return null;
  const groups: { name: string; cells: number[] }[] = [];
  parts.forEach((p, k) => {
    const name = p.slice(0, -1).join('·');
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.cells.push(k);
    else groups.push({ name, cells: [k] });
  });
  const outcomes = groups[0]!.cells.map((k) => parts[k]!.at(-1)!);
  // Only when every group has the same outcomes in the same order (else: one wide row).
  if (!groups.every((g) => g.cells.length === outcomes.length && g.cells.every((k, i) => parts[k]!.at(-1) === outcomes[i]))) return null;
  return { outcomes, groups };
}

function blockHtml(b: ShownBlock, ti: number, bi: number, say: (k: TextKey) => string): string {
  const out: string[] = [];
  if (b.label) out.push(`<h3>${escapeHtml(b.label)}</h3>`);
  const first = b.rows[0];
  const grouped = first && b.rows.length === 1 ? groupedRows(first) : null;
  if (first && grouped) {
    out.push('<table><thead><tr><th></th>', ...grouped.outcomes.map((o) => `<th scope="col">${escapeHtml(o)}</th>`), '</tr></thead><tbody>');
    for (const g of grouped.groups) {
      const uncertain = first.confidence === 'uncertain';
      out.push(`<tr class="row${uncertain ? ' uncertain-row' : ''}"><th scope="row">${escapeHtml(g.name)}${uncertain ? rowMark(say) : ''}</th>`);
      for (const k of g.cells) out.push(cellHtml(first.cells[k]!, cellId(ti, bi, 0, k), say));
      out.push('</tr>');
    }
    out.push('</tbody></table>');
  } else if (first) {
    out.push('<table><thead><tr><th></th>', ...first.cells.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`), '</tr></thead><tbody>');
    b.rows.forEach((r, ri) => {
      const uncertain = r.confidence === 'uncertain';
      out.push(`<tr class="row${uncertain ? ' uncertain-row' : ''}"><th scope="row">${escapeHtml(r.label)}${uncertain ? rowMark(say) : ''}</th>`);
      for (const [ci, c] of r.cells.entries()) out.push(cellHtml(c, cellId(ti, bi, ri, ci), say));
      out.push('</tr>');
    });
    out.push('</tbody></table>');
  }
  if (b.missingRows.length) out.push(`<p class="missing-rows">${escapeHtml(say('missingRows'))}：${b.missingRows.map(escapeHtml).join('、')}</p>`);
  return out.join('');
}

const rowMark = (say: (k: TextKey) => string) => ` <span class="mark" title="${escapeHtml(say('uncertainRow'))}">?</span>`;

function tableHtml(t: ShownTable, ti: number, say: (k: TextKey) => string): string {
  const uncertain = t.confidence === 'uncertain';
  const out = [`<section class="table${uncertain ? ' uncertain-table' : ''}"><h2>${escapeHtml(t.name)}</h2>`];
  if (uncertain) out.push(`<p class="note">${escapeHtml(say('uncertainTable'))}</p>`);
  if (t.missingBlocks.length) out.push(`<p class="missing-rows">${escapeHtml(say('missingBlocks'))}：${t.missingBlocks.map(escapeHtml).join('、')}</p>`);
  for (const [bi, b] of t.blocks.entries()) out.push(blockHtml(b, ti, bi, say));
  out.push('</section>');
  return out.join('');
}

/** The page's body: what changes when the report changes (the script swaps it in place). */
export function renderBody(shown: ShownReport | null, locale: Locale): string {
  const say = (k: TextKey) => TEXTS[k][locale];
  if (!shown) return `<p class="note">${escapeHtml(say('empty'))}</p>`;
  const format =
    shown.format === 'unknown' ? say('formatUnknown') : locale === 'en' ? `${shown.format} ${say('format')}` : `${shown.format}年版${say('format')}`;
  const year = locale === 'en' ? `${say('year')} ${shown.year ?? '?'}` : `${shown.year ?? '?'}${say('year')}`;
  const out = [`<p class="meta">${escapeHtml(format)} · ${escapeHtml(year)}</p>`];
  if (!shown.tables.length) out.push(`<p class="note">${escapeHtml(say('noTable'))}</p>`);
  for (const [ti, t] of shown.tables.entries()) out.push(tableHtml(t, ti, say));
  out.push(`<p class="legend">${escapeHtml(say('legend'))}</p>`);
  return out.join('');
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px 24px; }
h1 { font-size: 1.2em; margin: 12px 0 4px; }
h2 { font-size: 1.1em; margin: 20px 0 6px; }
h3 { font-size: 1em; margin: 12px 0 4px; font-weight: 600; }
.meta, .note, .legend, .missing-rows { color: var(--vscode-descriptionForeground); margin: 4px 0; }
.missing-rows { color: var(--vscode-editorWarning-foreground); }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border)); padding: 2px 6px; }
thead th { background: var(--vscode-editorWidget-background); font-weight: 600; font-size: 0.92em; }
tbody th { text-align: left; font-weight: normal; min-width: 6em; max-width: 18em; }
td.cell { text-align: right; font-family: var(--vscode-editor-font-family); min-width: 2.5em; cursor: pointer; white-space: nowrap; }
td.cell:focus, td.cell.at-cursor { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
td.cell.at-cursor { background: var(--vscode-editor-selectionHighlightBackground, var(--vscode-list-inactiveSelectionBackground)); }
td.blank { border-style: dashed; }
td.missing { background: repeating-linear-gradient(45deg, transparent, transparent 4px, var(--vscode-editorWidget-border, #8884) 4px, var(--vscode-editorWidget-border, #8884) 5px); }
td.invalid, td.ambiguous { color: var(--vscode-editorWarning-foreground); }
td.wrong { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground, #f004); border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); }
td.wrong .value { text-decoration: line-through; }
td.noted { text-decoration: underline wavy var(--vscode-editorWarning-foreground); }
.expected { display: block; font-size: 0.85em; font-weight: 600; }
td.uncertain, tr.uncertain-row th, .uncertain-table h2 { font-style: italic; }
.mark { color: var(--vscode-descriptionForeground); margin-left: 2px; }
`;

/**
 * The script: arrow keys move between cells (rows in document order, the same column clamped),
 * Enter or a click asks the extension to jump to the cell in the text; the extension sends new
 * bodies (`update`) and the cell under the text cursor (`cursor`).
 */
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  let cursorId = null;
  const rows = () => Array.from(document.querySelectorAll('tr.row'));
  const cellsOf = (tr) => Array.from(tr.querySelectorAll('td.cell'));
  const focus = (td) => { if (td) { td.focus(); vscode.setState({ focused: td.id }); } };
  const jump = (td) => vscode.postMessage({ type: 'jump', line: +td.dataset.line, character: +td.dataset.character, length: +td.dataset.length });
  const markCursor = () => {
    for (const el of document.querySelectorAll('td.at-cursor')) el.classList.remove('at-cursor');
    const td = cursorId && document.getElementById(cursorId);
    if (td) { td.classList.add('at-cursor'); td.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  };
  document.addEventListener('keydown', (e) => {
    const td = document.activeElement && document.activeElement.closest ? document.activeElement.closest('td.cell') : null;
    if (!td) {
      if (e.key.startsWith('Arrow') || e.key === 'Home') { focus(document.getElementById(cursorId) || document.querySelector('td.cell')); e.preventDefault(); }
      return;
    }
    const tr = td.closest('tr');
    const here = cellsOf(tr);
    const k = here.indexOf(td);
    const all = rows();
    const r = all.indexOf(tr);
    const inRow = (j) => { const cs = cellsOf(all[j]); return cs[Math.min(k, cs.length - 1)]; };
    let next = null;
    if (e.key === 'ArrowLeft') next = here[k - 1];
    else if (e.key === 'ArrowRight') next = here[k + 1];
    else if (e.key === 'ArrowUp') { for (let j = r - 1; j >= 0 && !next; j--) next = inRow(j); }
    else if (e.key === 'ArrowDown') { for (let j = r + 1; j < all.length && !next; j++) next = inRow(j); }
    else if (e.key === 'Home') next = here[0];
    else if (e.key === 'End') next = here[here.length - 1];
    else if (e.key === 'Enter' || e.key === ' ') { jump(td); e.preventDefault(); return; }
    else return;
    e.preventDefault();
    focus(next);
  });
  document.addEventListener('click', (e) => { const td = e.target.closest && e.target.closest('td.cell'); if (td) { focus(td); jump(td); } });
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'update') {
      const had = document.activeElement && document.activeElement.closest ? document.activeElement.closest('td.cell') : null;
      root.innerHTML = m.body;
      if (had) focus(document.getElementById(had.id));
      markCursor();
    } else if (m.type === 'cursor') { cursorId = m.id; markCursor(); }
  });
  const state = vscode.getState();
  if (state && state.focused) focus(document.getElementById(state.focused));
})();`;

/** The whole page, with its Content-Security-Policy: nothing but the nonced style and script, and images from the webview. */
export function renderPage(shown: ShownReport | null, opts: PageOptions): string {
  const csp = [`default-src 'none'`, `img-src ${opts.cspSource}`, `style-src ${opts.cspSource} 'nonce-${opts.nonce}'`, `script-src 'nonce-${opts.nonce}'`].join(
    '; ',
  );
  const lang = opts.locale === 'en' ? 'en' : 'zh-CN';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(opts.title)}</title>
<style nonce="${escapeHtml(opts.nonce)}">${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(opts.title)}</h1>
<main id="root">${renderBody(shown, opts.locale)}</main>
<script nonce="${escapeHtml(opts.nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}
