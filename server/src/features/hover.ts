/**
 * Hover on a table cell: for a total, the computation behind it (its parts, the expected and the
 * actual value, and the likely wrong cell when the sum is broken); for any other cell of a sum, the
 * sums it is part of. In a table read with uncertainty nothing is computed: the hover says the
 * value could not be determined, and why. A cell cut out of a run of digits says the sums decided it.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { cellAt, cellName, fmt, isComputable, isTotalSum, type Cell, type CellHit, type Locale, type SumEval } from '../core';
import type { Analysis } from '../service/analysis';
import { rangeOf } from './convert';
import { previousLines } from './hoverPrevious';
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

/** "（…）" or " (…)": a remark after a value. */
const aside = (text: string, locale: Locale) => (locale === 'zh' ? `（${text}）` : ` (${text})`);

/** Whether the sums of the hovered cell's table were checked: its block and table read with certainty. */
const settled = (hit: CellHit) => hit.block.confidence === 'certain' && hit.table.confidence === 'certain';

/** Why the sums of a table read with uncertainty were not checked: its rows read so (the first three named). */
function whyUnsettled(hit: CellHit, locale: Locale): string {
  if (hit.row.confidence !== 'certain') return t(T.thisRowUncertain, locale);
  const rows = hit.table.blocks.flatMap((b) => b.rows.filter((r) => r.confidence !== 'certain'));
  const names = rows.slice(0, 3).map((r) => t(r.decl.name, locale));
  return names.length ? t(T.rowsUncertain(names, rows.length - names.length), locale) : t(T.thisRowUncertain, locale);
}

function status(s: SumEval, locale: Locale): string {
  if (!s.certain) return `⚠ ${t(T.undetermined, locale)}`;
  if (!s.evaluable) return `⚠ ${t(T.notEvaluable, locale)}`;
  return s.holds ? `✓ ${t(T.holds, locale)}` : `✗ ${t(T.broken, locale)}`;
}

function sumLines(a: Analysis, s: SumEval, locale: Locale): string[] {
  const lines = [`**${t(s.decl.name, locale)}** — ${status(s, locale)}`, ''];
  if (isTotalSum(s)) {
    const total = s.left[0];
    lines.push(`- ${partsText(a, s.right, locale)}${s.evaluable ? ` = **${fmt(s.rightSum)}**` : ''}`);
    const sep = locale === 'zh' ? '，' : ', ';
    // "expected" is a number for the total: not said of a total cut out of a run of digits.
    if (s.evaluable && !total?.split)
      lines.push(`- ${t(T.expected, locale)} **${fmt(s.rightSum)}**${sep}${t(T.actual, locale)} **${valueText(total, locale)}**`);
  } else {
    lines.push(`- ${partsText(a, s.left, locale)}${s.evaluable ? ` = **${fmt(s.leftSum)}**` : ''}`);
    lines.push(`- ${partsText(a, s.right, locale)}${s.evaluable ? ` = **${fmt(s.rightSum)}**` : ''}`);
  }
  if (s.evaluable && !s.holds) {
    const culprit = a.result.arith.culprit.get(s);
    // When the total itself is to blame, "expected … actual …" above says it already.
    const saidAlready = !!culprit && isTotalSum(s) && culprit.cell === s.left[0] && !culprit.cell.split;
    if (culprit?.cell.split) {
      // Cut out of a run of digits: no number for it, only the row to check.
      const name = t(cellName(a.result.arith.rowOf.get(culprit.cell), culprit.cell), locale);
      lines.push(`- ${t(T.culpritInRun(name), locale)}`);
    } else if (culprit && !saidAlready) {
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
  // 二、上年结转: last year's figure, where it came from (or why there is none).
  const previous = previousLines(a, hit, locale);
  if (!sums.length && !previous.length) return null;
  const name = t(cellName(hit.row, hit.cell), locale);
  const out: string[] = [];
  const fill = arith.fill.get(hit.cell);
  let value: string;
  if (hit.cell.confidence !== 'certain') value = `${t(T.undetermined, locale)}${aside(t(T.thisRowUncertain, locale), locale)}`;
  else if (hit.cell.state === 'blank' && fill !== undefined && isComputable(a.result.report, hit.cell)) value = t(T.filled(fmt(fill)), locale);
  else value = valueText(hit.cell, locale) + (hit.cell.split ? aside(t(T.decidedBySums, locale), locale) : '');
  out.push(`**${name}**: ${value}`);
  const own = sums.filter((s) => s.anchor === hit.cell).sort((x, y) => Number(isTotalSum(y)) - Number(isTotalSum(x)));
  const partOf = sums.filter((s) => s.anchor !== hit.cell);
  if (!settled(hit)) {
    // A table read with uncertainty: its sums are not computed, only named, with the reason once.
    const undetermined = `⚠ ${t(T.undetermined, locale)}`;
    if (own.length) out.push('', '---', '', ...own.map((s) => `- **${t(s.decl.name, locale)}** — ${undetermined}`));
    if (partOf.length) out.push('', '---', '', `${t(T.partOf, locale)}:`, '', ...partOf.map((s) => `- ${t(s.decl.name, locale)} — ${undetermined}`));
    // (An uncertain cell's value has said why already.)
    if (hit.cell.confidence === 'certain' || own.length) out.push('', whyUnsettled(hit, locale));
  } else {
    for (const s of own) out.push('', '---', '', ...sumLines(a, s, locale));
    if (partOf.length) {
      out.push('', '---', '', `${t(T.partOf, locale)}:`, '');
      for (const s of partOf) out.push(`- ${t(s.decl.name, locale)} — ${status(s, locale)}`);
    }
  }
  if (previous.length) out.push('', '---', '', ...previous);
  return { text: out.join('\n'), range: hit.cell.range[1] > hit.cell.range[0] ? hit.cell.range : [hit.cell.range[0], hit.cell.range[0]] };
}

export function hover(a: Analysis, offset: number, locale: Locale, markdown = true): Hover | null {
  const h = hoverMarkdown(a, offset, locale);
  if (!h) return null;
  const value = markdown ? h.text : h.text.replace(/\*\*/g, '').replace(/^---$/gm, '');
  return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: rangeOf(a, h.range) };
}
