/**
 * `nianbao`: the command-line checker, for CI and for auditors checking many reports.
 *
 *   nianbao check [--format text|json|sarif|csv|html|junit] [--fix] [--config FILE] [--locale zh|en]
 *                 [--jobs N] [--summary] [--no-progress] [--previous LAST] PATH...
 *   nianbao show [--format text|json] [--locale zh|en] [--config FILE] PATH...
 *   nianbao tidy [--write] [--config FILE] [--locale zh|en] PATH...
 *   nianbao import FILE [-o OUT.txt] [--force]
 *   nianbao rules
 *   nianbao new --year YEAR [--body NAME]
 *
 * Exit status: 0 no error findings, 1 findings at error severity, 2 usage or I/O failure (`show`:
 * 0 or 2; `tidy`, `import`: 0 done, 2 usage or I/O failure, or an existing file not overwritten). From 400 files on (cli/pool.ts), files are checked on worker threads (this same script); results are reported in input order.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  ConfigError,
  type CrossYear,
  firstFormatYear,
  formatForYear,
  parseConfig,
  renderShown,
  reportTemplate,
  RULES,
  showReport,
  type Config,
  type Locale,
} from './core';
import { parseArgs, USAGE, UsageError, type Options } from './cli/args';
import { checkOne, finish, readAndCheck, type Configs, type Result } from './cli/outcome';
import { type Batch, Pool, runPass, usesWorkers } from './cli/pool';
import { runImport, runTidy } from './cli/tidy';
import { displayPath, Summary, writerFor } from './cli/output';
import { indexOne, indexReportsOn } from './cli/index-pass';
import { markIn } from './cli/html';
import { ConfigLookup, resolvePairs } from './host/config';
import { findReportFiles, type FileError } from './host/files';
import { ioMessage } from './host/read';
import { VERSION } from './version';

export interface Io {
  out: (s: string) => Promise<void>;
  err: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

interface WorkerInput {
  role: 'nianbao-check';
  config: Config | null;
  fix: boolean;
  format: Options['format'];
  locale: Locale;
}

/** What stderr says about how a file was read: an encoding other than UTF-8; fixes not written into a document. */
export function readNote(display: string, encoding: string | undefined, notFixed: boolean | undefined): string {
  let note = '';
  if (encoding && encoding !== 'utf-8') {
    const name = encoding.toUpperCase();
    note += `${display}: 注意：按 ${name} 编码读取 / note: read as ${name}\n`;
  }
  if (notFixed)
    note += `${display}: 未修复：只修复 UTF-8 文本文件，不改写 .docx、网页或其他编码的文件 / not fixed: only UTF-8 text files are written, never a .docx, a web page or another encoding\n`;
  return note;
}

function progressBar(done: number, total: number, bytes: number, started: number, locale: Locale): string {
  const width = 28;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const secs = (Date.now() - started) / 1000;
  const rate = secs > 0 ? (bytes / 1048576 / secs).toFixed(1) : '0.0';
  const label = locale === 'zh' ? `${done}/${total} 个文件 ${rate} MB/s` : `${done}/${total} files ${rate} MB/s`;
  return `\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${label}`;
}

/** The config named with `--config` (null without it), or false when it cannot be read (said on stderr). */
function explicitConfig(o: Options, io: Io): Config | null | false {
  if (!o.config) return null;
  let text: string;
  try {
    text = readFileSync(o.config, 'utf8');
  } catch (e) {
    io.err(`nianbao: ${o.config}: ${ioMessage(e)}\n`);
    return false;
  }
  return resolvePairs(parseConfig(text, o.config), dirname(resolve(o.config)));
}

/** The report files under the paths; the paths that cannot be read are said on stderr and counted. */
function reportFiles(o: Options, io: Io): { files: string[]; errors: number } {
  const errors: FileError[] = [];
  const files = findReportFiles(o.paths, { errors });
  if (!files.length && !errors.length)
    errors.push({ file: o.paths.join(' '), message: '没有找到 .txt、.md、.docx 或 .html 文件 / no .txt, .md, .docx or .html files found' });
  for (const e of errors) io.err(`${displayPath(e.file)}: ${e.message}\n`);
  return { files, errors: errors.length };
}

/**
 * `nianbao show`: each report as read, file by file (a grid of text, or one JSON array of the
 * versioned shape), written as it is read so memory does not grow with the number of files.
 */
