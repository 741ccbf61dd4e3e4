/**
 * The TextMate grammar `syntaxes/nianbao.tmLanguage.json`, generated from the format declarations:
 * the row, group and block labels and the column headers of both formats are the data the parser
 * reads, so the highlighting knows exactly the labels the checker knows. `npm run manifest` writes
 * it; test/lsp/grammar.test.ts checks the file matches and tokenizes the declared labels.
 */
import { formats } from '../server/src/core';

export const SCOPE = 'text.nianbao';

export const SCOPES = {
  title: 'markup.heading.title.nianbao',
  section: 'markup.heading.section.nianbao',
  sectionNumber: 'punctuation.definition.heading.nianbao',
  subsectionMarker: 'keyword.other.subsection.nianbao',
  subsectionTitle: 'markup.heading.subsection.nianbao',
  block: 'entity.name.type.block.nianbao',
  rowLabel: 'entity.name.tag.row-label.nianbao',
  column: 'entity.other.attribute-name.column.nianbao',
  number: 'constant.numeric.nianbao',
  unit: 'keyword.other.unit.nianbao',
  note: 'markup.italic.note.identity.nianbao',
  directive: 'comment.block.directive.nianbao',
  directiveKeyword: 'keyword.control.directive.nianbao',
  comment: 'comment.block.nianbao',
  artifact: 'invalid.deprecated.artifact.nianbao',
} as const;

const SPACE = '[ \\t\\x{3000}]';
/** Where a table cell starts: the line start, or after a tab or a pipe. */
const CELL_START = `(?:^|(?<=[\\t|]))${SPACE}*`;
const CELL_END = `(?=${SPACE}*(?:$|[\\t|]))`;

/** A declared label as a pattern that accepts the variants drafts write: full- or half-width brackets and stops, 、 for ., quotes or none. */
export function labelPattern(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === '（' || ch === '(') out += '[（(]';
    else if (ch === '）' || ch === ')') out += '[）)]';
    else if (ch === '.' || ch === '．' || ch === '、') out += `[.．、]${SPACE}*`;
    else if (ch === '“' || ch === '”' || ch === '"') out += '[“”"]?';
    else if (ch === '，' || ch === ',') out += '[，,]';
    else if (ch === '：' || ch === ':') out += '[：:]';
    else if (/[\\^$.*+?()[\]{}|/]/.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function alternation(labels: Iterable<string>): string {
  const unique = [...new Set(labels)].filter(Boolean);
  // Longest first: Oniguruma takes the first alternative that matches.
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return unique.map(labelPattern).join('|');
}

/** The labels of both formats, by kind. */
export function declaredLabels(): { rows: string[]; groups: string[]; blocks: string[]; columns: string[] } {
  const rows = new Set<string>();
  const groups = new Set<string>();
  const blocks = new Set<string>();
  const columns = new Set<string>();
  for (const f of formats()) {
    for (const list of Object.values(f.blocks)) {
      for (const b of list) {
        for (const r of b.rows) for (const l of r.labels) rows.add(l);
        for (const g of b.groups) for (const l of g.labels) groups.add(l);
        for (const h of b.heading) blocks.add(h);
        for (const c of b.columns) for (const h of c.header) columns.add(h);
        for (const h of b.header) columns.add(h);
        for (const g of b.groupedLayout ?? []) for (const l of g.labels) columns.add(l);
      }
    }
  }
  // A word that is a row label too (其他对外管理服务事项, 政府集中采购) reads as a row label.
  for (const l of [...rows, ...groups]) columns.delete(l);
  return { rows: [...rows], groups: [...groups], blocks: [...blocks], columns: [...columns] };
}

export function grammar() {
  const labels = declaredLabels();
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: '政府信息公开年报',
    scopeName: SCOPE,
    comment: 'Generated from the format declarations by `npm run manifest` (build/grammar.ts). Do not edit by hand.',
    patterns: [
      { include: '#directive' },
      { include: '#comment' },
      { include: '#artifact' },
      { include: '#note' },
      { include: '#title' },
      { include: '#row-label' },
      { include: '#section' },
      { include: '#block' },
      { include: '#subsection' },
      { include: '#column' },
      { include: '#number' },
    ],
    repository: {
      directive: {
        match: '(<!--)\\s*(nianbao-(?:disable-next-line|disable-line|disable-file|disable|enable))\\b(.*?)(-->)',
        name: SCOPES.directive,
        captures: {
          '1': { name: 'punctuation.definition.comment.nianbao' },
          '2': { name: SCOPES.directiveKeyword },
          '3': { name: 'variable.parameter.rules.nianbao' },
          '4': { name: 'punctuation.definition.comment.nianbao' },
        },
      },
      comment: { begin: '<!--', end: '-->', name: SCOPES.comment },
      artifact: {
        patterns: [
          { match: '\\[bookmark:[^\\]\\n]*\\]', name: SCOPES.artifact },
          { match: `^${SPACE}*(?:-${SPACE}*\\d{1,3}${SPACE}*-|—${SPACE}*\\d{1,3}${SPACE}*—)${SPACE}*$`, name: SCOPES.artifact },
        ],
      },
      note: { match: '[（(]本列数据的勾稽关系为[：:][^）)\\n]*[）)]', name: SCOPES.note },
      title: { match: `^${SPACE}*([^\\t|。<>]{0,60}?(?:工作年度报告|年度报告|年报))${SPACE}*$`, captures: { '1': { name: SCOPES.title } } },
      section: {
        match: `^${SPACE}*((?:[一二三四五六七八九十]{1,2}|[1-6１-６])${SPACE}*[、.．])${SPACE}*([^\\t|。]{1,40}?(?:情况|事项|概况|概述))${SPACE}*$`,
        name: SCOPES.section,
        captures: { '1': { name: SCOPES.sectionNumber } },
      },
      block: { match: `第二十条${SPACE}*第${SPACE}*[（(]?[一二三四五六七八九十]{1,2}[）)]?${SPACE}*项`, name: SCOPES.block },
      'row-label': { match: `${CELL_START}(${alternation([...labels.rows, ...labels.groups])})`, captures: { '1': { name: SCOPES.rowLabel } } },
      subsection: {
        match: `^${SPACE}*([（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}是)([^。；;：:\\t|]{1,30}(?=[。；;：:]))?`,
        captures: { '1': { name: SCOPES.subsectionMarker }, '2': { name: SCOPES.subsectionTitle } },
      },
      column: { match: `${CELL_START}(${alternation(labels.columns)})${CELL_END}`, captures: { '1': { name: SCOPES.column } } },
      number: {
        match: `(?<![A-Za-z_0-9０-９.．])((?:(?<=^|[\\s|])[+\\-＋－])?[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:${SPACE}*(万元|元))?`,
        captures: { '1': { name: SCOPES.number }, '2': { name: SCOPES.unit } },
      },
    },
  };
}
