/**
 * A PDF's table drawn as a picture: the text reader finds no table under its section, and the core
 * says `table.missing`. That would be wrong (the table is there, it cannot be read), so such a
 * finding becomes one `table.unreadable` saying "表格为图片，无法检查", without the fix that would
 * insert an empty table.
 */
import type { Finding, Report } from '../core';
import { msg } from '../core/i18n';

/** Rewrites the `table.missing` findings whose section holds a picture big enough to be a table. */
export function explainPictures(findings: Finding[], report: Report, pictures: { page: number; offset: number }[] | undefined): Finding[] {
  if (!pictures?.length) return findings;
  return findings.map((f) => {
    if (f.rule !== 'table.missing') return f;
    const section = report.sections.find((s) => s.heading?.range[0] === f.range[0]);
    if (!section) return f;
    const picture = pictures.find((p) => p.offset >= section.range[0] && p.offset <= section.range[1]);
    if (!picture) return f;
    return {
      rule: 'table.unreadable',
      severity: 'warning',
      range: f.range,
      message: msg(
        `表格为图片，无法检查（第 ${picture.page} 页）：请用原文档（.docx）检查`,
        `the table is a picture and cannot be checked (page ${picture.page}): check the original document (.docx)`,
      ),
    };
  });
}