async function runShow(o: Options, io: Io): Promise<number> {
  const explicit = explicitConfig(o, io);
  if (explicit === false) return 2;
  const { files, errors } = reportFiles(o, io);
  const configs: Configs = { explicit, lookup: new ConfigLookup() };
  const json = o.format === 'json';
  let failed = errors > 0;
  let first = true;
  if (json) await io.out('[');
  for (const file of files) {
    const display = displayPath(file);
    const r = readAndCheck(file, configs);
    if (r.fatal !== undefined) {
      if (json) await io.out('\n]\n');
      io.err(`nianbao: ${r.fatal}\n`);
      return 2;
    }
    if (r.error !== undefined) {
      failed = true;
      io.err(`${display}: ${r.error}\n`);
      continue;
    }
    const shown = showReport(r.result, display, o.locale);
    const note = readNote(display, r.read.encoding, false);
    if (note) io.err(note);
    // The encoding after the file's name (the versioned shape gains a field; none is renamed).
    const { version, file: shownFile, ...rest } = shown;
    const withEncoding = { version, file: shownFile, encoding: r.read.encoding, ...rest };
    const piece = json
      ? `${first ? '\n' : ',\n'}  ${JSON.stringify(withEncoding, null, 2).replaceAll('\n', '\n  ')}`
      : (first ? '' : '\n') + renderShown(shown, r.result.report, o.locale);
    first = false;
    await io.out(piece);
  }
  if (json) await io.out('\n]\n');
  return failed ? 2 : 0;
}

async function runCheck(o: Options, io: Io): Promise<number> {
  const explicit = explicitConfig(o, io);
  if (explicit === false) return 2;
  const { files, errors } = reportFiles(o, io);

  const configs: Configs = { explicit, lookup: new ConfigLookup() };
  const input: WorkerInput = { role: 'nianbao-check', config: explicit, fix: o.fix, format: o.format, locale: o.locale };
  const started = Date.now();
  // Workers only where they pay for their start (NIANBAO_WORKERS_FROM moves the threshold: tests, bench); one pool for both passes.
  const from = Number(io.env.NIANBAO_WORKERS_FROM) || undefined;
  const pool = usesWorkers(files.length, o.jobs, from) ? new Pool(__filename, Math.min(o.jobs, files.length), input) : null;
  try {
    return await checkFiles(o, io, files, errors, configs, pool, started);
  } finally {
    await pool?.close();
  }
}

