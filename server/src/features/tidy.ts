/**
 * 重排为标准格式 (Tidy into the standard layout): the whole document replaced, in one edit, by the
 * core's `tidy` of its text — headings on their own lines, tables read with certainty one row per
 * line with tabs, the rest as written. A source action: computed when the client asks for source
 * actions (the Source Action menu, `editor.codeActionsOnSave`), offered only when it changes the text.
 */
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import { type Locale, localize, msg, type TidyResult, tidy } from '../core';
import type { Analysis } from '../service/analysis';
import { type EditOptions, workspaceEdit } from './convert';

export const TIDY_KIND = `${CodeActionKind.Source}.nianbao.tidy`;

export const TIDY_TITLE = msg('重排为标准格式', 'Tidy into the standard layout');

/** One tidy per analysed version (the text is read again: an analysis from a worker carries plain data). */
const done = new WeakMap<Analysis, TidyResult>();

export function tidied(a: Analysis): TidyResult {
  let r = done.get(a);
  if (!r) {
    r = tidy(a.text, { format: a.config.format, config: a.config });
    done.set(a, r);
  }
  return r;
}

/** The action, or null when the document is not a report or is already tidy. */
export function tidyAction(a: Analysis, locale: Locale, options: EditOptions = {}): CodeAction | null {
  if (!a.isReport) return null;
  const r = tidied(a);
  if (!r.changed) return null;
  return {
    title: localize(TIDY_TITLE, locale),
    kind: TIDY_KIND,
    edit: workspaceEdit(a, [{ range: [0, a.text.length], text: r.text }], options),
  };
}
