/** Output formats, written file by file as results arrive (in input order): text, JSON, SARIF, CSV. */
import { relative, sep } from 'node:path';
import { localize, RULES, ruleDocUrl, type Locale } from '../core';
import type { OutputFormat } from './args';
import type { Outcome, OutFinding, OutSpan, Result } from './outcome';
import { VERSION } from '../version';
import { htmlWriter } from './html';
import { junitWriter } from './junit';
import { FINGERPRINT_KEY } from './fingerprint';

export type Write = (s: string) => void | Promise<void>;

/** A file's findings as a format writes them, rendered where the file was checked (a worker thread). */
export interface Rendered {
  text: string;
  /** How many items (SARIF results) the text holds. */
  items: number;
  /** The HTML report's marked tables, placed after `text` while under the cap on tables shown. */
  tables?: string;
}

export interface Writer {
  begin(): string;
  /** A file's output, without what separates it from the files before it. */
  render(o: Outcome): Rendered;
  /** A rendered file placed after the files written before it (`first`: none were). */
  place(r: Rendered, first: boolean): string;
  /** What closes the output, given the run's totals (SARIF records the tables not checked; the HTML report's summary). */
  end(totals: Summary): string;
  /** A file that could not be checked, for the formats that list every file (HTML, JUnit); the others say it on stderr only. */
  unreadable?(r: Result): string;
}

/** What the whole run read, for the end of the output. */
export interface RunTotals {
  tables: number;
  tablesNotChecked: number;
}

/** Indents every line of a text (JSON.stringify's output) by `pad`. */
function indent(text: string, pad: string): string {
  return pad + text.replaceAll('\n', `\n${pad}`);
}

/** A SARIF region of a span of the report text. */
function sarifRegion(x: OutSpan) {
  return {
    startLine: x.line,
    startColumn: x.column,
    endLine: x.endLine,
    endColumn: x.endColumn,
    charOffset: x.offset[0],
    charLength: x.offset[1] - x.offset[0],
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function jsonFinding(f: OutFinding, locale: Locale) {
  return {
    code: f.code,
    severity: f.severity,
    message: localize(f.message, locale),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    offset: f.offset,
    ...(f.fix ? { fix: { range: f.fix.range, text: f.fix.text } } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions.map((x) => ({ range: x.range, text: x.text, title: localize(x.title, locale) })) } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, message: localize(r.message, locale) })) } : {}),
  };
}

/** The lines under a finding that name last year's place: "  上年：file:line:col". */
function previousLines(f: OutFinding, locale: Locale): string {
  return (f.related ?? [])
    .filter((r) => r.file)
    .map((r) => `  ${locale === 'zh' ? '上年：' : 'last year: '}${r.file}:${r.line}:${r.column}\n`)
    .join('');
}

