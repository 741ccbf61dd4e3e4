import { FORMAT_2019 } from './f2019';
import { FORMAT_2021 } from './f2021';
import type { FormatDecl, FormatId } from './types';

export const FORMATS: Record<FormatId, FormatDecl> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };
export const FORMAT_IDS: FormatId[] = ['2019', '2021'];
/** Every format, oldest first: one array, so that caches keyed by it hold. */
export const ALL_FORMATS: FormatDecl[] = FORMAT_IDS.map((id) => FORMATS[id]);

/** The format a report for `year` must use, or null for a year before the 2019 format. */
export function formatForYear(year: number): FormatId | null {
  for (const id of [...FORMAT_IDS].reverse()) {
    const [from, to] = FORMATS[id].years;
    if (year >= from && (to === null || year <= to)) return id;
  }
  return null;
}

export * from './types';
export { SECTIONS, TABLES } from './common';
