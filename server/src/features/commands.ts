/**
 * The commands the server executes (`workspace/executeCommand`), for any LSP client. The VS Code
 * client calls them from its own palette commands; in Neovim they are `:lua vim.lsp.buf.execute_command`.
 */
import { reportTemplate } from '../core';
import { SHOW_RULE_DOC_COMMAND } from './codeActions';

export const COMMANDS = {
  /** [uri]: every total set to the sum of its parts (applied through `workspace/applyEdit`). */
  recomputeTotals: 'nianbao.server.recomputeTotals',
  /** [uri]: every preferred fix. */
  fixAll: 'nianbao.server.fixAll',
  /** [folderUri…]: check every report under the workspace folders (or the given ones); diagnostics are published per file. */
  checkWorkspace: 'nianbao.server.checkWorkspace',
  /** [year, body?]: the text of a new report in the year's format. */
  template: 'nianbao.server.template',
  /** [ruleId]: open the rule's documentation page (`window/showDocument`). */
  showRuleDoc: SHOW_RULE_DOC_COMMAND,
} as const;

export const FIRST_TEMPLATE_YEAR = 2019;

/** A new report for a year (2019 on), or null for a year no format covers. */
export function templateText(year: unknown, body?: unknown): string | null {
  const y = typeof year === 'string' ? Number(year) : year;
  if (typeof y !== 'number' || !Number.isInteger(y) || y < FIRST_TEMPLATE_YEAR || y > 2100) return null;
  const name = typeof body === 'string' && body.trim() ? body.trim() : undefined;
  return name ? reportTemplate(y, name) : reportTemplate(y);
}

export interface WorkspaceSummary {
  /** Files looked at. */
  files: number;
  /** Of them, reports (checked, diagnostics published). */
  reports: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
}
