/** What the rules across years share: this year's cells in the same shape as last year's extract, and a finding's related place. */
import { type Extract, type ExtractCell, extract } from '../crossyear/extract';
import type { Related } from '../finding';
import type { Msg } from '../i18n';
import type { Report } from '../model';

/** This year's extract, made once per report (both rules read it). */
const cache = new WeakMap<Report, Extract>();
export function thisYear(report: Report): Extract {
  let e = cache.get(report);
  if (!e) {
    e = extract(report);
    cache.set(report, e);
  }
  return e;
}

/** A cell both years' rules may rely on: read with certainty and holding a number. */
export function sure(c: ExtractCell | undefined): c is ExtractCell & { value: number } {
  return !!c && c.certain && c.value !== null;
}

/** The place in last year's file a finding points to. */
export function inFile(file: string, cell: ExtractCell, message: Msg): Related {
  return { range: cell.range, message, file, start: cell.start, end: cell.end };
}

/** A file's name for a message: the part after the last slash. */
export function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
