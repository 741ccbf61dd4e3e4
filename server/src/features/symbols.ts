/** The outline as hierarchical document symbols. */
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { outline, type Locale, type OutlineNode } from '../core';
import type { Analysis } from '../service/analysis';
import { rangeOf, symbolKindOf } from './convert';

function toSymbol(a: Analysis, n: OutlineNode): DocumentSymbol {
  const s: DocumentSymbol = {
    name: n.name || ' ',
    kind: symbolKindOf(n.kind),
    range: rangeOf(a, n.range),
    selectionRange: rangeOf(a, n.selection),
    children: n.children.map((c) => toSymbol(a, c)),
  };
  if (n.detail) s.detail = n.detail;
  return s;
}

/** Hierarchical symbols: the title, then the six sections with their subsections, tables, blocks and row groups. */
export function documentSymbols(a: Analysis, locale: Locale): DocumentSymbol[] {
  if (!a.isReport) return [];
  return outline(a.result.report, locale).map((n) => toSymbol(a, n));
}

/** For clients without hierarchical symbol support: the same tree, flattened with container names. */
export function symbolInformation(a: Analysis, locale: Locale): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (nodes: OutlineNode[], container?: string) => {
    for (const n of nodes) {
      const info: SymbolInformation = { name: n.name || ' ', kind: symbolKindOf(n.kind), location: { uri: a.uri, range: rangeOf(a, n.range) } };
      if (container) info.containerName = container;
      out.push(info);
      walk(n.children, n.name);
    }
  };
  if (a.isReport) walk(outline(a.result.report, locale));
  return out;
}
