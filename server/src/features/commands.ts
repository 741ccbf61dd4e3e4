/**
 * The commands the server executes (`workspace/executeCommand`), for any LSP client. The VS Code
 * client calls them from its own palette commands; in Neovim they are `:lua vim.lsp.buf.execute_command`.
 */
import { formatForYear, reportTemplate } from '../core';

export { COMMANDS, type WorkspaceSummary } from './protocol';

/** A new report for a year some format covers (2019 on), or null. */
export function templateText(year: unknown, body?: unknown): string | null {
  const y = typeof year === 'string' ? Number(year) : year;
  if (typeof y !== 'number' || !Number.isInteger(y) || formatForYear(y) === null || y > 2100) return null;
  const name = typeof body === 'string' && body.trim() ? body.trim() : undefined;
  return name ? reportTemplate(y, name) : reportTemplate(y);
}
