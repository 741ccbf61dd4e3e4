/**
 * The report's outline as a tree of offset ranges: the title, the six sections, their （一）（二）…
 * subsections, each table, its blocks (表二's articles) and 表三's row groups. Document symbols and
 * folding ranges are both read off this one tree.
 */
import { localize, msg, type Locale } from './i18n';
import type { Block, Range, Report, Section, Table } from './model';

const missingHeading = (canonical: string) => msg(`${canonical}（缺少标题）`, `${canonical} (heading missing)`);

export type OutlineKind = 'title' | 'section' | 'subsection' | 'table' | 'block' | 'group';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  detail?: string;
  range: Range;
  /** What to select when the node is picked: the heading or label. */
  selection: Range;
  children: OutlineNode[];
}

/** End of [start, end) without the white space at its end. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function clampInto(node: OutlineNode, parent: Range): void {
  const s = Math.max(parent[0], Math.min(node.range[0], parent[1]));
  const e = Math.max(s, Math.min(node.range[1], parent[1]));
  node.range = [s, e];
  const ss = Math.max(s, Math.min(node.selection[0], e));
  node.selection = [ss, Math.max(ss, Math.min(node.selection[1], e))];
  for (const c of node.children) clampInto(c, node.range);
}

export function outline(report: Report, locale: Locale): OutlineNode[] {
  const text = report.text;
  const nodes: OutlineNode[] = [];
  if (report.title) {
    nodes.push({ kind: 'title', name: report.title.text, range: report.title.range, selection: report.title.range, children: [] });
  }
  for (const s of report.sections) nodes.push(sectionNode(report, s, locale));
  // Tables whose section the parser did not place (it always does today): keep them visible.
  for (const tb of report.tables) {
    if (!report.sections.some((s) => s.decl.id === tb.decl.section)) nodes.push(tableNode(report, tb, locale));
  }
  for (const n of nodes) n.range = [n.range[0], trimEnd(text, n.range[0], n.range[1])];
  for (const n of nodes) for (const c of n.children) clampInto(c, n.range);
  return nodes.sort((a, b) => a.range[0] - b.range[0]);
}

function sectionNode(report: Report, s: Section, locale: Locale): OutlineNode {
  const text = report.text;
  const end = trimEnd(text, s.range[0], s.range[1]);
  const heading = s.heading;
  const selection: Range = heading ? heading.range : [s.range[0], report.lines.end(report.lines.lineAt(s.range[0]))];
  const name = heading ? heading.text : localize(missingHeading(s.decl.canonical), locale);
  const canonical = s.decl.canonical;
  const node: OutlineNode = {
    kind: 'section',
    name,
    ...(heading && heading.text.replace(/\s+/g, '') !== canonical ? { detail: canonical } : {}),
    range: [s.range[0], end],
    selection,
    children: [],
  };
  const tables = report.tables.filter((tb) => tb.decl.section === s.decl.id || (tb.range[0] >= s.range[0] && tb.range[0] < s.range[1]));
  const starts = [...s.subsections.map((x) => x.range[0]), ...tables.map((tb) => tb.range[0])].sort((a, b) => a - b);
  for (const sub of s.subsections) {
    const next = starts.find((o) => o > sub.range[0]) ?? end;
    node.children.push({
      kind: 'subsection',
      name: sub.title,
      range: [sub.range[0], trimEnd(text, sub.range[0], Math.min(next, end))],
      selection: sub.range,
      children: [],
    });
  }
  for (const tb of tables) node.children.push(tableNode(report, tb, locale));
  node.children.sort((a, b) => a.range[0] - b.range[0]);
  return node;
}

function tableNode(report: Report, tb: Table, locale: Locale): OutlineNode {
  const range: Range = [tb.range[0], trimEnd(report.text, tb.range[0], tb.range[1])];
  const first = report.lines.end(report.lines.lineAt(tb.range[0]));
  const node: OutlineNode = {
    kind: 'table',
    name: localize(tb.decl.name, locale),
    ...(report.format !== 'unknown' ? { detail: locale === 'zh' ? `${report.format}年版格式` : `${report.format} format` } : {}),
    range,
    selection: [tb.range[0], Math.max(tb.range[0], Math.min(first, range[1]))],
    children: [],
  };
  const split = tb.blocks.length > 1 || tb.blocks.some((b) => b.heading);
  for (const b of tb.blocks) {
    if (split) node.children.push(blockNode(report, b, locale));
    else node.children.push(...groupNodes(report, b, locale));
  }
  return node;
}

function blockNode(report: Report, b: Block, locale: Locale): OutlineNode {
  const declName = localize(b.decl.name, locale);
  const name = (b.heading ? report.text.slice(b.heading[0], b.heading[1]).replace(/\s+/g, '') : '') || declName;
  return {
    kind: 'block',
    name,
    ...(name !== declName ? { detail: declName } : {}),
    range: [b.range[0], trimEnd(report.text, b.range[0], b.range[1])],
    selection: b.heading ?? [b.range[0], b.range[0]],
    children: groupNodes(report, b, locale),
  };
}

/** 表三's row groups (三、本年度办理结果 › （三）不予公开 …), nested by their spans. */
function groupNodes(report: Report, b: Block, locale: Locale): OutlineNode[] {
  const flat: OutlineNode[] = [];
  for (const g of b.groups) {
    let end = g.range[1];
    for (const r of b.rows) if (r.decl.group === g.decl.id && r.range[1] > end) end = r.range[1];
    const label = report.text.slice(g.range[0], g.range[1]).replace(/\s+/g, '');
    flat.push({
      kind: 'group',
      name: label || localize(g.decl.name, locale),
      range: [g.range[0], end],
      selection: g.range,
      children: [],
    });
  }
  flat.sort((a, b2) => a.range[0] - b2.range[0] || b2.range[1] - a.range[1]);
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const n of flat) {
    while (stack.length && !(n.range[0] >= stack[stack.length - 1]!.range[0] && n.range[1] <= stack[stack.length - 1]!.range[1])) stack.pop();
    if (stack.length) stack[stack.length - 1]!.children.push(n);
    else roots.push(n);
    stack.push(n);
  }
  return roots;
}
