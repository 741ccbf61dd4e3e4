import { msg } from '../i18n';
import { requestsExample } from './examples';
import type { Rule } from './types';

export const tableRowMissing: Rule = {
  id: 'table.row-missing',
  name: msg('表格缺行', 'Missing table rows'),
  description: msg('表格中缺少格式规定的行或栏目块（常见于粘贴截断）。', 'Rows or blocks of a table are missing (often a truncated paste).'),
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
      for (const mb of t.missingBlocks) {
        const at = t.blocks.find((b) => b.decl.slot > mb.slot)?.range[0] ?? t.range[1];
        out.push({
          range: [at, at],
          message: msg(
            `${t.decl.name.zh}缺少“${mb.name.zh}”栏目（${mb.rows.map((r) => r.name.zh).join('、')}）`,
            `${t.decl.name.en} lacks the block “${mb.name.en}”`,
          ),
        });
      }
      for (const b of t.blocks) {
        // Runs of consecutive missing rows, reported once each, where the run would stand.
        const rows = b.decl.rows;
        let k = 0;
        while (k < rows.length) {
          if (!b.missingRows.includes(rows[k]!)) {
            k++;
            continue;
          }
          let j = k;
          while (j + 1 < rows.length && b.missingRows.includes(rows[j + 1]!)) j++;
          const run = rows.slice(k, j + 1);
          const next = rows
            .slice(j + 1)
            .map((r) => b.rows.find((x) => x.decl.id === r.id))
            .find(Boolean);
          const prev = rows
            .slice(0, k)
            .reverse()
            .map((r) => b.rows.find((x) => x.decl.id === r.id))
            .find(Boolean);
          const range: [number, number] = next ? next.label : prev ? [prev.range[1], prev.range[1]] : (b.heading ?? [b.range[0], b.range[0]]);
          const names =
            run.length > 3 ? `${run[0]!.name.zh}至${run[run.length - 1]!.name.zh}，共 ${run.length} 行` : run.map((r) => `“${r.name.zh}”`).join('、');
          const namesEn =
            run.length > 3 ? `${run.length} rows from ${run[0]!.name.en} to ${run[run.length - 1]!.name.en}` : run.map((r) => `“${r.name.en}”`).join(', ');
          out.push({
            range,
            message: msg(
              `${t.decl.name.zh}${b.heading ? `“${b.decl.name.zh}”` : ''}缺少${names}`,
              `${t.decl.name.en}${b.heading ? ` “${b.decl.name.en}”` : ''} lacks ${namesEn}`,
            ),
          });
          k = j + 1;
        }
      }
    }
    return out;
  },
};
