/**
 * `nianbao check --format html`: one self-contained page for auditors, to open in a browser and hand
 * on. Inline CSS, no script, no external resource (a Content-Security-Policy says so to the
 * browser), a print stylesheet. Written file by file as results arrive, so memory does not grow
 * with the number of files: each report's section as it is checked, the summary last, placed on
 * top by CSS (`order` in a flex column). Reports with errors show their tables with the wrong cells
 * marked red and the value the sums expect, for the first TABLES_SHOWN of them (said in the summary).
 */
import { type Locale, RULES, localize } from '../core';
import { VERSION } from '../version';
import type { OutputFormat } from './args';
import type { MarkedBlock, MarkedCell, MarkedTable } from './marked';
import type { Outcome, OutFinding, Result } from './outcome';
import type { Summary, Writer } from './output';

/** How many reports with errors have their tables drawn; later ones list their findings only. */
export const TABLES_SHOWN = 100;

/** The locale to mark tables in, for the HTML report only (the other formats do not draw tables). */
export function markIn(format: OutputFormat, locale: Locale): Locale | undefined {
  return format === 'html' ? locale : undefined;
}

/** Text as HTML text or attribute value: markup characters escaped, characters HTML forbids dropped. */
export function esc(s: string): string {
  return s
    .replace(/[^\P{Cc}\t\n\r]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WORDS = {
  zh: {
    title: 'nianbao 政府信息公开工作年度报告检查结果',
    lang: 'zh-CN',
    generated: '生成',
    files: '份报告已检查',
    failed: '个文件无法检查',
    errors: '个错误',
    warnings: '个警告',
    notes: '个提示',
    tables: '张表格',
    notChecked: '张表格识别不确定、未核对',
    byFormat: '按格式和年度',
    format: '格式',
    year: '年度',
    reports: '报告数',
    byRule: '按规则',
    rule: '规则',
    name: '名称',
    error: '错误',
    warning: '警告',
    note: '提示',
    worst: '问题最多的文件',
    tablesNotChecked: '识别不确定、未核对的表格',
    more: (n: number) => `……另有 ${n} 个文件`,
    nTables: (n: number) => `${n} 张表`,
    none: '（无）',
    cap: (n: number, over: number) => `表格只对有错误的报告显示，最多 ${n} 份${over ? `；另有 ${over} 份有错误的报告只列出问题，未显示表格` : ''}。`,
    where: '位置',
    level: '级别',
    message: '说明',
    clean: '未发现问题。',
    formatName: (f: string) => (f === 'unknown' ? '格式未知' : `${f}年版格式`),
    yearName: (y: number | null) => (y === null ? '年度未知' : `${y}年度`),
    tableCount: (t: number, u: number) => `${t} 张表格${u ? `（${u} 张识别不确定、未核对）` : ''}`,
    encoding: (e: string) => `按 ${e.toUpperCase()} 编码读取`,
    tablesHead: '表格（红色为有误的单元格，并注明按合计关系应有的值）',
    tablesCapped: `表格未显示：已达显示上限。`,
    expected: (v: string) => `应为 ${v}`,
    blank: '空白',
    missing: '缺失',
    uncertainRow: '识别不确定',
    uncertainTable: '识别不确定，本表合计未核对',
    missingBlocks: '缺少的栏目：',
    missingRows: '缺少的行：',
    legend: '红色：有误；“应为”：按合计关系应有的值；虚线下划线：由合计关系确定的拆分；斜体：识别不确定。',
    unreadable: '无法检查',
    severity: { error: '错误', warning: '警告', info: '提示', hint: '提示' },
    formatLabel: (f: string) => (f === 'unknown' ? '未知' : `${f}年版`),
  },
  en: {
    title: 'nianbao — government information disclosure annual reports checked',
    lang: 'en',
    generated: 'generated',
    files: 'reports checked',
    failed: 'files could not be checked',
    errors: 'errors',
    warnings: 'warnings',
    notes: 'notes',
    tables: 'tables',
    notChecked: 'tables read with uncertainty, not checked',
    byFormat: 'By format and year',
    format: 'Format',
    year: 'Year',
    reports: 'Reports',
    byRule: 'By rule',
    rule: 'Rule',
    name: 'Name',
    error: 'Errors',
    warning: 'Warnings',
    note: 'Notes',
    worst: 'Files with most findings',
    tablesNotChecked: 'Tables read with uncertainty, not checked',
    more: (n: number) => `… and ${n} more file(s)`,
    nTables: (n: number) => `${n} table(s)`,
    none: '(none)',
    cap: (n: number, over: number) =>
      `Tables are shown for reports with errors, at most ${n}${over ? `; ${over} more report(s) with errors list their findings only` : ''}.`,
    where: 'Where',
    level: 'Level',
    message: 'Message',
    clean: 'No findings.',
    formatName: (f: string) => (f === 'unknown' ? 'format unknown' : `${f} format`),
    yearName: (y: number | null) => (y === null ? 'year unknown' : `year ${y}`),
    tableCount: (t: number, u: number) => `${t} table(s)${u ? ` (${u} read with uncertainty, not checked)` : ''}`,
    encoding: (e: string) => `read as ${e.toUpperCase()}`,
    tablesHead: 'Tables (wrong cells in red, with the value the sums expect)',
    tablesCapped: 'Tables not shown: the cap on tables shown was reached.',
    expected: (v: string) => `expected ${v}`,
    blank: 'blank',
    missing: 'missing',
    uncertainRow: 'uncertain',
    uncertainTable: 'read with uncertainty, its sums not checked',
    missingBlocks: 'Missing blocks: ',
    missingRows: 'Missing rows: ',
    legend: 'Red: wrong; “expected”: the value the sums call for; dotted underline: a split decided by the sums; italics: read with uncertainty.',
    unreadable: 'could not be checked',
    severity: { error: 'error', warning: 'warning', info: 'note', hint: 'note' },
    formatLabel: (f: string) => (f === 'unknown' ? 'unknown' : f),
  },
};
type Words = (typeof WORDS)['zh'];

const CSS = `
:root{--red:#b71c1c;--red-bg:#fdecea;--amber:#8a5a00;--amber-bg:#fff4dc;--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--head:#f3f4f6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;color:var(--ink);background:#fff}
.page{display:flex;flex-direction:column;max-width:1200px;margin:0 auto;padding:16px 24px}
.summary{order:-1;border-bottom:3px solid var(--red);padding-bottom:12px;margin-bottom:8px}
h1{font-size:22px;margin:8px 0;color:var(--red)}
h2{font-size:17px;margin:18px 0 6px}
h3{font-size:15px;margin:12px 0 4px}
.generated{color:var(--muted);margin:0 0 10px}
.stats{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.stat{border:1px solid var(--line);border-radius:6px;padding:6px 12px;min-width:120px}
.stat .n{display:block;font-size:24px;font-weight:700}
.stat.bad .n{color:var(--red)}
.stat.warn .n{color:var(--amber)}
table{border-collapse:collapse;margin:6px 0}
th,td{border:1px solid var(--line);padding:3px 8px;vertical-align:top}
thead th{background:var(--head);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.report{border-top:1px solid var(--line);padding:8px 0 14px}
.report h2{font-size:16px;word-break:break-all}
.report.failed h2{color:var(--red)}
.meta{color:var(--muted);margin:2px 0 6px}
.findings td.where{white-space:nowrap;font-variant-numeric:tabular-nums}
.sev{font-weight:600;white-space:nowrap}
.sev-error{color:var(--red)}
.sev-warning{color:var(--amber)}
.sev-info,.sev-hint{color:var(--muted)}
code{font-family:ui-monospace,"SFMono-Regular",Consolas,monospace;font-size:13px}
.grid caption{text-align:left;font-weight:600;padding:4px 0}
.grid th[scope=row]{text-align:left;font-weight:normal;background:#fafafa;max-width:360px}
.grid td{text-align:right;min-width:3.5em;font-variant-numeric:tabular-nums}
.grid td.wrong{background:var(--red-bg);color:var(--red);font-weight:700;outline:2px solid var(--red);outline-offset:-2px}
.grid td .expected{display:block;font-size:12px;font-weight:600;white-space:nowrap}
.grid td.blank .mark,.grid td.missing .mark{color:var(--muted);font-size:12px;font-weight:normal}
.grid td.split{text-decoration:underline dotted}
.grid tr.uncertain th,.grid tr.uncertain td,.grid td.uncertain{font-style:italic;background:var(--amber-bg)}
.grid .block th{background:var(--head);text-align:left}
.uncertain-note{color:var(--amber);font-weight:normal}
.legend,.cap{color:var(--muted);font-size:13px}
a{color:#0b57d0}
@media print{
  body{font-size:11pt}
  .page{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  .report{break-inside:auto}
  .grid,.stats,.findings tr{break-inside:avoid}
  h2,h3{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

function sev(f: OutFinding, w: Words): string {
  return `<span class="sev sev-${f.severity}">${esc(w.severity[f.severity])}</span>`;
}

function findingsTable(o: Outcome, w: Words, locale: Locale): string {
  const fs = o.findings ?? [];
  if (!fs.length) return `<p class="clean">${esc(w.clean)}</p>`;
  const rows = fs
    .map(
      (f) =>
        `<tr class="finding-${f.severity}"><td class="where">${f.line}:${f.column}</td><td>${sev(f, w)}</td><td><code>${esc(f.code)}</code></td><td>${esc(localize(f.message, locale))}</td></tr>`,
    )
    .join('\n');
  return `<table class="findings"><thead><tr><th>${esc(w.where)}</th><th>${esc(w.level)}</th><th>${esc(w.rule)}</th><th>${esc(w.message)}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function cellHtml(c: MarkedCell, w: Words): string {
  const cls = [
    c.wrong ? 'wrong' : '',
    c.state === 'blank' ? 'blank' : '',
    c.state === 'missing' ? 'missing' : '',
    c.split ? 'split' : '',
    c.uncertain ? 'uncertain' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = [`${c.line}:${c.column}`, ...c.notes].join('\n');
  const body =
    c.state === 'blank' ? `<span class="mark">${esc(w.blank)}</span>` : c.state === 'missing' ? `<span class="mark">${esc(w.missing)}</span>` : esc(c.text);
  const expected = c.expected !== null && c.wrong ? `<span class="expected">${esc(w.expected(c.expected))}</span>` : '';
  return `<td${cls ? ` class="${cls}"` : ''} title="${esc(title)}">${body}${expected}</td>`;
}

function blockHtml(b: MarkedBlock, w: Words): string {
  const head = `<tr><th></th>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const label = b.label ? `<tr class="block"><th colspan="${b.columns.length + 1}">${esc(b.label)}</th></tr>` : '';
  const rows = b.rows
    .map(
      (r) =>
        `<tr${r.uncertain ? ' class="uncertain"' : ''}><th scope="row">${esc(r.label)}${r.uncertain ? ` <span class="uncertain-note">（${esc(w.uncertainRow)}）</span>` : ''}</th>${r.cells.map((c) => cellHtml(c, w)).join('')}</tr>`,
    )
    .join('\n');
  const missing = b.missingRows.length
    ? `<tr><td class="missing-rows" colspan="${b.columns.length + 1}">${esc(w.missingRows + b.missingRows.join('、'))}</td></tr>`
    : '';
  return `<thead>${label}${head}</thead><tbody>\n${rows}${missing}\n</tbody>`;
}

function tablesHtml(tables: MarkedTable[], w: Words): string {
  const parts = tables.map((t) => {
    const caption = `${esc(t.name)}${t.uncertain ? ` <span class="uncertain-note">（${esc(w.uncertainTable)}）</span>` : ''}`;
    const missing = t.missingBlocks.length ? `<p class="meta">${esc(w.missingBlocks + t.missingBlocks.join('、'))}</p>` : '';
    // One <table> per block: 表二's blocks have columns of their own.
    const blocks = t.blocks.map((b, k) => `<table class="grid">${k === 0 ? `<caption>${caption}</caption>` : ''}${blockHtml(b, w)}</table>`).join('\n');
    return `${missing}${blocks}`;
  });
  return `<div class="tables"><h3>${esc(w.tablesHead)}</h3>\n${parts.join('\n')}\n<p class="legend">${esc(w.legend)}</p></div>`;
}

const anchor = (index: number) => `r${index + 1}`;

function reportHtml(o: Outcome, w: Words, locale: Locale): string {
  const fs = o.findings ?? [];
  const errors = fs.filter((f) => f.severity === 'error').length;
  const meta = [
    w.formatName(o.format ?? 'unknown'),
    w.yearName(o.year ?? null),
    w.tableCount(o.tables ?? 0, o.tablesNotChecked ?? 0),
    ...(o.encoding && o.encoding !== 'utf-8' ? [w.encoding(o.encoding)] : []),
  ].join(' · ');
  return `<section class="report${errors ? ' has-errors' : ''}" id="${anchor(o.index)}">\n<h2>${esc(o.display)}</h2>\n<p class="meta">${esc(meta)}</p>\n${findingsTable(o, w, locale)}\n`;
}

function link(index: number, text: string): string {
  return `<a href="#${anchor(index)}">${esc(text)}</a>`;
}

function stat(kind: string, n: number, label: string, tone = ''): string {
  return `<div class="stat${tone ? ` ${tone}` : ''}" data-stat="${kind}"><span class="n">${n}</span><span class="l">${esc(label)}</span></div>`;
}

function summaryHtml(s: Summary, w: Words, locale: Locale, over: number): string {
  const t = s.totals();
  const out: string[] = [];
  out.push(`<section class="summary" id="summary">\n<h1>${esc(w.title)}</h1>`);
  out.push(`<p class="generated">nianbao ${esc(VERSION)} · ${esc(w.generated)} ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC</p>`);
  out.push(
    `<div class="stats">${stat('files', s.files, w.files)}${s.failed ? stat('failed', s.failed, w.failed, 'bad') : ''}${stat('errors', t.error, w.errors, t.error ? 'bad' : '')}${stat('warnings', t.warning, w.warnings, t.warning ? 'warn' : '')}${stat('notes', t.info + t.hint, w.notes)}${stat('tables', s.tables, w.tables)}${stat('not-checked', s.tablesNotChecked, w.notChecked, s.tablesNotChecked ? 'warn' : '')}</div>`,
  );
  const fy = [...s.byFormatYear.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.format.localeCompare(b.format));
  out.push(`<h2>${esc(w.byFormat)}</h2>`);
  out.push(
    `<table class="by-format"><thead><tr><th>${esc(w.format)}</th><th>${esc(w.year)}</th><th>${esc(w.reports)}</th></tr></thead><tbody>${fy.map((x) => `<tr><td>${esc(w.formatLabel(x.format))}</td><td>${x.year ?? '?'}</td><td class="num">${x.reports}</td></tr>`).join('')}</tbody></table>`,
  );
  const rules = [...s.byRule.entries()].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
  const names = new Map(RULES.map((r) => [r.id, localize(r.name, locale)]));
  out.push(`<h2>${esc(w.byRule)}</h2>`);
  out.push(
    rules.length
      ? `<table class="by-rule"><thead><tr><th>${esc(w.rule)}</th><th>${esc(w.name)}</th><th>${esc(w.error)}</th><th>${esc(w.warning)}</th><th>${esc(w.note)}</th></tr></thead><tbody>${rules.map(([code, c]) => `<tr data-rule="${esc(code)}"><td><code>${esc(code)}</code></td><td>${esc(names.get(code) ?? '')}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info + c.hint}</td></tr>`).join('')}</tbody></table>`
      : `<p>${esc(w.none)}</p>`,
  );
  out.push(`<h2>${esc(w.tablesNotChecked)}</h2>`);
  if (s.notChecked.length) {
    const more = s.filesNotChecked - s.notChecked.length;
    out.push(
      `<ul class="not-checked">${s.notChecked.map((f) => `<li>${link(f.index, f.display)} — ${esc(w.nTables(f.tables))}</li>`).join('')}${more > 0 ? `<li>${esc(w.more(more))}</li>` : ''}</ul>`,
    );
  } else out.push(`<p>${esc(w.none)}</p>`);
  out.push(`<h2>${esc(w.worst)}</h2>`);
  out.push(
    s.worst.length
      ? `<table class="worst"><thead><tr><th>${esc(w.error)}</th><th>${esc(w.warning)}</th><th></th></tr></thead><tbody>${s.worst.map((f) => `<tr><td class="num">${f.errors}</td><td class="num">${f.warnings}</td><td>${link(f.index, f.display)}</td></tr>`).join('')}</tbody></table>`
      : `<p>${esc(w.none)}</p>`,
  );
  out.push(`<p class="cap">${esc(w.cap(TABLES_SHOWN, over))}</p>`);
  out.push('</section>');
  return out.join('\n');
}

export function htmlWriter(locale: Locale): Writer {
  const w = WORDS[locale === 'en' ? 'en' : 'zh'];
  // The main thread's count of reports whose tables were placed, against the cap.
  let shown = 0;
  let over = 0;
  return {
    begin: () =>
      `<!DOCTYPE html>\n<html lang="${w.lang}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="nianbao ${esc(VERSION)}">\n<title>${esc(w.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main class="page">\n`,
    render: (o) => ({
      text: reportHtml(o, w, locale),
      items: 0,
      ...(o.marked?.length ? { tables: tablesHtml(o.marked, w) } : {}),
    }),
    place: (r) => {
      let tables = '';
      if (r.tables !== undefined) {
        if (shown < TABLES_SHOWN) {
          shown++;
          tables = `${r.tables}\n`;
        } else {
          over++;
          tables = `<p class="cap">${esc(w.tablesCapped)}</p>\n`;
        }
      }
      return `${r.text}${tables}</section>\n`;
    },
    unreadable: (r: Result) =>
      `<section class="report failed" id="${anchor(r.index)}">\n<h2>${esc(r.display)}</h2>\n<p class="meta">${esc(w.unreadable)}：${esc(r.error ?? '')}</p>\n</section>\n`,
    end: (totals) => `${summaryHtml(totals, w, locale, over)}\n</main>\n</body>\n</html>\n`,
  };
}