function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writerFor(format: OutputFormat, locale: Locale, fixing: boolean): Writer {
  switch (format) {
    case 'html':
      return htmlWriter(locale);
    case 'junit':
      return junitWriter(locale);
    case 'text':
      return {
        begin: () => '',
        render: (o) => ({
          text: (o.findings ?? [])
            .map(
              (f) =>
                `${o.display}:${f.line}:${f.column} ${f.severity} ${f.code} ${localize(f.message, locale)}${f.fix && !fixing && !o.readOnly ? (locale === 'zh' ? ' [可修复]' : ' [fixable]') : ''}\n${previousLines(f, locale)}`,
            )
            .join(''),
          items: 0,
        }),
        place: (r) => r.text,
        end: () => '',
      };
    case 'json':
      return {
        begin: () => '[',
        render: (o) => ({
          text: indent(
            JSON.stringify(
              {
                file: o.display,
                format: o.format,
                year: o.year ?? null,
                encoding: o.encoding ?? 'utf-8',
                tables: o.tables ?? 0,
                tablesNotChecked: o.tablesNotChecked ?? 0,
                findings: (o.findings ?? []).map((f) => jsonFinding(f, locale)),
              },
              null,
              2,
            ),
            '  ',
          ),
          items: 0,
        }),
        place: (r, first) => (first ? '\n' : ',\n') + r.text,
        end: () => '\n]\n',
      };
    case 'csv':
      return {
        // A BOM, so that spreadsheet programs read the Chinese as UTF-8.
        begin: () => '\ufefffile,line,column,endLine,endColumn,severity,code,message,format,year,fixable\r\n',
        render: (o) => ({
          text: (o.findings ?? [])
            .map(
              (f) =>
                `${[o.display, f.line, f.column, f.endLine, f.endColumn, f.severity, f.code, localize(f.message, locale), o.format, o.year, f.fix ? 'yes' : '']
                  .map(csvCell)
                  .join(',')}\r\n`,
            )
            .join(''),
          items: 0,
        }),
        place: (r) => r.text,
        end: () => '',
      };
    case 'sarif': {
      const index = new Map(RULES.map((r, i) => [r.id, i]));
      const rules = RULES.map((r) => ({
        id: r.id,
        name: r.id.replace(/(^|[.-])(\w)/g, (_: string, _p: string, c: string) => c.toUpperCase()),
        shortDescription: { text: localize(r.name, locale) },
        fullDescription: { text: localize(r.description, locale) },
        helpUri: ruleDocUrl(r.id),
        defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      }));
      const head = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'nianbao', version: VERSION, semanticVersion: VERSION, informationUri: 'https://github.com/nianbao/nianbao', rules } },
            columnKind: 'utf16CodeUnits',
            results: [],
          },
        ],
      };
      // Written as one document in pieces: everything up to the results array, each result, the rest.
      // The run's property bag (SARIF 2.1.0 §3.8) comes after the results: it holds totals known only then.
      const whole = JSON.stringify(head, null, 2);
      const at = whole.lastIndexOf('"results": []');
      const before = `${whole.slice(0, at)}"results": [`;
      const after = (totals: RunTotals) =>
        `],\n      "properties": ${indent(JSON.stringify({ tables: totals.tables, tablesNotChecked: totals.tablesNotChecked }, null, 2), '      ').trimStart()}${whole.slice(at + '"results": []'.length)}\n`;
      let count = 0;
      return {
        begin: () => before,
        render: (o) => ({
          text: (o.findings ?? [])
            .map((f) => {
              const region = sarifRegion(f);
              const loc = { uri: o.display, uriBaseId: '%SRCROOT%' };
              const result = {
                ruleId: f.code,
                ruleIndex: index.get(f.code) ?? 0,
                level: SARIF_LEVEL[f.severity],
                message: { text: localize(f.message, locale) },
                locations: [{ physicalLocation: { artifactLocation: loc, region } }],
                ...(f.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint } } : {}),
                ...(f.related
                  ? {
                      relatedLocations: f.related.map((r, id) => ({
                        id,
                        physicalLocation: {
                          artifactLocation: { uri: r.file ?? o.display, uriBaseId: '%SRCROOT%' },
                          region: sarifRegion(r),
                        },
                        message: { text: localize(r.message, locale) },
                      })),
                    }
                  : {}),
                // Where in a .docx or web page: its table cell or element (the region is in the text nianbao read from it).
                ...(f.source ? { properties: { source: f.source } } : {}),
                ...(f.fix
                  ? {
                      fixes: [
                        {
                          description: { text: localize(f.fix.title, locale) },
                          artifactChanges: [
                            {
                              artifactLocation: loc,
                              replacements: [
                                {
                                  deletedRegion: { charOffset: f.fix.range[0], charLength: f.fix.range[1] - f.fix.range[0] },
                                  insertedContent: { text: f.fix.text },
                                },
                              ],
                            },
                          ],
                        },
                      ],
                    }
                  : {}),
              };
              return `\n${indent(JSON.stringify(result, null, 2), '        ')}`;
            })
            .join(','),
          items: o.findings?.length ?? 0,
        }),
        place: (r) => {
          const text = (count && r.items ? ',' : '') + r.text;
          count += r.items;
          return text;
        },
        end: (totals) => (count ? '\n      ' : '') + after(totals),
      };
    }
  }
}

/** The files with tables not checked that the summary names; the rest are counted. */
const NOT_CHECKED_LISTED = 20;

