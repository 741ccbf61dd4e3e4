import { msg } from '../i18n';
import type { Row } from '../model';
import type { Fix } from './types';
import type { Rule } from './types';

/** A suggestion that rewrites a run-together row whole, its cells separated by tabs. */
export function rewriteRow(row: Row, cells: string[]): Fix {
  const text = `\t${cells.join('\t')}`;
  return { range: row.run!, text, title: msg(`按“${cells.join(' ')}”分列`, `Separate as “${cells.join(' ')}”`) };
}

export const tableAmbiguous: Rule = {
  id: 'table.ambiguous',
  name: msg('数字可有多种分法', 'Numbers can be read several ways'),
  description: msg(
    '一行中的数字连在一起，有不止一种分法能使表中的合计关系成立；不做猜测，列出各种分法供选择。',
    'A row’s digits run together and more than one way of cutting them satisfies the table’s sums; nianbao names them and guesses none.',
  ),
  severity: 'warning',
  fixable: false,
  doc: {
    rationale: msg(
      '从网页复制的表格常把单元格挤在一起（“1 2 0 0 0 0 3”可能是 1/2/0/0/0/0/3，也可能是 12/0/0/0/0/0/…）。能由合计关系唯一确定的，nianbao 会自动分列；仍有多种分法时，请核对原表后选择。',
      'Web pastes squeeze cells together. Where the sums leave one reading nianbao takes it; where several remain, check the original and choose.',
    ),
    wrong: '（一）予以公开 111 0 0 0 0 12\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
    right: '（一）予以公开\t11\t1\t0\t0\t0\t0\t12\n（二）部分公开\t0\t0\t0\t0\t0\t0\t0\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const t of report.tables) {
      for (const b of t.blocks) {
        for (const r of b.rows) {
          if (r.unclear !== 'readings' || !r.readings || !r.ambiguous) continue;
          const raw = r.ambiguous.raw.replace(/\s+/g, ' ');
          const named = r.readings.map((x) => x.join(' '));
          const list = named.map((x) => `“${x}”`);
          // A row no sum speaks for (表二's rows): only its columns' kinds narrow the readings.
          const summed = b.decl.sums.some((sum) => [...sum.left, ...sum.right].some((c) => c.row === r.decl.id));
          out.push({
            range: r.ambiguous.range,
            message: summed
              ? msg(
                  `“${r.decl.name.zh}”一行的数字“${raw}”连在一起，有 ${named.length} 种分法都能使合计成立：${list.join('、')}；请核对原表`,
                  `The digits “${raw}” of “${r.decl.name.en}” run together, and ${named.length} readings satisfy the sums: ${list.join(', ')}`,
                )
              : msg(
                  `“${r.decl.name.zh}”一行的数字“${raw}”连在一起，${t.decl.name.zh}的这一行没有合计关系可据以分列，有 ${named.length} 种分法：${list.join('、')}；请核对原表`,
                  `The digits “${raw}” of “${r.decl.name.en}” run together; no sum of ${t.decl.name.en} covers this row to decide them, and ${named.length} readings remain: ${list.join(', ')}`,
                ),
            ...(r.run ? { suggestions: r.readings.map((cells) => rewriteRow(r, cells)) } : {}),
          });
        }
      }
    }
    return out;
  },
};
