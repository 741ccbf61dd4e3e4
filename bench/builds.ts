/**
 * Whole builds for the benchmark's table: this checkout's `server/out` (cli.js, server.js) and an
 * earlier commit's, built alike by that commit's own esbuild.mjs from a copy of its tree, so that
 * both run side by side in one benchmark run (the machine's speed drifts too much for figures
 * taken minutes apart to be compared).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './texts';

/**
 * The build before issue 18 (the one the CLI and server were tuned from): 98eac88, "Review: one
 * span type and one converter…", the commit issue 18's round forked from.
 */
export const BEFORE_ISSUE_18 = '98eac88fbdd12fe57a69665afa550bffa964ff89';

export interface Build {
  /** What it is, for the table: "98eac88" or "this checkout (abc1234)". */
  label: string;
  cli: string;
  server: string;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** This checkout, built now (by the caller: `node esbuild.mjs`). */
export function currentBuild(): Build {
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'server/src') !== '';
  return {
    label: `${head}${dirty ? '+changes' : ''}`,
    cli: join(ROOT, 'server', 'out', 'cli.js'),
    server: join(ROOT, 'server', 'out', 'server.js'),
  };
}

/** REF's build, from a copy of its tree (kept under the temporary directory, by commit, for later runs). */
export function refBuild(ref: string): Build {
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`bench: ${ref} is no commit of this repository`);
  }
  // Built as it ships (`--production`: minified, no source maps), as this checkout is for the table.
  const dir = join(tmpdir(), `nianbao-bench-build-${commit}-production`);
  const done = join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'server/src', 'esbuild.mjs', 'package.json', 'tsconfig.json'], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    // node_modules is the current checkout's (the dependencies of an earlier commit may differ: a failure says so).
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    try {
      execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`bench: cannot build ${ref} (${commit}): ${String((e as { stderr?: Buffer }).stderr ?? e).split('\n')[0]}`);
    }
    writeFileSync(done, '');
  }
  return { label: commit.slice(0, 7), cli: join(dir, 'server', 'out', 'cli.js'), server: join(dir, 'server', 'out', 'server.js') };
}
