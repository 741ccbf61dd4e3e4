/**
 * `nianbao tidy` and `nianbao import`: a report rewritten as clean text (core `tidy`), printed,
 * written back in place, or — for a file of another kind the host reader turns into text — written
 * beside it as a new `.txt`, never over an existing file unless asked.
 *
 *   nianbao tidy [--write] [--config FILE] [--locale zh|en] PATH...
 *   nianbao import FILE [-o OUT.txt] [--force] [--config FILE] [--locale zh|en]
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type Config, type Locale, localeFrom, parseConfig, type TidyResult, tidyReport } from '../core';
import { ConfigLookup } from '../host/config';
import { findReportFiles, type FileError, writeAtomic } from '../host/files';
import { ioMessage } from '../host/read';
import { UsageError } from './args';
import { type Configs, readAndCheck } from './outcome';
import { displayPath } from './output';

export interface TidyIo {
  out: (s: string) => Promise<void>;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

interface TidyArgs {
  write: boolean;
  force: boolean;
  output: string | null;
  config: string | null;
  locale: Locale;
  paths: string[];
}

function parseTidyArgs(argv: string[], env: NodeJS.ProcessEnv, command: 'tidy' | 'import'): TidyArgs {
  const o: TidyArgs = { write: false, force: false, output: null, config: null, locale: localeFrom(env.NIANBAO_LOCALE || 'zh'), paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1 && a.startsWith('--')) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} 需要一个值 / needs a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (command === 'tidy' && a === '--write') o.write = true;
    else if (command === 'import' && a === '--force') o.force = true;
    else if (command === 'import' && (a === '-o' || is('--output'))) o.output = value('-o');
    else if (is('--config')) o.config = value('--config');
    else if (is('--locale')) o.locale = localeFrom(value('--locale'));
    else if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`${command} 不接受此选项 / unknown option for ${command}: ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length)
    throw new UsageError(
      command === 'tidy' ? '请指定要整理的文件或目录 / name the files or directories to tidy' : '请指定要导入的文件 / name the file to import',
    );
  if (command === 'import' && o.paths.length > 1) throw new UsageError('import 一次导入一个文件 / import takes one file');
  return o;
}

/** The config named with `--config`, or null; a config that cannot be read is an error. */
function explicitConfig(file: string | null): Config | null {
  if (!file) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: ${ioMessage(e)}`);
  }
  return parseConfig(text, file);
}

/** What was done to a file, in a few words. */
function said(r: TidyResult, locale: Locale): string {
  const kept = r.tablesVerbatim;
  if (locale === 'en')
    return r.changed
      ? `tidied (${r.tablesTidied} table(s) in the standard layout${kept ? `, ${kept} kept as written` : ''})`
      : `already tidy${kept ? ` (${kept} table(s) kept as written)` : ''}`;
  return r.changed
    ? `已整理（${r.tablesTidied} 张表重排为标准格式${kept ? `，${kept} 张表保持原样` : ''}）`
    : `无需整理${kept ? `（${kept} 张表保持原样）` : ''}`;
}

/** The files `tidy --write` rewrites: plain text, as nianbao reads it. */
const TEXT_FILE = /\.(txt|md|nianbao)$/i;

type Tidied = { error: string; fatal?: boolean } | { text: string; result: TidyResult; encoding: string };

function tidyFile(file: string, configs: Configs): Tidied {
  const r = readAndCheck(file, configs);
  if (r.fatal !== undefined) return { error: r.fatal, fatal: true };
  if (r.error !== undefined) return { error: r.error };
  return { text: r.text, result: tidyReport(r.result.report, { format: r.config.format, config: r.config }), encoding: r.read.encoding };
}

/** `nianbao tidy`: one file to stdout, or files rewritten in place with `--write`. */
export async function runTidy(argv: string[], io: TidyIo): Promise<number> {
  const o = parseTidyArgs(argv, io.env, 'tidy');
  const configs: Configs = { explicit: explicitConfig(o.config), lookup: new ConfigLookup() };
  const errors: FileError[] = [];
  const files = findReportFiles(o.paths, { errors });
  for (const e of errors) io.err(`${displayPath(e.file)}: ${e.message}\n`);
  if (!files.length) {
    if (!errors.length) io.err(`nianbao: 没有找到 .txt 或 .md 文件 / no .txt or .md files found\n`);
    return 2;
  }
  if (!o.write && files.length > 1)
    throw new UsageError(`整理多个文件时请加 --write（就地改写）/ to tidy ${files.length} files, add --write (rewrites them in place)`);
  let failed = errors.length > 0;
  for (const file of files) {
    const display = displayPath(file);
    // A Word document or a web page is read as text: written back, it would be lost.
    if (o.write && !TEXT_FILE.test(file)) {
      io.err(
        `${display}: 不是纯文本文件，不能就地改写；请用 nianbao import 转为 .txt / not a plain text file, not rewritten: use nianbao import to make a .txt\n`,
      );
      failed = true;
      continue;
    }
    const t = tidyFile(file, configs);
    if ('error' in t) {
      io.err(`${t.fatal ? 'nianbao' : display}: ${t.error}\n`);
      if (t.fatal) return 2;
      failed = true;
      continue;
    }
    // Text in GB18030 or UTF-16 written back would change its encoding under its author's feet.
    if (o.write && t.encoding !== 'utf-8') {
      io.err(
        `${display}: 不是 UTF-8 编码的文本（${t.encoding}），不能就地改写；请用 nianbao import 转为 UTF-8 的 .txt / not UTF-8 text (${t.encoding}), not rewritten: use nianbao import\n`,
      );
      failed = true;
      continue;
    }
    if (!o.write) {
      await io.out(t.result.text);
      io.err(`${display}: ${said(t.result, o.locale)}\n`);
      continue;
    }
    if (t.result.changed) {
      try {
        writeAtomic(file, t.result.text);
      } catch (e) {
        io.err(`${display}: ${ioMessage(e)}\n`);
        failed = true;
        continue;
      }
    }
    await io.out(`${display}: ${said(t.result, o.locale)}\n`);
  }
  return failed ? 2 : 0;
}

/** `nianbao import`: read a file through the host reader, tidy it, write OUT (FILE with `.txt`), never over a file without `--force`. */
export async function runImport(argv: string[], io: TidyIo): Promise<number> {
  const o = parseTidyArgs(argv, io.env, 'import');
  const file = o.paths[0]!;
  const ext = extname(file);
  const out = o.output ?? (ext ? file.slice(0, -ext.length) : file) + '.txt';
  if (existsSync(out) && !o.force) {
    io.err(
      `nianbao: ${displayPath(out)} 已存在，未覆盖；要覆盖请加 --force，或用 -o 指定另一个文件 / already exists, not overwritten: add --force to overwrite it, or name another file with -o\n`,
    );
    return 2;
  }
  const configs: Configs = { explicit: explicitConfig(o.config), lookup: new ConfigLookup() };
  const t = tidyFile(file, configs);
  if ('error' in t) {
    io.err(`${t.fatal ? 'nianbao' : displayPath(file)}: ${t.error}\n`);
    return 2;
  }
  try {
    writeAtomic(out, t.result.text);
  } catch (e) {
    io.err(`${displayPath(out)}: ${ioMessage(e)}\n`);
    return 2;
  }
  const what = said(t.result, o.locale);
  await io.out(o.locale === 'en' ? `${displayPath(file)} → ${displayPath(out)}: ${what}\n` : `${displayPath(file)} → ${displayPath(out)}：${what}\n`);
  return 0;
}
