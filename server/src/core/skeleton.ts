/**
 * Empty tables in the standard layout (one row per line, cells separated by tabs), for inserting a
 * missing section with its table and for new reports from the template.
 */
import { formatById, formatForYear, formats } from './formats/registry';
import type { BlockDecl, FormatDecl, FormatId, RowDecl, SectionId } from './formats/types';
import type { Report } from './model';

/** The note and header words that open 表三 in the official table. */
export const REQUESTS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/**
 * One block in the standard layout: its heading, its header line, then each row's label and its
 * cells separated by tabs (each group heading once, before its first row). `cells` gives a row's
 * cells (null for the unlabelled row of 表四), or null to leave the row out.
 */
export function blockLines(b: BlockDecl, cells: (row: RowDecl | null) => string[] | null): string[] {
  const lines: string[] = [];
  if (b.heading.length) lines.push(b.heading[0]!);
  if (b.unlabelled) {
    lines.push(b.columns.map((c) => c.name.zh).join('\t'));
    const row = cells(null);
    if (row) lines.push(row.join('\t'));
    return lines;
  }
  if (b.heading.length) lines.push(['信息内容', ...b.columns.map((c) => c.name.zh)].join('\t'));
  else lines.push([REQUESTS_NOTE, '申请人情况', ...b.columns.map((c) => c.name.zh)].join('\t'));
  // Each group heading once, before its first row (2019's （六） and （七） come back to group 三).
  const placed = new Set<string>();
  for (const r of b.rows) {
    const row = cells(r);
    if (!row) continue;
    if (r.group && !placed.has(r.group)) {
      placed.add(r.group);
      const g = b.groups.find((x) => x.id === r.group);
      if (g) lines.push(g.labels[0]!);
    }
    lines.push([r.labels[0]!, ...row].join('\t'));
  }
  return lines;
}

function blockText(b: BlockDecl, fill: string): string {
  const blank = b.columns.map(() => fill);
  return blockLines(b, () => blank).join('\n');
}

/** The table(s) of a section in a format, with every cell `fill` (blank by default). */
export function tableSkeleton(format: FormatId, section: SectionId, fill = ''): string {
  const f = formatById(format);
  if (!f) return '';
  return tablesOf(f, section, fill);
}

function tablesOf(f: FormatDecl, section: SectionId, fill: string): string {
  const table = f.tables.find((t) => t.section === section);
  if (!table) return '';
  return `${f.blocks[table.id].map((b) => blockText(b, fill)).join('\n')}\n`;
}

/** The skeleton for a section of this report: in its format, or by its year's. */
export function skeletonFor(report: Report, section: SectionId): string {
  const format = report.format !== 'unknown' ? report.format : (report.formatByYear ?? null);
  return format ? tableSkeleton(format, section) : '';
}

/** The format of the template for `year`: the year's, or the oldest for a year before every format. */
export function templateFormat(year: number): FormatDecl {
  const id = formatForYear(year);
  return (id !== null ? formatById(id) : undefined) ?? formats()[0]!;
}

/** A whole report in the format of its year: title, period, the six sections and their tables, blank cells to fill in. */
export function reportTemplate(year: number, body = '（机关名称）'): string {
  const f = templateFormat(year);
  const parts: string[] = [`${body}${year}年政府信息公开工作年度报告`, ''];
  parts.push(
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和${f.source}要求编制。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  );
  for (const s of f.sections) {
    parts.push(s.canonical);
    const table = tablesOf(f, s.id, '');
    // The topics the format asks the section to cover, as subsection headings to write under.
    const topics = f.covers?.[s.id] ?? [];
    topics.forEach((t, i) => {
      parts.push(`（${'一二三四五六七八九十'[i]}）${t.topic.zh}`, '');
    });
    if (table) parts.push(table.replace(/\n$/, ''));
    else if (!topics.length) parts.push('');
    parts.push('');
  }
  return parts.join('\n');
}
