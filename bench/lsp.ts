/** The LSP part of the benchmark: filled in once the server exists (server/out/server.js). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './texts';

export async function lspBench(row: (name: string, value: string, target?: string, pass?: boolean | null) => void, _results: Record<string, unknown>): Promise<void> {
  if (!existsSync(join(ROOT, 'server', 'out', 'server.js'))) {
    row('lsp', 'server not built: skipped');
    return;
  }
  row('lsp', 'not measured yet');
}
