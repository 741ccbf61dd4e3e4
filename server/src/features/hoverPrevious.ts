/**
 * Hover on 表三 "二、上年结转": last year's figure for the hovered column (四、结转下年度继续办理 of
 * last year's report) and the file:line it came from; or why there is none (no report of the year
 * before found, a year missing, two differing ones) and how to pair reports by config.
 */
import { pathToFileURL } from 'node:url';
import { type CellHit, fmt, type Locale, msg } from '../core';
import type { Analysis } from '../service/analysis';
import { t } from './locale';

/** A file's name for the hover: the part after the last slash. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** "[name:line:col](file:///…#Lline,col)": a link the editor opens at the place. */
function place(file: string, line: number, character: number): string {
  const at = `${line + 1}:${character + 1}`;
  let href: string;
  try {
    href = `${pathToFileURL(file).href}#L${line + 1},${character + 1}`;
  } catch {
    return `${baseName(file)}:${at}`;
  }
  return `[${baseName(file)}:${at}](${href})`;
}

const HOW_TO_PAIR = msg(
  '上一年度的报告在本文件所在文件夹及其子文件夹中按机关和年度查找（年份命名的文件夹如“2022”，则在其上级文件夹中查找）；机关更名或文件在别处时，可在 .nianbaorc.json 中配对：`"pairs": [["上年报告路径", "本年报告路径"]]`（相对于配置文件）。',
  'Last year’s report is looked for by body and year in this file’s folder and its subfolders (for a folder named after a year, such as “2022”, in its parent); for a renamed body or a file elsewhere, pair them in .nianbaorc.json: `"pairs": [["last year’s report", "this year’s report"]]` (paths relative to the config file).',
);

/** The lines about last year's figure for a cell of 二、上年结转; none for any other cell. */
export function previousLines(a: Analysis, hit: CellHit, locale: Locale): string[] {
  if (hit.table.decl.id !== 'requests' || hit.row.decl.id !== 'carried') return [];
  const cy = a.crossyear;
  const year = a.result.report.year;
  const lastYear = year !== null ? `${year - 1}` : null;
  const head = `**${t(msg('上年报告', 'Last year’s report'), locale)}**: `;
  if (cy?.previous) {
    const { file, extract } = cy.previous;
    const cell = extract.cells[`carryover.${hit.cell.col.id}`];
    const y = extract.year ?? lastYear ?? '';
    const col = t(hit.cell.col.name, locale);
    if (!cell)
      return [
        head +
          t(
            msg(
              `${y}年报告（${baseName(file)}）中未找到“四、结转下年度继续办理”（${col}）`,
              `the ${y} report (${baseName(file)}) has no 4. carried over to next year (${col})`,
            ),
            locale,
          ),
      ];
    const value = cell.value === null ? t(msg('空白或无效', 'blank or invalid'), locale) : `**${fmt(cell.value)}**`;
    const unsure = cell.certain ? '' : t(msg('（该表识别不确定，未比较）', ' (read with uncertainty: not compared)'), locale);
    return [
      `${head}${t(msg(`${y}年“四、结转下年度继续办理”（${col}）为 `, `${y}, 4. carried over to next year (${col}): `), locale)}${value}${unsure}`,
      '',
      `${t(msg('来自', 'from'), locale)} ${place(file, cell.start.line, cell.start.character)}`,
    ];
  }
  if (cy?.gap)
    return [
      head +
        t(
          msg(
            `未找到${lastYear ?? '上一'}年的报告；最近的是${cy.gap.year}年（${baseName(cy.gap.file)}），不跨年比较`,
            `no ${lastYear ?? 'previous'} report found; the latest earlier one is ${cy.gap.year} (${baseName(cy.gap.file)}), not compared across a gap`,
          ),
          locale,
        ),
    ];
  if (cy?.conflict) {
    const [x, y] = cy.conflict.files;
    return [
      head +
        t(
          msg(
            `${cy.conflict.year}年有两份内容不同的报告（${baseName(x)}、${baseName(y)}），未比较`,
            `two different ${cy.conflict.year} reports (${baseName(x)}, ${baseName(y)}): not compared`,
          ),
          locale,
        ),
    ];
  }
  return [
    head + t(msg(`未找到同一机关${lastYear ? `${lastYear}年` : '上一年度'}的报告`, `no ${lastYear ?? 'previous'} report of the same body found`), locale),
    '',
    t(HOW_TO_PAIR, locale),
  ];
}
