/** What the document worker (PDF and .doc) is asked and answers (plain data: it crosses a thread). */

/** A run of text as pdfjs places it: its baseline's left end (PDF units, origin bottom left), width and height. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A picture drawn on a page: its lower left corner, width and height. */
export interface PdfImage {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  images: PdfImage[];
}

export interface PdfRequest {
  /** A PDF (the default), or a Word 97-2003 .doc whose text is wanted. */
  kind?: 'pdf' | 'doc';
  bytes: Uint8Array;
  /** Whether to list each page's pictures (needs the page's drawing operations: slower). */
  images: boolean;
}

export type PdfResponse =
  | { pages: PdfPage[]; failure?: undefined; text?: undefined }
  | { text: string; failure?: undefined; pages?: undefined }
  | { failure: 'encrypted' | 'damaged' | 'timeout'; detail?: string; pages?: undefined; text?: undefined };