/** Per-rule counts, the files with most errors, and the tables read too unsurely to check. */
export class Summary implements RunTotals {
  files = 0;
  bytes = 0;
  failed = 0;
  tables = 0;
  tablesNotChecked = 0;
  /** Files with a table not checked (the first NOT_CHECKED_LISTED kept, in input order). */
  filesNotChecked = 0;
  readonly byRule = new Map<string, { error: number; warning: number; info: number; hint: number }>();
  /** Reports per format and year ("2021 2023" → 5): a few keys, however many files. */
  readonly byFormatYear = new Map<string, { format: string; year: number | null; reports: number }>();
  /** The ten files with most errors (then warnings), worst first; `index` is the file's place in the input. */
  readonly worst: { index: number; display: string; errors: number; warnings: number }[] = [];
  readonly notChecked: { index: number; display: string; tables: number }[] = [];
  add(o: Result): void {
    this.bytes += o.bytes;
    if (o.error || o.fatal) {
      this.failed++;
      return;
    }
    this.files++;
    const key = `${o.format ?? 'unknown'} ${o.year ?? '?'}`;
    const fy = this.byFormatYear.get(key) ?? { format: o.format ?? 'unknown', year: o.year ?? null, reports: 0 };
    fy.reports++;
    this.byFormatYear.set(key, fy);
    this.tables += o.tables ?? 0;
    if (o.tablesNotChecked) {
      this.tablesNotChecked += o.tablesNotChecked;
      this.filesNotChecked++;
      if (this.notChecked.length < NOT_CHECKED_LISTED) this.notChecked.push({ index: o.index, display: o.display, tables: o.tablesNotChecked });
    }
    let errors = 0;
    let warnings = 0;
    for (const [code, [e, w, i, h]] of Object.entries(o.tally ?? {})) {
      const c = this.byRule.get(code) ?? { error: 0, warning: 0, info: 0, hint: 0 };
      c.error += e;
      c.warning += w;
      c.info += i;
      c.hint += h;
      this.byRule.set(code, c);
      errors += e;
      warnings += w;
    }
    if (errors || warnings) {
      // Keep only the ten worst: the summary's memory does not grow with the number of files.
      this.worst.push({ index: o.index, display: o.display, errors, warnings });
      this.worst.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings);
      if (this.worst.length > 10) this.worst.pop();
    }
  }
  totals() {
    const t = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const c of this.byRule.values()) for (const k of ['error', 'warning', 'info', 'hint'] as const) t[k] += c[k];
    return t;
  }
  render(locale: Locale): string {
    const zh = locale === 'zh';
    const lines = [zh ? '\n按规则统计 / by rule:' : '\nBy rule:'];
    const rows = [...this.byRule.entries()].sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]));
    for (const [code, c] of rows)
      lines.push(
        `  ${code.padEnd(22)} ${String(c.error).padStart(6)} error ${String(c.warning).padStart(6)} warning ${String(c.info + c.hint).padStart(6)} note`,
      );
    if (!rows.length) lines.push(zh ? '  （无）' : '  (none)');
    lines.push(zh ? '问题最多的文件 / worst files:' : 'Worst files:');
    for (const w of this.worst) lines.push(`  ${String(w.errors).padStart(4)} error ${String(w.warnings).padStart(4)} warning  ${w.display}`);
    if (!this.worst.length) lines.push(zh ? '  （无）' : '  (none)');
    lines.push(
      zh
        ? `识别不确定、未核对的表格 / tables not checked: ${this.tablesNotChecked}（共 ${this.tables} 张，${this.filesNotChecked} 个文件）`
        : `Tables not checked (read with uncertainty): ${this.tablesNotChecked} of ${this.tables}, in ${this.filesNotChecked} file(s)`,
    );
    for (const f of this.notChecked) lines.push(`  ${String(f.tables).padStart(4)} ${zh ? '张表' : 'table(s)'}  ${f.display}`);
    const more = this.filesNotChecked - this.notChecked.length;
    if (more > 0) lines.push(zh ? `  ……另有 ${more} 个文件` : `  … and ${more} more file(s)`);
    return `${lines.join('\n')}\n`;
  }
}

/** A path as the output shows it: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}
