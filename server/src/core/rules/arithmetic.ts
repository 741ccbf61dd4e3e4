/** The four arithmetic rules share one routine: they differ only in which declared sums they read. */
import type { Culprit, SumEval } from '../arith';
import type { SumRule } from '../formats/types';
import { msg, type Msg } from '../i18n';
import type { Cell } from '../model';
import type { Report_, Rule, RuleContext, RuleDoc } from './types';
import { rewriteRow } from './table-ambiguous';
import { cellName, emptyTableBlocks, fmt, setCellFix } from './util';

function terms(cells: (Cell | undefined)[]): string {
  const vs = cells.map((c) => c?.value ?? 0);
  if (vs.length <= 8) return vs.map(fmt).join('+');
  // Long sums (（七）总计 has 20+ parts): the parts that are not 0.
  const nz = vs.filter((v) => v !== 0);
  return nz.length ? `${nz.map(fmt).join('+')}，其余为 0` : '各项均为 0';
}
function termsEn(cells: (Cell | undefined)[]): string {
  const vs = cells.map((c) => c?.value ?? 0);
  if (vs.length <= 8) return vs.map(fmt).join('+');
  const nz = vs.filter((v) => v !== 0);
  return nz.length ? `${nz.map(fmt).join('+')}, the rest 0` : 'all parts 0';
}

/** "总计应为 3（1+0+0+0+2+0），实为 4" — or, for the identity, both sides. */
export function arithmeticMessage(s: SumEval, ctx: RuleContext): Msg {
  const total = s.left.length === 1 ? s.left[0] : undefined;
  if (total) {
    const name = cellName(ctx.arith.rowOf.get(total), total);
    return msg(
      `“${name.zh}”应为 ${fmt(s.rightSum)}（${terms(s.right)}），实为 ${fmt(s.leftSum)}`,
      `“${name.en}” should be ${fmt(s.rightSum)} (${termsEn(s.right)}), not ${fmt(s.leftSum)}`,
    );
  }
  const col = s.left[0]?.col ?? s.right[0]!.col;
  return msg(
    `${col.name.zh}栏：一+二 = ${terms(s.left)} = ${fmt(s.leftSum)}，（七）总计+四 = ${terms(s.right)} = ${fmt(s.rightSum)}，两者不等`,
    `${col.name.en}: 1+2 = ${termsEn(s.left)} = ${fmt(s.leftSum)} but (7)+4 = ${termsEn(s.right)} = ${fmt(s.rightSum)}`,
  );
}

function culpritMsg(c: Culprit, ctx: RuleContext): Msg {
  const name = cellName(ctx.arith.rowOf.get(c.cell), c.cell);
  return msg(`；最可能有误的是“${name.zh}”，应为 ${fmt(c.value)}`, `; the likely error is “${name.en}”, which should be ${fmt(c.value)}`);
}

export function checkSums(rule: SumRule, ctx: RuleContext): Report_[] {
  const out: Report_[] = [];
  // An empty table (table.empty) has no sum to speak of.
  const empty = emptyTableBlocks(ctx.report);
  for (const s of ctx.arith.broken) {
    if (s.decl.rule !== rule || empty.has(s.block)) continue;
    const base = arithmeticMessage(s, ctx);
    const culprit = ctx.arith.culprit.get(s);
    if (culprit) {
      const fix = setCellFix(culprit.row, culprit.cell, culprit.value);
      // The message names the total already when it is the culprit; otherwise name the culprit.
      const named = s.left.length === 1 && s.left[0] === culprit.cell;
      const also = named ? msg('', '') : culpritMsg(culprit, ctx);
      if (culprit.cell.split && culprit.row.run) {
        // The cell was cut out of a run of digits: a fix never edits inside the run; at most, a
        // suggestion rewrites the whole row with its cells separated.
        const cells = culprit.row.cells.map((c) => (c === culprit.cell ? fmt(culprit.value) : c.raw));
        out.push({ range: culprit.cell.range, message: msg(base.zh + also.zh, base.en + also.en), suggestions: [rewriteRow(culprit.row, cells)] });
        continue;
      }
      out.push({
        range: culprit.cell.range,
        message: msg(base.zh + also.zh, base.en + also.en),
        fix,
        ...(s.anchor && s.anchor !== culprit.cell ? { related: [{ range: s.anchor.range, message: msg('合计所在单元格', 'The total of this sum') }] } : {}),
      });
      continue;
    }
    // No single cell explains the breaks: offer to make this sum hold, by its total(s), for a person to choose.
    const suggestions = [];
    for (const side of [s.left, s.right]) {
      if (side.length !== 1 && s.decl.rule !== 'table.identity') continue;
      for (const c of side) {
        if (!c) continue;
        const other = side === s.left ? s.rightSum : s.leftSum;
        const rest = (side === s.left ? s.leftSum : s.rightSum) - (c.value ?? 0);
        const v = other - rest;
        if (v < 0) continue;
        const row = ctx.arith.rowOf.get(c);
        // A cell cut out of a run of digits is never edited inside the run: the row is rewritten whole.
        if (c.split && row?.run)
          suggestions.push(
            rewriteRow(
              row,
              row.cells.map((x) => (x === c ? fmt(v) : x.raw)),
            ),
          );
        else suggestions.push(setCellFix(row, c, v));
        if (s.decl.rule === 'table.identity') break;
      }
    }
    const anchor = s.anchor ?? s.left[0] ?? s.right[0];
    out.push({
      range: anchor!.range,
      message: msg(`${base.zh}；无法确定是哪个数有误`, `${base.en}; which figure is wrong cannot be told`),
      ...(suggestions.length ? { suggestions } : {}),
    });
  }
  return out;
}

export function sumRule(id: SumRule, name: Msg, description: Msg, doc: RuleDoc): Rule {
  return { id, name, description, severity: 'error', fixable: true, doc, check: (ctx) => checkSums(id, ctx) };
}
