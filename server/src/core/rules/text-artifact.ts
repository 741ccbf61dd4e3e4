import { msg } from '../i18n';
import type { Rule } from './types';

const KIND = {
  bookmark: msg('Word 书签残留', 'a Word bookmark'),
  breadcrumb: msg('网页导航路径', 'a web breadcrumb'),
  web: msg('网页按钮或工具栏文字', 'web-page controls'),
  footer: msg('网页页脚', 'a web-page footer'),
  'page-number': msg('页码', 'a page number'),
};

export const textArtifact: Rule = {
  id: 'text.artifact',
  name: msg('粘贴残留', 'Paste debris'),
  description: msg(
    '从 Word、网页或 PDF 粘贴带来的残留：“[bookmark: _GoBack]”、导航路径、页脚、备案号、页码等。',
    'Debris from Word, web pages or PDFs: bookmarks, breadcrumbs, footers, page numbers.',
  ),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg('这些文字不属于报告，发布后会让读者困惑，也可能打断表格。', 'Such text is not part of the report and may break its tables.'),
    wrong: '首页 > 政府信息公开 > 年度报告\n[bookmark: _GoBack]一、总体情况\n',
    right: '一、总体情况\n',
  },
  check({ report }) {
    return report.artifacts.map((a) => ({
      range: a.line ? [a.range[0], Math.max(a.range[0], a.range[1] - lineBreakLength(report.text, a.range[1]))] : a.range,
      message: msg(`${KIND[a.kind].zh}：“${a.text.slice(0, 40)}”，不属于报告正文`, `${KIND[a.kind].en}: “${a.text.slice(0, 40)}” is not part of the report`),
      fix: { range: a.range, text: '', title: a.line ? msg('删除此行', 'Delete this line') : msg('删除残留', 'Delete the debris') },
    }));
  },
};

function lineBreakLength(text: string, end: number): number {
  if (text[end - 1] === '\n') return text[end - 2] === '\r' ? 2 : 1;
  if (text[end - 1] === '\r' || text[end - 1] === '\f') return 1;
  return 0;
}
