/**
 * Runs the editor tests in a real VS Code (`npm run test:vscode`): @vscode/test-electron downloads
 * VS Code, or uses the one `VSCODE_EXECUTABLE` points to. The workspace is a fresh copy of
 * examples/, so the tests can edit and save files.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'nianbao-vscode-'));
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const executable = process.env.VSCODE_EXECUTABLE;
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { NIANBAO_TEST_WORKSPACE: workspace },
    ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
