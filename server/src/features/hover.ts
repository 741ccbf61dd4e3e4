/**
 * Hover on a table cell: for a total, the computation behind it (its parts, the expected and the
 * actual value, and the likely wrong cell when the sum is broken); for any other cell of a sum, the
 * sums it is part of.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { cellAt, cellName, fmt, isTotalSum, type Cell, type Locale, type SumEval } from '../core';
import type { Analysis } from '../service/analysis';
import { rangeOf } from './convert';
import { T, t } from './locale';

/** Long sums (（七）总计 has 20+ parts) list only their parts that are not 0. */
const LIST_ALL_UP_TO = 8;

function valueText(c: Cell | undefined, locale: Locale): string {
  if (!c || c.state === 'missing') return `（${t(T.absent, locale)}）`;
  if (c.state === 'blank') return `（${t(T.blank, locale)}）`;
  if (c.state !== 'ok' || c.value === null) return `（${t(T.invalid, locale)}：${c.raw}）`;
  return fmt(c.value);
}

function partName(a: Analysis, c: Cell, parts: (Cell | undefined)[], locale: Locale): string {
  const rows = new Set(parts.map((p) => (p ? a.result.arith.rowOf.get(p) : undefined)));
  const row = a.result.arith.rowOf.get(c);
  // Parts along a row are told apart by their columns, parts down a column by their rows.
  if (rows.size === 1 || !row || row.decl.labels.length === 0) return t(c.col.name, locale);
  return t(row.decl.name, locale);
}

/** "（一）予以公开 2 + （二）部分公开 2 + …（其余 18 项为 0）" */
function partsText(a: Analysis, parts: (Cell | undefined)[], locale: Locale): string {
  const items = parts.map((c) => ({ c, zero: !!c && c.state === 'ok' && c.value === 0 }));
  const shown = parts.length <= LIST_ALL_UP_TO ? items : items.filter((x) => !x.zero);
  const hidden = items.length - shown.length;
  const sep = ' + ';
  const body = shown.map(({ c }) => (c ? `${partName(a, c, parts, locale)} ${valueText(c, locale)}` : `（${t(T.absent, locale)}）`)).join(sep);
  if (!hidden) return body;
  if (!shown.length) return t(T.allZero, locale);
  return `${body}${locale === 'zh' ? '，' : '; '}${t(T.restZero(hidden), locale)}`;
}

function status(s: SumEval, locale: Locale): string {
  if (!s.evaluable) return `⚠ ${t(T.notEvaluable, locale)}`;
  return s.holds ? `✓ ${t(T.holds, locale)}` : `✗ ${t(T.broken, locale)}`;
}

function sumLines(a: Analysis, s: SumEval, locale: Locale): string[] {
  const lines = [`**${t(s.decl.name, locale)}** — ${status(s, locale)}`, ''];
  if (isTotalSum(s)) {
    const total = s.left[0];
    lines.push(`- ${partsText(a, s.right, locale)}${s.evaluable ? ` = **${fmt(s.rightSum)}**` : ''}`);
    const sep = locale === 'zh' ? '，' : ', ';
    if (s.evaluable) lines.push(`- ${t(T.expected, locale)} **${fmt(s.rightSum)}**${sep}${t(T.actual, locale)} **${valueText(total, locale)}**`);
  } else {
    lines.push(`- ${partsText(a, s.left, locale)}${s.evaluable ? ` = **${fmt(s.leftSum)}**` : ''}`);
    lines.push(`- ${partsText(a, s.right, locale)}${s.evaluable ? ` = **${fmt(s.rightSum)}**` : ''}`);
  }
  if (s.evaluable && !s.holds) {
    const culprit = a.result.arith.culprit.get(s);
    // When the total itself is to blame, "expected … actual …" above says it already.
    const saidAlready = !!culprit && isTotalSum(s) && culprit.cell === s.left[0];
    if (culprit && !saidAlready) {
      const name = t(cellName(a.result.arith.rowOf.get(culprit.cell), culprit.cell), locale);
      lines.push(`- ${t(T.likelyCulprit(name, fmt(culprit.value)), locale)}`);
    } else if (!culprit) lines.push(`- ${t(T.noCulprit, locale)}`);
  }
  return lines;
}

/** The hover text for the cell at an offset, as Markdown; null when the offset is on no cell of a sum. */
export function hoverMarkdown(a: Analysis, offset: number, locale: Locale): { text: string; range: [number, number] } | null {
  if (!a.isReport) return null;
  const hit = cellAt(a.result.report, offset);
  if (!hit) return null;
  const { arith } = a.result;
  const sums = arith.sumsOf.get(hit.cell) ?? [];
  if (!sums.length) return null;
  const name = t(cellName(hit.row, hit.cell), locale);
  const out: string[] = [];
  const fill = arith.fill.get(hit.cell);
  const value = hit.cell.state === 'blank' && fill !== undefined ? t(T.filled(fmt(fill)), locale) : valueText(hit.cell, locale);
  out.push(`**${name}**: ${value}`);
  const own = sums.filter((s) => s.anchor === hit.cell).sort((x, y) => Number(isTotalSum(y)) - Number(isTotalSum(x)));
  for (const s of own) out.push('', '---', '', ...sumLines(a, s, locale));
  const partOf = sums.filter((s) => s.anchor !== hit.cell);
  if (partOf.length) {
    out.push('', '---', '', `${t(T.partOf, locale)}:`, '');
    for (const s of partOf) out.push(`- ${t(s.decl.name, locale)} — ${status(s, locale)}`);
  }
  return { text: out.join('\n'), range: hit.cell.range[1] > hit.cell.range[0] ? hit.cell.range : [hit.cell.range[0], hit.cell.range[0]] };
}

export function hover(a: Analysis, offset: number, locale: Locale, markdown = true): Hover | null {
  const h = hoverMarkdown(a, offset, locale);
  if (!h) return null;
  const value = markdown ? h.text : h.text.replace(/\*\*/g, '').replace(/^---$/gm, '');
  return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: rangeOf(a, h.range) };
}
