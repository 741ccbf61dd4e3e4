/**
 * Inlay hints beside wrong totals: the value the sums call for ("应为 6"), at the cell to blame (or
 * at the total when no single cell explains the break), and the value a blank cell must hold when
 * the sums determine it ("= 2"). Only for cells a computed number may be shown for: read with
 * certainty, in a table read with certainty, not cut out of a run of digits. Off with
 * `nianbao.inlayHints.enabled: false`.
 */
import type { InlayHint } from 'vscode-languageserver';
import { cellName, fmt, isComputable, isTotalSum, type Cell, type Locale } from '../core';
import type { Analysis } from '../service/analysis';
import { positionOf } from './convert';
import { T, t } from './locale';

interface Expected {
  cell: Cell;
  value: number;
  kind: 'wrong' | 'blank';
}

/** Cells whose value the arithmetic says should be different, or fills a blank. */
export function expectedValues(a: Analysis): Expected[] {
  const { arith } = a.result;
  const out = new Map<Cell, Expected>();
  for (const s of arith.broken) {
    const culprit = arith.culprit.get(s);
    if (culprit) out.set(culprit.cell, { cell: culprit.cell, value: culprit.value, kind: 'wrong' });
  }
  for (const s of arith.broken) {
    if (arith.culprit.get(s) || !isTotalSum(s)) continue;
    const total = s.left[0];
    if (total && !out.has(total)) out.set(total, { cell: total, value: s.rightSum, kind: 'wrong' });
  }
  for (const [cell, value] of arith.fill) {
    if (cell.state === 'blank' && !out.has(cell)) out.set(cell, { cell, value, kind: 'blank' });
  }
  const report = a.result.report;
  return [...out.values()].filter((e) => isComputable(report, e.cell)).sort((x, y) => x.cell.range[0] - y.cell.range[0]);
}

export function inlayHints(a: Analysis, range: [number, number], locale: Locale, enabled = true): InlayHint[] {
  if (!enabled || !a.isReport) return [];
  const hints: InlayHint[] = [];
  for (const e of expectedValues(a)) {
    const at = e.cell.range[1];
    if (at < range[0] || at > range[1]) continue;
    const name = t(cellName(a.result.arith.rowOf.get(e.cell), e.cell), locale);
    const v = fmt(e.value);
    hints.push({
      position: positionOf(a, at),
      label: t(e.kind === 'wrong' ? T.shouldBe(v) : T.fillWith(v), locale),
      paddingLeft: true,
      tooltip: `${name}: ${t(e.kind === 'wrong' ? T.shouldBe(v) : T.filled(v), locale)}`,
    });
  }
  return hints;
}
