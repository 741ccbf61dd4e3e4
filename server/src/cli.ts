/**
 * `nianbao`: the command-line checker, for CI and for auditors checking many reports.
 *
 *   nianbao check [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en] PATH...
 *   nianbao rules
 *   nianbao new --year YEAR [--body NAME]
 *
 * Exit status: 0 no error findings, 1 findings at error severity, 2 usage or I/O failure.
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  applyFixes,
  check,
  ConfigError,
  CONFIG_FILE,
  defaultConfig,
  LineMap,
  localeFrom,
  localize,
  looksLikeReport,
  parseConfig,
  preferredFixes,
  reportTemplate,
  RULES,
  ruleDocUrl,
  type CheckResult,
  type Config,
  type Finding,
  type Locale,
} from './core';

const VERSION = '0.1.0';
const EXTENSIONS = ['.txt', '.md', '.markdown', '.nianbao'];

interface Options {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  config: string | null;
  locale: Locale;
  paths: string[];
}

class UsageError extends Error {}

const USAGE = `用法 / usage:
  nianbao check [--format text|json|sarif] [--fix] [--config FILE] [--locale zh|en] PATH...
  nianbao rules                      列出全部规则 / list the rules
  nianbao new --year YEAR [--body 机关名称]   输出报告模板 / print a report template
  nianbao --help | --version

PATH 可以是文件或目录（检查其中的 .txt、.md 文件）/ files or directories (.txt, .md inside).
退出码 / exit status: 0 无错误 no errors · 1 有错误级别的问题 error findings · 2 用法或读写失败 usage or I/O failure`;

function parseArgs(argv: string[]): Options {
  const o: Options = { format: 'text', fix: false, config: null, locale: localeFrom(process.env.NIANBAO_LOCALE ?? 'zh'), paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} 需要一个值 / needs a value`);
      return v;
    };
    if (a === '--fix') o.fix = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format 应为 text、json 或 sarif / must be text, json or sarif: ${v}`);
      o.format = v;
    } else if (a === '--config' || a.startsWith('--config=')) o.config = value('--config');
    else if (a === '--locale' || a.startsWith('--locale=')) o.locale = localeFrom(value('--locale'));
    else if (a === '--') o.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else o.paths.push(a);
  }
  if (!o.paths.length) throw new UsageError('请指定要检查的文件或目录 / name the files or directories to check');
  return o;
}

/** Files to check under the given paths, in a stable order. */
function collectFiles(paths: string[], errors: FileError[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ file: dir, message: ioMessage(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) && !/\.(errors|notes)\.md$/.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ file: p, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

interface FileError {
  file: string;
  message: string;
}

function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件或目录不存在 / no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限 / permission denied';
  if (code === 'EISDIR') return '是目录 / is a directory';
  return `无法读取 / cannot read (${code ?? (e as Error).message})`;
}

const MAX_BYTES = 64 * 1024 * 1024;

/** Reads a report as UTF-8 text, or says plainly why it cannot. */
export function readReport(file: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (st.size > MAX_BYTES) return { error: `文件过大（${Math.round(st.size / 1048576)} MB，上限 64 MB）/ file too large` };
    buf = readFileSync(file);
  } catch (e) {
    return { error: ioMessage(e) };
  }
  if (buf.length === 0) return { error: '文件为空 / the file is empty' };
  if (buf.includes(0)) return { error: '不是文本文件（含二进制内容）/ not a text file (binary content)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { error: '不是 UTF-8 编码的文本（可能是 GBK），请另存为 UTF-8 / not UTF-8 text (GBK?): save it as UTF-8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { error: '文件只有空白 / the file holds only white space' };
  return { text };
}

/** Config per directory: the nearest .nianbaorc.json above a file, unless --config names one. */
class ConfigFinder {
  private cache = new Map<string, Config>();
  constructor(private readonly explicit: Config | null) {}
  for(file: string): Config {
    if (this.explicit) return this.explicit;
    return this.dir(dirname(resolve(file)));
  }
  private dir(d: string): Config {
    const hit = this.cache.get(d);
    if (hit) return hit;
    let config: Config;
    const p = join(d, CONFIG_FILE);
    let text: string | null = null;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      text = null;
    }
    if (text !== null) config = parseConfig(text, p);
    else {
      const parent = dirname(d);
      config = parent === d ? defaultConfig() : this.dir(parent);
    }
    this.cache.set(d, config);
    return config;
  }
}

interface FileResult {
  file: string;
  text: string;
  result: CheckResult;
  fixed: number;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.nianbao-${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing left behind */
    }
    throw e;
  }
}

