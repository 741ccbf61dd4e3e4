import { msg } from '../i18n';
import type { Rule } from './types';

export const tableAmbiguous: Rule = {
  id: 'table.ambiguous',
  name: msg('数字无法分列', 'Cells cannot be told apart'),
  description: msg(
    '一行中的数字连在一起或多于栏数，无法确定各栏的值；不做猜测，请用制表符或竖线分隔各栏。',
    'A row’s numbers run together or outnumber its columns; nianbao does not guess.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '从网页复制的表格常把单元格挤在一起（“5 0 00 0 16”可能是 5/0/0/0/0/1/6，也可能是别的拆法）。此时核对合计没有意义。',
      'Web pastes squeeze cells together (“5 0 00 0 16”); the figures cannot be checked until they are separated.',
    ),
    wrong: '（一）予以公开 5 0 00 0 16\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
    right: '（一）予以公开\t5\t0\t0\t0\t0\t1\t6\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      for (const b of t.blocks) {
        for (const r of b.rows) {
          if (!r.ambiguous) continue;
          const n = b.decl.columns.length;
          // The numbers as one line (a one-cell-per-line row quotes its line breaks otherwise, CRLF twice).
          const raw = r.ambiguous.raw.replace(/\s+/g, ' ');
          out.push({
            range: r.ambiguous.range,
            message:
              r.ambiguous.reason === 'merged'
                ? msg(
                    `“${r.decl.name.zh}”一行的数字“${raw}”连在一起，无法确定 ${n} 栏各自的值`,
                    `The numbers “${raw}” of “${r.decl.name.en}” run together: the ${n} cells cannot be told apart`,
                  )
                : msg(`“${r.decl.name.zh}”一行的数字多于 ${n} 栏，无法确定各栏的值`, `“${r.decl.name.en}” has more numbers than its ${n} columns`),
          });
        }
      }
    }
    return out;
  },
};
