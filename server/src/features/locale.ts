/**
 * The server's own words (code action titles, hover text, notices), in both languages, and the
 * choice of language from what the client says at initialize. Findings carry their own messages
 * (core `Msg`); this file holds only what the editor layer adds.
 */
import { firstFormatYear, localeFrom, localize, msg, type Locale, type Msg } from '../core';

export type { Locale, Msg };
export { localize };

/** The client's language: `initializationOptions.locale` (the VS Code client sends `vscode.env.language`), else LSP's `locale`, else Chinese. */
export function localeOfInitialize(params: { locale?: string; initializationOptions?: unknown }): Locale {
  const opts = params.initializationOptions as { locale?: unknown } | null | undefined;
  const fromOpts = opts && typeof opts.locale === 'string' ? opts.locale : undefined;
  return localeFrom(fromOpts ?? params.locale);
}

export const T = {
  fixAllOfRule: (rule: string, n: number) => msg(`修复本文件中全部 ${n} 处 ${rule} 问题`, `Fix all ${n} ${rule} problems in this file`),
  disableLine: (rule: string) => msg(`在本行停用 ${rule}`, `Disable ${rule} for this line`),
  moreInfo: (rule: string) => msg(`${rule} 规则说明`, `More information about ${rule}`),
  fixAll: msg('修复全部可自动修复的年报问题', 'Fix all auto-fixable report problems'),
  recomputeTotals: msg('重新计算全部合计', 'Recompute all totals'),
  // hover
  total: msg('合计', 'total'),
  holds: msg('成立', 'holds'),
  broken: msg('不成立', 'does not hold'),
  notEvaluable: msg('有空白或无效的单元格，无法核对', 'blank or invalid cells: cannot be checked'),
  expected: msg('应为', 'expected'),
  actual: msg('实为', 'actual'),
  restZero: (n: number) => msg(`其余 ${n} 项为 0`, `the other ${n} are 0`),
  allZero: msg('各项均为 0', 'all parts 0'),
  blank: msg('空白', 'blank'),
  absent: msg('缺', 'absent'),
  invalid: msg('无效', 'invalid'),
  likelyCulprit: (name: string, v: string) => msg(`最可能有误的是“${name}”，应为 ${v}`, `The likely error is “${name}”, which should be ${v}`),
  noCulprit: msg('无法确定是哪个数有误', 'Which figure is wrong cannot be told'),
  partOf: msg('本单元格参与的合计', 'Sums this cell is part of'),
  undetermined: msg('未能确定', 'could not be determined'),
  thisRowUncertain: msg('本行识别不确定', 'the row is read with uncertainty'),
  rowsUncertain: (names: string[], more: number) =>
    msg(
      `本表${names.map((n) => `“${n}”`).join('')}${more ? `等 ${names.length + more} 行` : '一行'}识别不确定，合计未核对`,
      `${names.map((n) => `“${n}”`).join(', ')}${more ? ` and ${more} more rows` : ''} of this table ${names.length + more > 1 ? 'are' : 'is'} read with uncertainty: its sums were not checked`,
    ),
  decidedBySums: msg('由合计关系确定', 'decided by the sums'),
  culpritInRun: (name: string) =>
    msg(
      `最可能有误的是“${name}”，但该行数字连在一起、由合计关系拆分，请核对整行`,
      `The likely error is “${name}”, in a row whose digits run together and were cut by the sums: check the whole row`,
    ),
  filled: (v: string) => msg(`空白；按合计关系应为 ${v}`, `blank; the totals say ${v}`),
  // inlay hints
  shouldBe: (v: string) => msg(`应为 ${v}`, `should be ${v}`),
  fillWith: (v: string) => msg(`= ${v}`, `= ${v}`),
  // notices
  configError: (message: string) =>
    msg(`nianbao 配置文件有误，已按默认设置检查：${message}`, `nianbao: bad config file, checking with the defaults: ${message}`),
  noTemplateYear: msg(`年份应为 ${firstFormatYear()} 及以后`, `The year must be ${firstFormatYear()} or later`),
} satisfies Record<string, Msg | ((...args: never[]) => Msg)>;

export function t(m: Msg, locale: Locale): string {
  return localize(m, locale);
}