function checkFile(file: string, text: string, config: Config, fix: boolean): FileResult {
  let result = check(text, { config });
  let fixed = 0;
  if (fix) {
    let current = text;
    // Fixes can make further fixes possible (a filled blank lets a total be checked): a few passes.
    for (let pass = 0; pass < 4; pass++) {
      const fixes = preferredFixes(result.findings);
      if (!fixes.length) break;
      const applied = applyFixes(current, fixes);
      if (applied.text === current) break;
      fixed += new Set(applied.applied.map((f) => `${f.range}:${f.text}`)).size;
      current = applied.text;
      result = check(current, { config });
    }
    if (current !== text) writeAtomic(file, current);
    text = current;
  }
  return { file, text, result, fixed };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

function toJson(results: FileResult[], locale: Locale) {
  return results.map(({ file, text, result }) => {
    const lm = new LineMap(text);
    return {
      file: displayPath(file),
      format: result.report.format,
      year: result.report.year,
      findings: result.findings.map((f) => findingJson(f, lm, locale)),
    };
  });
}

function findingJson(f: Finding, lm: LineMap, locale: Locale) {
  const s = lm.position(f.range[0]);
  const e = lm.position(f.range[1]);
  return {
    code: f.rule,
    severity: f.severity,
    message: localize(f.message, locale),
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    offset: f.range,
    ...(f.fix ? { fix: { range: f.fix.range, text: f.fix.text } } : {}),
    ...(f.suggestions?.length ? { suggestions: f.suggestions.map((x) => ({ range: x.range, text: x.text, title: localize(x.title, locale) })) } : {}),
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function toSarif(results: FileResult[], locale: Locale) {
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|[.-])(\w)/g, (_, _p, c: string) => c.toUpperCase()),
    shortDescription: { text: localize(r.name, locale) },
    fullDescription: { text: localize(r.description, locale) },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const region = (lm: LineMap, range: [number, number]) => {
    const s = lm.position(range[0]);
    const e = lm.position(range[1]);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, charOffset: range[0], charLength: range[1] - range[0] };
  };
  const out = [];
  for (const { file, text, result } of results) {
    const lm = new LineMap(text);
    const uri = displayPath(file);
    for (const f of result.findings) {
      out.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule) ?? 0,
        level: SARIF_LEVEL[f.severity],
        message: { text: localize(f.message, locale) },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(lm, f.range) } }],
        ...(f.fix
          ? {
              fixes: [
                {
                  description: { text: localize(f.fix.title, locale) },
                  artifactChanges: [
                    {
                      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                      replacements: [{ deletedRegion: region(lm, f.fix.range), insertedContent: { text: f.fix.text } }],
                    },
                  ],
                },
              ],
            }
          : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'nianbao', version: VERSION, semanticVersion: VERSION, informationUri: 'https://github.com/nianbao/nianbao', rules } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
}

function runCheck(argv: string[], stdout: (s: string) => void, stderr: (s: string) => void): number {
  const o = parseArgs(argv);
  let explicit: Config | null = null;
  if (o.config) {
    let text: string;
    try {
      text = readFileSync(o.config, 'utf8');
    } catch (e) {
      stderr(`nianbao: ${o.config}: ${ioMessage(e)}\n`);
      return 2;
    }
    explicit = parseConfig(text, o.config);
  }
  const configs = new ConfigFinder(explicit);
  const errors: FileError[] = [];
  const files = collectFiles(o.paths, errors);
  if (!files.length && !errors.length) errors.push({ file: o.paths.join(' '), message: '没有找到 .txt 或 .md 文件 / no .txt or .md files found' });
  const results: FileResult[] = [];
  for (const file of files) {
    const read = readReport(file);
    if ('error' in read) {
      errors.push({ file, message: read.error });
      continue;
    }
    const config = configs.for(file);
    const probe = check(read.text, { config });
    if (!looksLikeReport(probe.report)) {
      errors.push({ file, message: '不像政府信息公开工作年度报告：没有找到标题、章节标题或统计表 / does not look like an annual report (no title, section headings or tables)' });
      continue;
    }
    results.push(o.fix ? checkFile(file, read.text, config, true) : { file, text: read.text, result: probe, fixed: 0 });
  }
  for (const e of errors) stderr(`${displayPath(e.file)}: ${e.message}\n`);
  if (o.format === 'json') stdout(JSON.stringify(toJson(results, o.locale), null, 2) + '\n');
  else if (o.format === 'sarif') stdout(JSON.stringify(toSarif(results, o.locale), null, 2) + '\n');
  else {
    let counts = { error: 0, warning: 0, info: 0, hint: 0 };
    let fixedTotal = 0;
    for (const r of results) {
      const lm = new LineMap(r.text);
      fixedTotal += r.fixed;
      for (const f of r.result.findings) {
        const p = lm.position(f.range[0]);
        counts[f.severity]++;
        stdout(`${displayPath(r.file)}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.rule} ${localize(f.message, o.locale)}${f.fix && !o.fix ? (o.locale === 'zh' ? ' [可修复]' : ' [fixable]') : ''}\n`);
      }
    }
    const zh = `检查了 ${results.length} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.info + counts.hint} 个提示${o.fix ? `；已修复 ${fixedTotal} 处` : ''}`;
    const en = `${results.length} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info + counts.hint} note(s)${o.fix ? `; ${fixedTotal} fixed` : ''}`;
    stderr((o.locale === 'zh' ? zh : en) + '\n');
    counts = counts;
  }
  if (errors.length) return 2;
  return results.some((r) => r.result.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export function main(argv: string[], stdout = (s: string) => void process.stdout.write(s), stderr = (s: string) => void process.stderr.write(s)): number {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      stdout(USAGE + '\n');
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      stdout(VERSION + '\n');
      return 0;
    }
    if (cmd === 'check') return runCheck(rest, stdout, stderr);
    if (cmd === 'rules') {
      for (const r of RULES) stdout(`${r.id.padEnd(20)} ${r.severity.padEnd(8)} ${r.fixable ? 'fix' : '   '} ${r.name.zh} / ${r.name.en}\n`);
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
      if (!Number.isInteger(year) || year < 2019 || year > 2100) throw new UsageError('--year 应为 2019 及以后的年份 / must be a year from 2019 on');
      stdout(reportTemplate(year, body));
      return 0;
    }
    // `nianbao PATH…` is short for `nianbao check PATH…`.
    return runCheck(argv, stdout, stderr);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`nianbao: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      stderr(`nianbao: ${e.message}\n`);
      return 2;
    }
    stderr(`nianbao: 内部错误 / internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
