/** Folding ranges for the same tree as the outline: sections, subsections, tables, blocks, row groups. */
import type { FoldingRange } from 'vscode-languageserver';
import { outline, type OutlineNode } from '../core';
import type { Analysis } from '../service/analysis';
import { positionOf } from './convert';

export function foldingRanges(a: Analysis): FoldingRange[] {
  if (!a.isReport) return [];
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      const startLine = positionOf(a, n.range[0]).line;
      const endLine = positionOf(a, n.range[1]).line;
      const key = `${startLine}:${endLine}`;
      if (endLine > startLine && !seen.has(key)) {
        seen.add(key);
        out.push({ startLine, endLine });
      }
      walk(n.children);
    }
  };
  // Locale does not matter for folding: names are not used.
  walk(outline(a.result.report, 'zh'));
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
