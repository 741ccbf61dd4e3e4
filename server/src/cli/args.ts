/** The command line's words → options, or a UsageError that says what is wrong. */
import { availableParallelism } from 'node:os';
import { localeFrom, type Locale } from '../core';
import { WORKERS_FROM } from './pool';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'csv' | 'html' | 'junit';

/** The subcommands that take paths: `check` finds problems, `show` prints the report as read. */
export type Command = 'check' | 'show';

export interface Options {
  format: OutputFormat;
  fix: boolean;
  config: string | null;
  locale: Locale;
  jobs: number;
  summary: boolean;
  /** Progress bar: on a terminal, not in CI, unless --no-progress. */
  progress: boolean;
  paths: string[];
  /** `--previous LAST`: last year's report, paired by hand with the one file checked. */
  previous: string | null;
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  nianbao check [选项 options] PATH...
      --format text|json|sarif|csv|html|junit
                                     输出格式 / output format (default text)；html：供审核人员在浏览器中阅读的单页报告
                                     （汇总在前，有错误的报告附带标红的表格）/ one page for auditors, to open in a
                                     browser (summary on top, marked tables of the reports with errors)；junit：每个文件一个测试用例
                                     / one test case per file, errors fail it
      --fix                          应用可安全自动修复的修改 / apply the safe fixes
      --config FILE                  配置文件 / config file (default: nearest .nianbaorc.json)
      --locale zh|en                 消息语言 / message language (default zh)
      --jobs N                       并行检查的线程数（${WORKERS_FROM} 个文件起；默认为 CPU 核数减一）/ worker threads, from ${WORKERS_FROM} files on (default: CPU count − 1)
      --previous LAST                与上一年度报告 LAST 对照（此时只检查一个文件）/ check the one file beside last year's report LAST
      --summary                      汇总各规则计数和问题最多的文件 / per-rule counts and the worst files
      --no-progress                  不显示进度条 / no progress bar
  nianbao show [--format text|json] [--locale zh|en] [--config FILE] PATH...
                                     显示识别出的表格（行、列、单元格及识别把握）
                                     / print the tables as read: rows, columns, cells, confidence
  nianbao tidy [--write] PATH...     重排为标准格式：标题、章节标题各占一行；识别确定的表格每个表格行占一行，
                                     单元格以制表符分隔，空白单元格保持空白；识别不确定的表格保持原样。
                                     不加 --write 时输出到标准输出（仅限一个文件），加 --write 时就地改写
                                     / rewrite as clean text: headings on their own lines, tables read with certainty one
                                     row per line, tab-separated (blanks stay blank), uncertain tables as written;
                                     without --write: to stdout (one file only); --write: rewrite the files in place
  nianbao import FILE [-o OUT.txt] [--force]
                                     读取文件并整理，写入 OUT（默认：同名 .txt）；OUT 已存在时须加 --force
                                     / read FILE, tidy it, write OUT (default: FILE as .txt); --force to overwrite
  nianbao rules                      列出全部规则 / list the rules
  nianbao new --year YEAR [--body 机关名称]   输出报告模板 / print a report template
  nianbao --help | --version

PATH 可以是文件或目录（检查其中的 .txt、.md 文件）/ files or directories (.txt, .md inside).
退出码 / exit status: 0 无错误 no errors · 1 有错误级别的问题 error findings · 2 用法或读写失败 usage or I/O failure
（show、tidy、import 不判断问题，退出码为 0 或 2 / show, tidy and import judge nothing: 0 or 2）`;

/** Options of `check` only: `show` refuses them as unknown. */
const CHECK_ONLY = ['--previous', '--fix', '--summary', '--no-progress', '--progress', '--jobs', '-j'];

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv, isTTY: boolean, command: Command = 'check'): Options {
  const o: Options = {
    format: 'text',
    fix: false,
    config: null,
    locale: localeFrom(env.NIANBAO_LOCALE || 'zh'),
    // One core left to the main thread's writing and V8's own threads (garbage collection, compiling):
    // measured on two cores, one thread checks 2,000 reports faster than two workers (README "Performance").
    jobs: Math.max(1, availableParallelism() - 1),
    summary: false,
    progress: isTTY && !env.CI,
    paths: [],
    previous: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} 需要一个值 / needs a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (command === 'show' && CHECK_ONLY.some(is)) throw new UsageError(`show 不接受此选项 / show takes no ${a.split('=')[0]}`);
    if (a === '--fix') o.fix = true;
    else if (a === '--summary') o.summary = true;
    else if (a === '--no-progress') o.progress = false;
    else if (a === '--progress') o.progress = true;
    else if (is('--format')) {
      const v = value('--format');
      if (command === 'show' && v !== 'text' && v !== 'json') throw new UsageError(`show 的 --format 应为 text 或 json / must be text or json: ${v}`);
      if (v !== 'text' && v !== 'json' && v !== 'sarif' && v !== 'csv' && v !== 'html' && v !== 'junit')
        throw new UsageError(`--format 应为 text、json、sarif、csv、html 或 junit / must be text, json, sarif, csv, html or junit: ${v}`);
      o.format = v;
    } else if (is('--config')) o.config = value('--config');
    else if (is('--previous')) o.previous = value('--previous');
    else if (is('--locale')) o.locale = localeFrom(value('--locale'));
    else if (is('--jobs') || a === '-j') {
      const v = Number(value('--jobs'));
      if (!Number.isInteger(v) || v < 1 || v > 256) throw new UsageError('--jobs 应为 1 到 256 的整数 / must be a whole number from 1 to 256');
      o.jobs = v;
    } else if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else o.paths.push(a);
  }
  if (o.previous !== null && o.paths.length !== 1)
    throw new UsageError(
      '--previous 上年报告 之后应只给一个本年报告 / --previous LAST takes exactly one report of this year: nianbao check --previous LAST THIS',
    );
  if (!o.paths.length)
    throw new UsageError(
      command === 'show'
        ? '请指定要显示的文件或目录 / name the files or directories to show'
        : '请指定要检查的文件或目录 / name the files or directories to check',
    );
  return o;
}
