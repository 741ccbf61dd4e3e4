// One build for the three entry points: the VS Code client, the language server and the CLI.
// `node esbuild.mjs` builds once; `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
  // pdfjs-dist, in its own bundle: loaded in a worker thread only when a PDF is read.
  { entryPoints: ['server/src/readers/pdf-worker.ts'], outfile: 'server/out/pdf-worker.js' },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) {
    const ctx = await esbuild.context({ ...common, ...e });
    await ctx.watch();
  }
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  if (existsSync('server/out/cli.js')) chmodSync('server/out/cli.js', 0o755);
}
// pdfjs's character maps (Chinese fonts need them) and standard fonts, beside its bundle.
for (const d of ['cmaps', 'standard_fonts']) cpSync(`node_modules/pdfjs-dist/${d}`, `server/out/pdfjs/${d}`, { recursive: true });
