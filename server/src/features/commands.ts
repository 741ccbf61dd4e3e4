/**
 * The commands the server executes (`workspace/executeCommand`), for any LSP client. The VS Code
 * client calls them from its own palette commands; in Neovim they are `:lua vim.lsp.buf.execute_command`.
 */
import { reportTemplate } from '../core';

export { COMMANDS, type WorkspaceSummary } from './protocol';

export const FIRST_TEMPLATE_YEAR = 2019;

/** A new report for a year (2019 on), or null for a year no format covers. */
export function templateText(year: unknown, body?: unknown): string | null {
  const y = typeof year === 'string' ? Number(year) : year;
  if (typeof y !== 'number' || !Number.isInteger(y) || y < FIRST_TEMPLATE_YEAR || y > 2100) return null;
  const name = typeof body === 'string' && body.trim() ? body.trim() : undefined;
  return name ? reportTemplate(y, name) : reportTemplate(y);
}