async function checkFiles(o: Options, io: Io, files: string[], errors: number, configs: Configs, pool: Pool | null, started: number): Promise<number> {
  const writer = writerFor(o.format, o.locale, o.fix);
  const summary = new Summary();
  // The index pass: every input's compact extract, paired by body and year (nothing to pair for one file alone).
  const { crossyear } = files.length > 1 || o.previous ? await indexReportsOn(pool, files, configs, o.previous) : { crossyear: new Map<string, CrossYear>() };
  const pairedWith = (i: number) => crossyear.get(resolve(files[i]!));
  if (o.previous && files.length === 1 && !crossyear.get(resolve(files[0]!))?.previous)
    io.err(`${displayPath(o.previous)}: 无法读取或不像年度报告，未与之对照 / cannot be read or is not a report: not compared\n`);
  let anyError = false;
  let failed = errors > 0;
  let fixedTotal = 0;
  let first = true;
  let lastBar = 0;
  let pending = '';
  await io.out(writer.begin());
  const check = (i: number, f: string) => finish(checkOne(i, f, configs, o.fix, pairedWith(i), markIn(o.format, o.locale), o.format === 'sarif'), writer);
  for await (const r of runPass<Result>(pool, 'check', files, check, pairedWith)) {
    if (r.fatal || r.error) {
      // What came before a message is written before it.
      await io.out(pending);
      pending = '';
    }
    if (r.fatal) {
      if (o.progress) io.err('\r\x1b[K');
      io.err(`nianbao: ${r.fatal}\n`);
      return 2;
    }
    summary.add(r);
    if (r.error) {
      failed = true;
      if (o.progress) io.err('\r\x1b[K');
      io.err(`${r.display}: ${r.error}\n`);
      if (writer.unreadable) pending += writer.unreadable(r);
    } else {
      const note = readNote(r.display, r.encoding, r.notFixed);
      if (note) {
        await io.out(pending);
        pending = '';
        if (o.progress) io.err('\r\x1b[K');
        io.err(note);
      }
      fixedTotal += r.fixed ?? 0;
      if (Object.values(r.tally ?? {}).some((c) => c[0] > 0)) anyError = true;
      pending += writer.place(r.rendered!, first);
      first = false;
      // Written in pieces of 32,768 characters or more: one write per file costs more than its output.
      if (pending.length >= 32768) {
        if (o.progress) io.err('\r\x1b[K');
        await io.out(pending);
        pending = '';
      }
    }
    if (o.progress && (Date.now() - lastBar > 100 || r.index === files.length - 1)) {
      lastBar = Date.now();
      io.err(progressBar(r.index + 1, files.length, summary.bytes, started, o.locale));
    }
  }
  if (o.progress) io.err('\r\x1b[K');
  await io.out(pending + writer.end(summary));
  if (o.summary) await (o.format === 'text' ? io.out : async (s: string) => io.err(s))(summary.render(o.locale));
  const t = summary.totals();
  const secs = Math.max(0.001, (Date.now() - started) / 1000);
  const zh = `检查了 ${summary.files} 个文件（${(summary.bytes / 1048576).toFixed(1)} MB，${secs.toFixed(1)} 秒）：${t.error} 个错误，${t.warning} 个警告，${t.info + t.hint} 个提示${o.fix ? `；已修复 ${fixedTotal} 处` : ''}${summary.tablesNotChecked ? `；${summary.tablesNotChecked} 张表识别不确定、未核对` : ''}${summary.failed ? `；${summary.failed} 个文件无法检查` : ''}`;
  const en = `${summary.files} file(s) checked (${(summary.bytes / 1048576).toFixed(1)} MB, ${secs.toFixed(1)} s): ${t.error} error(s), ${t.warning} warning(s), ${t.info + t.hint} note(s)${o.fix ? `; ${fixedTotal} fixed` : ''}${summary.tablesNotChecked ? `; ${summary.tablesNotChecked} table(s) read with uncertainty, not checked` : ''}${summary.failed ? `; ${summary.failed} file(s) could not be checked` : ''}`;
  io.err(`${o.locale === 'zh' ? zh : en}\n`);
  if (failed) return 2;
  return anyError ? 1 : 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      await io.out(`${USAGE}\n`);
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      await io.out(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'rules') {
      await io.out(RULES.map((r) => `${r.id.padEnd(20)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix' : '   '} ${r.name.zh} / ${r.name.en}\n`).join(''));
      return 0;
    }
    if (cmd === 'new') {
      let year = new Date().getFullYear() - 1;
      let body = '（机关名称）';
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '--year') year = Number(rest[++i]);
        else if (rest[i] === '--body') body = rest[++i] ?? body;
        else throw new UsageError(`未知参数 / unknown argument: ${rest[i]}`);
      }
      if (!Number.isInteger(year) || formatForYear(year) === null || year > 2100)
        throw new UsageError(`--year 应为 ${firstFormatYear()} 及以后的年份 / must be a year from ${firstFormatYear()} on`);
      await io.out(reportTemplate(year, body));
      return 0;
    }
    if (cmd === 'show') return await runShow(parseArgs(rest, io.env, io.isTTY, 'show'), io);
    if (cmd === 'tidy') return await runTidy(rest, io);
    if (cmd === 'import') return await runImport(rest, io);
    // `nianbao PATH…` is short for `nianbao check PATH…`.
    const args = cmd === 'check' ? rest : argv;
    return await runCheck(parseArgs(args, io.env, io.isTTY), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`nianbao: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.err(`nianbao: ${e.message}\n`);
      return 2;
    }
    io.err(`nianbao: 内部错误 / internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

/** Writes to stdout, waiting when the pipe is full (so a slow reader does not make memory grow). */
function stdoutWriter(s: string): Promise<void> {
  if (!s) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(s, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else process.stdout.once('drain', resolve);
  });
}

function workerLoop(): void {
  const input = workerData as WorkerInput;
  const configs: Configs = { explicit: input.config, lookup: new ConfigLookup() };
  const writer = writerFor(input.format, input.locale, input.fix);
  parentPort!.on('message', (batch: Batch) => {
    const out: unknown[] = [];
    for (const { index, file, extra } of batch.files) {
      try {
        if (batch.kind === 'index') out.push(indexOne(index, file, configs, extra === true));
        else
          out.push(
            finish(
              checkOne(index, file, configs, input.fix, extra as CrossYear | undefined, markIn(input.format, input.locale), input.format === 'sarif'),
              writer,
            ),
          );
      } catch (e) {
        // A file the index cannot read is not indexed; the check says why.
        out.push(
          batch.kind === 'index'
            ? { index, file }
            : { index, file, display: displayPath(file), bytes: 0, error: `内部错误 / internal error: ${(e as Error).message}` },
        );
      }
    }
    parentPort!.postMessage(out);
  });
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.role === 'nianbao-check') {
  workerLoop();
} else if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A closed pipe (| head) ends the output, not the program with a stack trace.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), { out: stdoutWriter, err: (s) => void process.stderr.write(s), isTTY: !!process.stderr.isTTY, env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
