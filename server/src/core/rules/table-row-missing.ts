import { blockFormats, formatById } from '../formats/registry';
import type { RowDecl } from '../formats/types';
import { msg } from '../i18n';
import type { Block, Range, Table } from '../model';
import { requestsExample } from './examples';
import type { Report_, Rule } from './types';
import { runNames, runsOf } from './util';

/**
 * One finding per run of consecutive missing blocks, where the first of them would stand. A block
 * whose heading is there but none of its rows (a paste cut just after it) joins the run of missing
 * blocks next to it: one truncation, one finding. Returns the blocks it spoke for.
 */
function missingBlocks(t: Table): { out: Report_[]; covered: Set<Block> } {
  const out: Report_[] = [];
  const covered = new Set<Block>();
  if (!t.missingBlocks.length) return { out, covered };
  // The table's slots in the order of the format the missing blocks were declared in.
  const f = formatById(blockFormats(t.missingBlocks[0]!)[0] ?? '');
  const slots = (f?.blocks[t.decl.id] ?? t.missingBlocks).map((b) => b.slot);
  const place = (slot: string) => slots.indexOf(slot);
  const missing = new Map(t.missingBlocks.map((b) => [b.slot, b]));
  const bare = new Map(t.blocks.filter((b) => b.rows.length === 0 && b.missingRows.length > 0).map((b) => [b.decl.slot, b]));
  for (const [k, j] of runsOf(slots, (s) => missing.has(s) || bare.has(s))) {
    const run = slots.slice(k, j + 1);
    if (!run.some((s) => missing.has(s))) continue; // a bare block alone: its rows are reported below
    const decls = run.map((s) => missing.get(s) ?? bare.get(s)!.decl);
    const first = bare.get(run[0]!);
    const at = first ? (first.heading?.[0] ?? first.range[0]) : (t.blocks.find((b) => place(b.decl.slot) > j)?.range[0] ?? t.range[1]);
    for (const s of run) if (bare.has(s)) covered.add(bare.get(s)!);
    const rows = decls.flatMap((b) => b.rows.map((r) => r.name.zh)).join('、');
    const names = runNames(decls, msg('个栏目', 'blocks'));
    const what = run.some((s) => bare.has(s)) ? msg('栏目的全部行', ' (all their rows)') : msg('栏目', '');
    out.push({
      range: first?.heading ?? [at, at],
      message: msg(
        `${t.decl.name.zh}缺少${names.zh}${what.zh}（${rows}）`,
        `${t.decl.name.en} lacks ${run.length > 1 ? 'the blocks' : 'the block'} ${names.en}${what.en}`,
      ),
    });
  }
  return { out, covered };
}

/** One finding per run of consecutive missing rows of a block, where the run would stand. */
function missingRows(t: Table, b: Block): Report_[] {
  const rows = b.decl.rows;
  const out: Report_[] = [];
  const found = (r: RowDecl) => b.rows.find((x) => x.decl.id === r.id);
  for (const [k, j] of runsOf(rows, (r) => b.missingRows.includes(r))) {
    const next = rows
      .slice(j + 1)
      .map(found)
      .find(Boolean);
    const prev = rows.slice(0, k).reverse().map(found).find(Boolean);
    const range: Range = next ? next.label : prev ? [prev.range[1], prev.range[1]] : (b.heading ?? [b.range[0], b.range[0]]);
    const run = rows.slice(k, j + 1);
    const group = run[0]!.group;
    const names = runNames(run, msg('行', 'rows'), b.decl.groups, group ? rows.filter((r) => r.group === group).length : 0);
    out.push({
      range,
      message: msg(
        `${t.decl.name.zh}${b.heading ? `“${b.decl.name.zh}”` : ''}缺少${names.zh}`,
        `${t.decl.name.en}${b.heading ? ` “${b.decl.name.en}”` : ''} lacks ${names.en}`,
      ),
    });
  }
  return out;
}

/** Whether rows of the table were read with their labels and numbers out of order. */
export function scrambled(t: Table): boolean {
  return t.blocks.some((b) => b.rows.some((r) => r.unclear === 'order'));
}

/** The declared rows a table lacks (in missing blocks too). */
export function missingRowCount(t: Table): number {
  return t.missingBlocks.reduce((n, b) => n + b.rows.length, 0) + t.blocks.reduce((n, b) => n + b.missingRows.length, 0);
}

export const tableRowMissing: Rule = {
  id: 'table.row-missing',
  name: msg('表格缺行', 'Missing table rows'),
  description: msg(
    '表格中缺少格式规定的行或栏目块（常见于粘贴截断）。连续缺少的行或栏目合为一条。',
    'Rows or blocks of a table are missing (often a truncated paste). A run of them is one finding.',
  ),
  severity: 'error',
  fixable: false,
  doc: {
    rationale: msg('缺行后相关合计无法核对，数据也不完整。', 'Missing rows hide figures and leave totals unverifiable.'),
    wrong: requestsExample({})
      .split('\n')
      .filter((l) => !/^(2\.没有现成信息|3\.补正后)/.test(l))
      .join('\n'),
    right: requestsExample({}),
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      // Where labels and numbers were found out of order (PDF text), a label not found may be among
      // the part that could not be placed: table.unreadable says so once, no row is called missing.
      if (scrambled(t)) continue;
      const blocks = missingBlocks(t);
      out.push(...blocks.out);
      for (const b of t.blocks) if (!blocks.covered.has(b)) out.push(...missingRows(t, b));
    }
    return out;
  },
};
