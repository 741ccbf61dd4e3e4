/**
 * The core as it ships: bundled by esbuild as esbuild.mjs bundles the CLI and the server (tsx's own
 * transform wraps every function to keep its name, which the shipped code does not pay for). One
 * function, so that the A/B bench bundles an earlier commit's core exactly as the current one.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { check as checkFn } from '../server/src/core';

export type Check = typeof checkFn;

/** Bundles `root`'s server/src/core (or `entry`, a module's source resolved from `root`) into `outfile`. */
export async function bundleCore(root: string, outfile: string, entry?: string): Promise<void> {
  await build({
    ...(entry === undefined
      ? { entryPoints: [join(root, 'server', 'src', 'core', 'index.ts')] }
      : { stdin: { contents: entry, resolveDir: root, loader: 'ts' as const, sourcefile: 'entry.ts' } }),
    absWorkingDir: root,
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
}

/** Loads a bundle written by bundleCore (each file is its own module, with its own state). */
export function load<T = { check: Check }>(outfile: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as T;
}
