/**
 * What a reader makes of a document: the report's text, the tables where the source has them (rows
 * of cells), and a map from the text back to the source (a table's row and column, or an element).
 * Readers are adapters beside the core: they may use Node and their parsing libraries; the core
 * only ever sees the text.
 */

/** Where a piece of the text comes from: a table cell (1-based table, row and grid column), an element, or a PDF page's point (1-based page; x, y in PDF units from the top left). */
export type SourceLocation = { table: number; row: number; col: number } | { element: string } | { page: number; x: number; y: number };

/** One piece of the text and where it comes from; `at` is the source offset its first character came from, when known. */
export interface Segment {
  start: number;
  end: number;
  where: SourceLocation;
  at?: number;
}

/** A table as the source gives it: each row's cells that start in it (a merged cell once), with their grid columns. */
export interface GivenTable {
  rows: { col: number; text: string; range: [number, number] }[][];
}

export type DocumentKind = 'text' | 'docx' | 'html' | 'pdf' | 'doc';

export interface ReadDocument {
  kind: DocumentKind;
  /** The text to check (no byte order mark). */
  text: string;
  /** The encoding the bytes were decoded from: "utf-8", "utf-16le", "utf-16be", "gb18030". */
  encoding: string;
  /** The tables read from the document's structure (absent for plain text). */
  tables?: GivenTable[];
  /** Pieces of the text in order, with where each comes from (empty for plain text). */
  segments: Segment[];
  /** Tables drawn as pictures (PDF): where each landed in the text, and its page. */
  pictures?: { page: number; offset: number }[];
}

/** Why a document cannot be read, in both languages; `unsupported` when its type is not one nianbao reads. */
export interface ReadFailure {
  error: string;
  unsupported?: boolean;
}

export const isFailure = (r: ReadDocument | ReadFailure): r is ReadFailure => 'error' in r;
