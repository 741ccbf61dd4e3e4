/**
 * The commands the server executes (`workspace/executeCommand`), for any LSP client. The VS Code
 * client calls them from its own palette commands; in Neovim they are `:lua vim.lsp.buf.execute_command`.
 */
import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { formatForYear, renderShown, reportTemplate, ruleById, ruleDocUrl, showReport } from '../core';
import type { Analysis } from '../service/analysis';
import { fixAllAction, recomputeAction, type ActionOptions } from './codeActions';
import { editCount } from './convert';
import { T, t, type Locale } from './locale';
import { COMMANDS, type TablesAsRead, type WorkspaceSummary } from './protocol';

export { COMMANDS, type TablesAsRead, type WorkspaceSummary } from './protocol';

/** A new report for a year some format covers (2019 on), or null. */
export function templateText(year: unknown, body?: unknown): string | null {
  const y = typeof year === 'string' ? Number(year) : year;
  if (typeof y !== 'number' || !Number.isInteger(y) || formatForYear(y) === null || y > 2100) return null;
  const name = typeof body === 'string' && body.trim() ? body.trim() : undefined;
  return name ? reportTemplate(y, name) : reportTemplate(y);
}

/** What the commands need of the server. */
export interface CommandContext {
  locale: Locale;
  actionOptions: ActionOptions;
  analysisOf(uri: string): Promise<Analysis | null>;
  /** `workspace/applyEdit`: whether the client applied it. */
  applyEdit(label: string, edit: WorkspaceEdit): Promise<boolean>;
  checkWorkspace(roots: string[]): Promise<WorkspaceSummary>;
  /** `window/showDocument` of an external page: whether the client showed it. */
  showExternal(url: string): Promise<boolean>;
}

export async function executeCommand(command: string, args: unknown[], ctx: CommandContext): Promise<unknown> {
  switch (command) {
    case COMMANDS.recomputeTotals:
    case COMMANDS.fixAll:
      return applyToDocument(command, args, ctx);
    case COMMANDS.template: {
      const text = templateText(args[0], args[1]);
      if (text === null) throw new ResponseError(ErrorCodes.InvalidParams, t(T.noTemplateYear, ctx.locale));
      return text;
    }
    case COMMANDS.checkWorkspace:
      return ctx.checkWorkspace(args.filter((x): x is string => typeof x === 'string'));
    case COMMANDS.showRuleDoc: {
      const rule = typeof args[0] === 'string' ? args[0] : '';
      if (!ruleById(rule)) throw new ResponseError(ErrorCodes.InvalidParams, `unknown rule: ${rule}`);
      return ctx.showExternal(ruleDocUrl(rule));
    }
    case COMMANDS.showTables:
      return tablesAsRead(documentUri(args), ctx);
    default:
      throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command: ${command}`);
  }
}

/** The document `args[0]` names: a uri, or `{ uri }`. */
function documentUri(args: unknown[]): string {
  const uri = typeof args[0] === 'string' ? args[0] : (args[0] as { uri?: string } | undefined)?.uri;
  if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, 'expected a document uri');
  return uri;
}

/** The tables of an open report as read, as the CLI's `show` prints them (a file by its path, else by its uri). */
export async function tablesAsRead(uri: string, ctx: Pick<CommandContext, 'analysisOf' | 'locale'>): Promise<TablesAsRead | null> {
  const a = await ctx.analysisOf(uri);
  if (!a?.isReport) return null;
  let file = uri;
  try {
    if (uri.startsWith('file:')) file = fileURLToPath(uri);
  } catch {
    // a file uri Node cannot map (another platform's): shown as the uri
  }
  const json = showReport(a.result, file, ctx.locale);
  return { uri, version: a.version, text: renderShown(json, a.result.report, ctx.locale), json };
}

/** Fix all, or recompute all totals, in the document `args[0]` (a uri, or `{ uri }`), through `workspace/applyEdit`. */
async function applyToDocument(command: string, args: unknown[], ctx: CommandContext): Promise<{ applied: boolean; edits: number }> {
  const uri = documentUri(args);
  const a = await ctx.analysisOf(uri);
  if (!a) return { applied: false, edits: 0 };
  const action = command === COMMANDS.fixAll ? fixAllAction(a, ctx.locale, ctx.actionOptions) : recomputeAction(a, ctx.locale, ctx.actionOptions);
  if (!action?.edit) return { applied: false, edits: 0 };
  const edits = editCount(action.edit);
  return { applied: await ctx.applyEdit(action.title, action.edit), edits };
}
