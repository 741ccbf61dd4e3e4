/**
 * Code actions. Every nianbao diagnostic gets the same menu: its preferred fix (and the suggestions
 * for a person to choose), "fix all of this rule in this file", "disable this rule for this line"
 * and "more information". The source actions `source.fixAll.nianbao` (for
 * `editor.codeActionsOnSave`), `source.nianbao.recomputeTotals` and `source.nianbao.tidy` (tidy.ts)
 * work on the whole document.
 *
 * Fixes come from the diagnostic's data when it belongs to the document's current version; a
 * diagnostic of an older version is matched to the current analysis instead, never applied by its
 * stale offsets.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range as LspRange, type WorkspaceEdit } from 'vscode-languageserver';
import { applyFixes, recomputeTotals, ruleById, type Edit, type Finding, type Fix, type Locale } from '../core';
import type { Analysis } from '../service/analysis';
import { isDiagnosticData, positionOf, SOURCE, wireFix, workspaceEdit, type EditOptions, type WireFix } from './convert';
import { T, t } from './locale';
import { TIDY_KIND, tidyAction } from './tidy';
import { COMMANDS } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;
export const RECOMPUTE_KIND = `${CodeActionKind.Source}.nianbao.recomputeTotals`;
export const SHOW_RULE_DOC_COMMAND = COMMANDS.showRuleDoc;

export interface ActionOptions extends EditOptions {
  /** Offer "more information" (the client can open a URL through `window/showDocument`). */
  showDocument?: boolean;
}

export interface ActionParams {
  range: LspRange;
  context: Pick<CodeActionContext, 'diagnostics' | 'only'>;
}

/** The fixes of one diagnostic, in offsets of the analysed version. */
interface Resolved {
  rule: string;
  range: [number, number];
  fix?: WireFix;
  suggestions: WireFix[];
  diagnostic: Diagnostic;
}

