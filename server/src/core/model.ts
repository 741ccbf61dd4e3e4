/** The report model the parser builds and the rules read. All ranges are 0-based UTF-16 offsets [start, end). */
import type { BlockDecl, ColumnDecl, FormatId, GroupDecl, RowDecl, SectionDecl, TableDecl } from './formats/types';
import type { Lines } from './text';

export type Range = [number, number];

export interface Heading {
  /** The heading line's content (without leading white space and debris). */
  range: Range;
  text: string;
  /** The numeral as written ("一", "4"), and its value; null when the heading has none. */
  numeral: string | null;
  number: number | null;
  /** The range of the text after the numeral and its punctuation. */
  bodyRange: Range;
}

export interface Section {
  decl: SectionDecl;
  /** From the heading (or the first thing found in it) to the next section. */
  range: Range;
  /** Null when the heading is missing but the section's table was found. */
  heading: Heading | null;
  /** （一）（二）… or 一是/二是 subsections, for the outline. */
  subsections: { range: Range; title: string }[];
}

/** A duplicate or out-of-place heading: recognised as a section but not used as its start. */
export interface ExtraHeading {
  decl: SectionDecl;
  heading: Heading;
  /** Out of the declared order (else: a second heading of a section already found). */
  misplaced?: boolean;
}

export type CellState = 'ok' | 'blank' | 'missing' | 'invalid' | 'ambiguous';

/**
 * How sure the reader is: `certain` when the layout gives the cell unambiguously (separated
 * tokens, a regular grid), `uncertain` when it had to guess. Only certain cells are checked by the
 * sums, and only they get a computed number written into them.
 */
export type Confidence = 'certain' | 'uncertain';

/**
 * Why a row is uncertain: fewer cells than columns on a row's line (`short`), empty lines among a
 * one-cell-per-line row that may be blank cells (`gaps`), more numbers than columns (`extra`),
 * numbers run together that no reading explains (`merged`), or that several readings explain
 * alike (`readings`: the row's `readings` name them), or a label that stands apart from numbers
 * which cannot be told to be its own (`order`: a PDF's stream order), or digits run together with
 * more ways to cut them than the search's bounds allow trying (`bounds`).
 */
export type Unclear = 'short' | 'gaps' | 'extra' | 'merged' | 'readings' | 'order' | 'bounds';

export interface Cell {
  col: ColumnDecl;
  /** The cell's text (trimmed); for a blank cell, the white space between its separators (may be empty). */
  range: Range;
  raw: string;
  state: CellState;
  value: number | null;
  /** money cells: the unit written in the cell ("万元", "元"), or null. */
  unit: string | null;
  /** signed cells: the sign written ("+", "-") or null. */
  sign: string | null;
  /** Whether a blank cell sits between pipes (a fill should then be padded with spaces). */
  piped: boolean;
  confidence: Confidence;
  /** Whether the value was decided by the table's sums (a run of digits cut where they hold). */
  split: boolean;
}

export interface Row {
  decl: RowDecl;
  /** The label as found; for an unlabelled row, the span of its cells. */
  label: Range;
  cells: Cell[];
  /** Label to last cell. */
  range: Range;
  /** Set when the row's numbers run together and cannot be split into cells. */
  ambiguous: { range: Range; raw: string; reason: 'merged' | 'extra' } | null;
  confidence: Confidence;
  unclear: Unclear | null;
  /**
   * Numbers that ran together: the span from the label's end to the last digit, which a
   * suggestion rewrites whole (a fix never edits inside a run of digits); null otherwise.
   */
  run: Range | null;
  /** `unclear` is `readings`: the cells of each reading the sums leave open. */
  readings?: string[][];
}

export interface GroupLabel {
  decl: GroupDecl;
  range: Range;
}

export interface Block {
  decl: BlockDecl;
  range: Range;
  heading: Range | null;
  rows: Row[];
  groups: GroupLabel[];
  missingRows: RowDecl[];
  /** How sure the parser is that this is the declared variant: 'marked' by header words or rows, 'shape' by cell counts, 'assumed' otherwise. */
  evidence: 'marked' | 'shape' | 'assumed';
  /** Uncertain when any row is: such a block gets no arithmetic finding and no computed number. */
  confidence: Confidence;
}

export interface Table {
  decl: TableDecl;
  range: Range;
  blocks: Block[];
  /** Block slots of the report's format that were not found. */
  missingBlocks: BlockDecl[];
  /** Where the stretch of text the table was looked for in ends. */
  regionEnd: number;
  /** Uncertain when any block is. */
  confidence: Confidence;
}

export interface YearMention {
  range: Range;
  year: number;
  raw: string;
}

export interface Artifact {
  /** The whole line, including its line break, when `line` is true; else just the debris. */
  range: Range;
  line: boolean;
  kind: 'bookmark' | 'breadcrumb' | 'web' | 'page-number' | 'footer';
  text: string;
}

export interface Report {
  text: string;
  norm: string;
  lines: Lines;
  title: { range: Range; text: string; year: YearMention | null } | null;
  period: { range: Range; from: YearMention; to: YearMention } | null;
  /** A signing date after section 六: "2021年1月29日" (month and day as written, 1-based). */
  signed: { range: Range; year: number; month: number; day: number } | null;
  /** The format the tables are in, by their shape; `unknown` when no table told. */
  format: FormatId | 'unknown';
  /** The format the report's year calls for, or null. */
  formatByYear: FormatId | null;
  year: number | null;
  sections: Section[];
  extraHeadings: ExtraHeading[];
  tables: Table[];
  artifacts: Artifact[];
  /** Lines the parser skips (debris, directive comments). */
  ignoredLines: Set<number>;
  /** `<!-- nianbao-… -->` comments. */
  directives: { range: Range; body: string; line: number }[];
}
