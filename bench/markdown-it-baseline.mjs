#!/usr/bin/env node
/**
 * The baseline the CLI is measured against (`npm run bench`): markdown-it parsing the same files in
 * one process, as `nianbao check` checks them: find the files under the paths, read each, decode it
 * as UTF-8 and parse it; one line of totals at the end. Run by node as it is, like the bundled CLI:
 *
 *   node bench/markdown-it-baseline.mjs PATH...
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

function walk(path, out) {
  if (!statSync(path).isDirectory()) {
    out.push(path);
    return;
  }
  for (const name of readdirSync(path).sort()) walk(join(path, name), out);
}

const files = [];
for (const p of process.argv.slice(2)) walk(p, files);
if (!files.length) {
  process.stderr.write('usage: node bench/markdown-it-baseline.mjs PATH...\n');
  process.exit(2);
}
const md = new MarkdownIt();
let bytes = 0;
let tokens = 0;
for (const f of files) {
  const buf = readFileSync(f);
  bytes += buf.length;
  tokens += md.parse(buf.toString('utf8'), {}).length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, tokens })}\n`);
