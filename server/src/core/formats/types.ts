import type { Msg } from '../i18n';

/**
 * A format's id ("2019", "2021"): any id the registry (registry.ts) holds. The formats are the
 * declarations registered there, so the type is a string, checked against the registry where a
 * value comes from outside (settings, config files, the CLI).
 */
export type FormatId = string;

export type SectionId = 'overview' | 'active' | 'requests' | 'review' | 'problems' | 'other';

export interface SectionDecl {
  id: SectionId;
  /** 1–6: the position the format gives it. */
  number: number;
  /** Canonical heading, with its number: "一、总体情况". */
  canonical: string;
  name: Msg;
  /** Regular expressions (source text) that recognise the heading's wording, canonical or variant. */
  patterns: string[];
  /** Whole headings seen in published reports, recognised without a number too. */
  variants: string[];
}

/** A topic a format asks a section to cover, found by any of its words. */
export interface CoverDecl {
  topic: Msg;
  words: string[];
}

/** What a column holds. */
export type ColumnKind = 'count' | 'signed' | 'money';

export interface ColumnDecl {
  id: string;
  name: Msg;
  kind: ColumnKind;
  /** Header words that identify the column (used to tell the formats apart). */
  header: string[];
  /** money: a unit fixed by the header (万元), or `required` when the cell must carry its own. */
  unit?: { fixed: string } | { required: true };
}

export interface RowDecl {
  id: string;
  name: Msg;
  /** Labels as written in the official table; the first is canonical. Matched without white space. */
  labels: string[];
  /** The group (row heading spanning several rows) this row belongs to. */
  group?: string;
}

export interface GroupDecl {
  id: string;
  name: Msg;
  labels: string[];
}

export interface CellRef {
  row: string;
  col: string;
}

export type SumRule = 'table.row-total' | 'table.result-total' | 'table.identity' | 'table.group-total';

/** An equation between cells of one block: Σ left = Σ right. */
export interface SumDecl {
  id: string;
  rule: SumRule;
  name: Msg;
  left: CellRef[];
  right: CellRef[];
  /** Where a finding about the sum stands when no single cell is to blame (the total). */
  anchor: CellRef;
}

/**
 * A block of a table: a 表二 article block (第二十条第（一）项), the whole 表三, or 表四.
 * Blocks of different formats that stand in the same place share a `slot`. A block belongs to
 * the formats whose declarations list it (the same object): `blockFormats` in registry.ts.
 */
export interface BlockDecl {
  id: string;
  slot: string;
  name: Msg;
  /** Headings that open the block (表二's article line); empty when the table has no block headings. */
  heading: string[];
  /** Header words that identify this block's variant. */
  header: string[];
  columns: ColumnDecl[];
  rows: RowDecl[];
  groups: GroupDecl[];
  sums: SumDecl[];
  /** A row with no label of its own (表四): its cells follow the last header word. */
  unlabelled?: boolean;
  /**
   * The same unlabelled row drafted as one row per group (表四 as three rows of five, headed
   * 行政复议 / 未经复议直接起诉 / 复议后起诉): each group's label and its columns, in order.
   */
  groupedLayout?: { labels: string[]; columns: string[] }[];
  /** Labels whose presence marks this variant (and no other). */
  markers: string[];
}

export type TableId = 'active' | 'requests' | 'review';

export interface TableDecl {
  id: TableId;
  section: SectionId;
  name: Msg;
  /** Words that announce the table (notes, header cells) when its first row is missing. */
  anchors: string[];
}

export interface FormatDecl {
  id: FormatId;
  name: Msg;
  /** The document that fixes the format. */
  source: string;
  /** Report years this format is for: [first, last] (last null = open). */
  years: [number, number | null];
  sections: SectionDecl[];
  tables: TableDecl[];
  /** Blocks per table, in order. */
  blocks: Record<TableId, BlockDecl[]>;
  /** What the format asks each section to cover (2021: 一's five topics, 六's 信息处理费). */
  covers?: Partial<Record<SectionId, CoverDecl[]>>;
}