export function codeActions(a: Analysis, params: ActionParams, locale: Locale, options: ActionOptions = {}): CodeAction[] {
  if (!a.isReport) return [];
  const only = params.context.only;
  const wants = (kind: string) => {
    if (!only?.length) return !kind.startsWith(CodeActionKind.Source);
    return only.some((o) => kind === o || kind.startsWith(`${o}.`));
  };
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const resolved = params.context.diagnostics.filter((d) => d.source === SOURCE).flatMap((d) => resolve(a, d, locale));
    // One wrong cell breaks several sums, each diagnostic offering the same fix: list it once, for all of them.
    const fixes = new Map<string, CodeAction>();
    const addFix = (fix: WireFix, d: Diagnostic, preferred: boolean) => {
      const key = JSON.stringify([fix.title, fix.range, fix.text, fix.more ?? []]);
      const same = fixes.get(key);
      if (!same) {
        const action = fixAction(a, fix, [d], options, preferred);
        fixes.set(key, action);
        actions.push(action);
        return;
      }
      if (!same.diagnostics!.includes(d)) same.diagnostics!.push(d);
      if (preferred) same.isPreferred = true;
    };
    for (const r of resolved) {
      if (r.fix) addFix(r.fix, r.diagnostic, true);
      for (const s of r.suggestions) addFix(s, r.diagnostic, false);
    }
    const rules = [...new Set(resolved.map((r) => r.rule))];
    for (const rule of rules) {
      const fixes = a.result.findings.filter((f) => f.rule === rule && f.fix).map((f) => f.fix!);
      if (fixes.length < 2) continue;
      const edit = editFor(a, fixes, options);
      if (!edit) continue;
      actions.push({
        title: t(T.fixAllOfRule(rule, fixes.length), locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: resolved.filter((r) => r.rule === rule).map((r) => r.diagnostic),
        edit,
      });
    }
    const lines = new Set<string>();
    for (const r of resolved) {
      const line = positionOf(a, r.range[0]).line;
      const key = `${r.rule}@${line}`;
      if (lines.has(key)) continue;
      lines.add(key);
      actions.push({
        title: t(T.disableLine(r.rule), locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [r.diagnostic],
        edit: workspaceEdit(a, [disableLineEdit(a, r.range[0], r.rule)], options),
      });
    }
    if (options.showDocument) {
      for (const rule of rules) {
        if (!ruleById(rule)) continue;
        actions.push({
          title: t(T.moreInfo(rule), locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: resolved.filter((r) => r.rule === rule).map((r) => r.diagnostic),
          command: { title: t(T.moreInfo(rule), locale), command: SHOW_RULE_DOC_COMMAND, arguments: [rule] },
        });
      }
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const action = fixAllAction(a, locale, options);
    if (action) actions.push(action);
  }
  if (wants(RECOMPUTE_KIND)) {
    const action = recomputeAction(a, locale, options);
    if (action) actions.push(action);
  }
  if (wants(TIDY_KIND)) {
    const action = tidyAction(a, locale, options);
    if (action) actions.push(action);
  }
  return actions;
}

/** `source.fixAll.nianbao`: every preferred fix at once (overlapping ones are left for the next save). */
export function fixAllAction(a: Analysis, locale: Locale, options: ActionOptions = {}): CodeAction | null {
  if (!a.isReport) return null;
  const fixes = a.result.findings.filter((f) => f.fix).map((f) => f.fix!);
  const edit = editFor(a, fixes, options);
  return edit ? { title: t(T.fixAll, locale), kind: FIX_ALL_KIND, edit } : null;
}

/** 重新计算全部合计: every total set to the sum of its parts. */
export function recomputeAction(a: Analysis, locale: Locale, options: ActionOptions = {}): CodeAction | null {
  if (!a.isReport) return null;
  const edit = editFor(a, recomputeTotals(a.result), options);
  return edit ? { title: t(T.recomputeTotals, locale), kind: RECOMPUTE_KIND, edit } : null;
}

/** The findings a diagnostic stands for, with their fixes in offsets of `a`'s version. */
function resolve(a: Analysis, d: Diagnostic, locale: Locale): Resolved[] {
  const rule = typeof d.code === 'string' ? d.code : null;
  if (!rule) return [];
  if (isDiagnosticData(d.data) && d.data.version === a.version) {
    return [{ rule, range: d.data.range, ...(d.data.fix ? { fix: d.data.fix } : {}), suggestions: d.data.suggestions ?? [], diagnostic: d }];
  }
  // A diagnostic of another version (or from a client that drops data): the current finding of the same rule at the same place.
  const found = a.result.findings.filter((f) => f.rule === rule && samePlace(a, f, d));
  return found.map((f) => ({
    rule,
    range: [f.range[0], f.range[1]] as [number, number],
    ...(f.fix ? { fix: wireFix(f.fix, locale) } : {}),
    suggestions: (f.suggestions ?? []).map((s) => wireFix(s, locale)),
    diagnostic: d,
  }));
}

function samePlace(a: Analysis, f: Finding, d: Diagnostic): boolean {
  const s = positionOf(a, f.range[0]);
  return s.line === d.range.start.line && s.character === d.range.start.character;
}

function fixAction(a: Analysis, fix: WireFix, diagnostics: Diagnostic[], options: ActionOptions, preferred: boolean): CodeAction {
  const edits: Edit[] = [{ range: fix.range, text: fix.text }, ...(fix.more ?? [])];
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: workspaceEdit(a, edits, options),
  };
  if (preferred) action.isPreferred = true;
  return action;
}

/** Many fixes as one edit: bottom to top, overlaps skipped, identical edits once (the core's `applyFixes`). */
export function editsFor(a: Analysis, fixes: Fix[]): Edit[] {
  if (!fixes.length) return [];
  const { applied } = applyFixes(a.text, fixes);
  const seen = new Set<string>();
  const edits: Edit[] = [];
  for (const f of applied) {
    for (const e of [{ range: f.range, text: f.text }, ...(f.more ?? [])]) {
      const key = `${e.range[0]}:${e.range[1]}:${e.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ range: e.range, text: e.text });
    }
  }
  return edits.filter((e) => a.text.slice(e.range[0], e.range[1]) !== e.text);
}

function editFor(a: Analysis, fixes: Fix[], options: ActionOptions): WorkspaceEdit | null {
  const edits = editsFor(a, fixes);
  return edits.length ? workspaceEdit(a, edits, options) : null;
}

const DIRECTIVE_AT_END = (kind: string) => new RegExp(`<!--\\s*nianbao-${kind}\\b([\\s\\S]*?)\\s*-->\\s*$`);

/**
 * ` <!-- nianbao-disable-line RULE -->` at the end of the line an offset is on, or the rule added to
 * the directive already there. A line with nothing else on it (a blank cell drafted one per line)
 * would become a directive-only line, which the parser skips, moving the cells below it up: there
 * the directive goes at the end of the line above, as `disable-next-line`.
 */
export function disableLineEdit(a: Analysis, offset: number, rule: string): Edit {
  const text = a.text;
  const [start, end] = lineAround(text, offset);
  const line = text.slice(start, end);
  if (line.trim() === '' && start > 0) {
    const [ps, pe] = lineAround(text, start - (text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1));
    const prev = text.slice(ps, pe);
    if (prev.trim() !== '' && !/<!--\s*nianbao-disable-line\b[\s\S]*-->\s*$/.test(prev)) return appendDirective(text, ps, pe, 'disable-next-line', rule);
  }
  return appendDirective(text, start, end, 'disable-line', rule);
}

function lineAround(text: string, offset: number): [number, number] {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [start, end];
}

function appendDirective(text: string, start: number, end: number, kind: 'disable-line' | 'disable-next-line', rule: string): Edit {
  const line = text.slice(start, end);
  const m = DIRECTIVE_AT_END(kind).exec(line);
  if (m && m[1]!.trim()) {
    const listEnd = start + m.index + m[0].indexOf('-->');
    const at = start + m.index + text.slice(start + m.index, listEnd).trimEnd().length;
    return { range: [at, at], text: `, ${rule}` };
  }
  const sep = line.trim() === '' ? '' : ' ';
  return { range: [end, end], text: `${sep}<!-- nianbao-${kind} ${rule} -->` };
}
