/**
 * The report view of a document that is not text (.pdf, .doc, .docx, a web page): the request
 * `nianbao/importText` reads the file as `nianbao import` does (host reader, tidied text) and
 * remembers what the text alone cannot say — which tables are pictures in the PDF, and where in
 * the original each finding was — so that the `nianbao-import:` document the client opens with that
 * text is checked as the file is: a table drawn as a picture is "表格为图片，无法检查", never
 * `table.missing`, and the hover on a finding names its page or table cell in the original.
 */
import { fileURLToPath } from 'node:url';
import { check, type CheckResult, type Config, type Finding, type Locale, looksLikeReport, tidyReport, uncheckedTables } from '../core';
import type { SectionId } from '../core';
import type { Analysis } from '../service/analysis';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { rangeOf } from './convert';
import { explainPictures } from '../host/pictures';
import { readReport } from '../host/read';
import type { SourceLocation } from '../readers';
import { IMPORT_SCHEME, type ImportText, importedFrom } from './protocol';

/** The file a document stands for: its own (`file:`), or the original of a `nianbao-import:` view; null for anything else. */
export function documentFile(uri: string): string | null {
  const file = uri.startsWith(`${IMPORT_SCHEME}:`) ? importedFrom(uri) : uri.startsWith('file:') ? uri : null;
  if (!file) return null;
  try {
    return fileURLToPath(file);
  } catch {
    return null;
  }
}

/** What the view of one original needs beside its text. */
interface Imported {
  /** Tables drawn as pictures: the page, and the section they stand in. */
  pictures: { page: number; section: SectionId }[];
  /** Where each finding on the text read was in the original, by rule and message, in order. */
  sources: Map<string, SourceLocation[]>;
}

const findingKey = (f: Finding) => `${f.rule}\u0000${f.message.zh}`;

const said = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** The originals read for a view, by their file uri. */
export class ImportStore {
  private readonly byOriginal = new Map<string, Imported>();

  /**
   * Reads a file for its view: the tidied text, or why there is none. `configOf` gives the config
   * that applies to the file (its `.nianbaorc.json` and the editor's settings).
   */
  read(uri: string, config: Config, locale: Locale): ImportText {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return { message: said(locale, '只能打开本机上的文件', 'only files on this machine can be opened') };
    }
    const read = readReport(path);
    // The readers say why in both languages ("中文 / English"), as the CLI prints it.
    if ('error' in read) return { message: read.error };
    const result = check(read.text, { config });
    result.findings = explainPictures(result.findings, result.report, read.pictures);
    if (!looksLikeReport(result.report)) {
      this.byOriginal.delete(uri);
      return {
        message: said(
          locale,
          '不像政府信息公开工作年度报告：没有找到标题、章节标题或统计表',
          'does not look like an annual report (no title, section headings or tables)',
        ),
        encoding: read.encoding,
        kind: read.kind,
      };
    }
    const sources = new Map<string, SourceLocation[]>();
    for (const f of result.findings) {
      const where = read.sourceMap?.locate(f.range[0]) ?? null;
      const list = sources.get(findingKey(f)) ?? [];
      if (where) list.push(where);
      sources.set(findingKey(f), list);
    }
    const pictures = (read.pictures ?? []).flatMap((p) => {
      const s = result.report.sections.find((x) => p.offset >= x.range[0] && p.offset <= x.range[1]);
      return s ? [{ page: p.page, section: s.decl.id }] : [];
    });
    this.byOriginal.set(uri, { pictures, sources });
    const text = tidyReport(result.report, { format: config.format, config }).text;
    const c = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of result.findings) c[f.severity]++;
    return {
      text,
      encoding: read.encoding,
      kind: read.kind,
      format: result.report.format,
      year: result.report.year,
      ...c,
      uncheckedTables: uncheckedTables(result.report),
    };
  }

  /** A view's findings as the original's: a table that is a picture there is said to be one. */
  refine(uri: string, result: CheckResult): void {
    const original = importedFrom(uri);
    const seen = original ? this.byOriginal.get(original) : undefined;
    if (!seen?.pictures.length) return;
    const pictures = seen.pictures.flatMap((p) => {
      const s = result.report.sections.find((x) => x.decl.id === p.section);
      return s ? [{ page: p.page, offset: s.range[0] }] : [];
    });
    result.findings = explainPictures(result.findings, result.report, pictures);
  }

  /** Where in the original the findings at an offset of a view were (for the hover), in the client's language. */
  whereInOriginal(uri: string, findings: Finding[], offset: number, locale: Locale): { text: string; range: [number, number] } | null {
    const original = importedFrom(uri);
    const seen = original ? this.byOriginal.get(original) : undefined;
    if (!seen) return null;
    // The n-th finding of a rule and message in the view is the n-th in the original.
    const nth = new Map<string, number>();
    const lines: string[] = [];
    let range: [number, number] | null = null;
    for (const f of findings) {
      const key = findingKey(f);
      const n = nth.get(key) ?? 0;
      nth.set(key, n + 1);
      if (offset < f.range[0] || offset > f.range[1]) continue;
      const where = seen.sources.get(key)?.[n];
      if (!where) continue;
      const line = said(locale, `在原文中：${placeText(where, locale)}`, `In the original: ${placeText(where, locale)}`);
      if (!lines.includes(line)) lines.push(line);
      range ??= [f.range[0], f.range[1]];
    }
    return range ? { text: lines.join('\n\n'), range } : null;
  }

  /** The view of an original was closed for good (the store keeps no more than it needs). */
  forget(original: string): void {
    this.byOriginal.delete(original);
  }
}

/** A place in the original document, in words. */
export function placeText(where: SourceLocation, locale: Locale): string {
  if ('page' in where) return said(locale, `第 ${where.page} 页`, `page ${where.page}`);
  if ('table' in where)
    return said(locale, `第 ${where.table} 张表，第 ${where.row} 行，第 ${where.col} 列`, `table ${where.table}, row ${where.row}, column ${where.col}`);
  return said(locale, `元素 ${where.element}`, `element ${where.element}`);
}

/** The hover on a report view: where in the original the findings under the pointer were, after the hover of the cell (if any). */
export function importHover(store: ImportStore, a: Analysis, offset: number, locale: Locale, markdown: boolean, cell: Hover | null): Hover | null {
  if (!a.isReport) return cell;
  const where = store.whereInOriginal(a.uri, a.result.findings, offset, locale);
  if (!where) return cell;
  if (!cell) return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: where.text }, range: rangeOf(a, where.range) };
  const before = typeof cell.contents === 'object' && 'value' in cell.contents ? cell.contents.value : '';
  const value = markdown ? `${before}\n\n---\n\n${where.text}` : `${before}\n\n${where.text}`;
  return { ...cell, contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value } };
}
