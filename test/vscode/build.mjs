// Bundles the VS Code test suite to test/vscode/out: the launcher (runTest.js) and the suite that
// runs inside the editor (suite/index.js). `vscode` and `mocha` stay external.
import * as esbuild from 'esbuild';

const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', sourcemap: true, external: ['vscode', 'mocha'], logLevel: 'warning' };
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['test/vscode/runTest.ts'], outfile: 'test/vscode/out/runTest.js', external: ['@vscode/test-electron'] }),
  esbuild.build({ ...common, entryPoints: ['test/vscode/suite/index.ts'], outfile: 'test/vscode/out/suite/index.js' }),
]);
