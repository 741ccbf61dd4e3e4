import type { Msg } from './i18n';
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

/** An edit: replace [start, end) of the text with `text`. Offsets are 0-based UTF-16. */
export interface Edit {
  range: Range;
  text: string;
}

export interface Fix extends Edit {
  title: Msg;
  /** Further edits applied together with this one (e.g. a heading and its table). */
  more?: Edit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Msg;
  range: Range;
  /** The preferred fix: safe to apply without a look (fix-all, --fix, on save). */
  fix?: Fix;
  /** Other fixes, to be chosen by a person. */
  suggestions?: Fix[];
  /** Other places that explain the finding: in this text, or in another file (last year's report). */
  related?: Related[];
}

export interface Related {
  range: Range;
  message: Msg;
  /** Set when the place is in another file: its path, and the range's line and character there (0-based). */
  file?: string;
  start?: { line: number; character: number };
  end?: { line: number; character: number };
}
