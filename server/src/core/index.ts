/** The pure core: no editor, no LSP. The CLI, the server and the tests all call these. */
export { check, checkReport, headLooksLikeReport, looksLikeReport, type CheckOptions, type CheckResult } from './check';
export { parse, parseHead, type Head, type ParseOptions } from './parse';
export { analyse, type Arith, type SumEval, type Culprit } from './arith';
export { applyFixes, preferredFixes, type ApplyResult } from './fix';
export { parseConfig, defaultConfig, formatChoices, ConfigError, CONFIG_FILE, type Config } from './config';
export { RULES, RULE_IDS, registerRule, ruleById, ruleDocUrl } from './rules';
export type { Rule, RuleContext } from './rules/types';
export { checkExample, ruleDocPage } from './docs';
export { LineMap } from './position';
export { msg, localize, localeFrom, type Msg, type Locale } from './i18n';
export {
  formats,
  formatIds,
  formatById,
  formatForYear,
  firstFormatYear,
  isFormatId,
  blockFormats,
  blockIn,
  registerFormat,
  closeFormat,
  unregisterFormat,
  resetFormats,
  formatProblems,
} from './formats/registry';
export { formatsByYearText, formatSettingText, formatChoiceTexts } from './formats/describe';
export { SECTIONS, TABLES } from './formats/common';
export { tableSkeleton, reportTemplate, templateFormat } from './skeleton';
export { tidy, tidyReport, type TidyOptions, type TidyResult, type TidySpan, type KeptReason } from './tidy';
export { cellName, fillText, fmt, visibleRange } from './rules/util';
export { cellAt, isComputable, isTotalSum, recomputeTotals, uncheckedTables, type CellHit } from './cells';
export { outline, type OutlineKind, type OutlineNode } from './outline';
export type { Finding, Fix, Edit, Related, Severity, SeveritySetting } from './finding';
export type * from './model';
export type { FormatId, FormatDecl, CoverDecl, BlockDecl, RowDecl, ColumnDecl, SumDecl, SectionDecl, TableDecl, TableId, SectionId } from './formats/types';
export { showReport, renderShown, displayWidth, SHOW_VERSION, type ShownReport, type ShownTable, type ShownBlock, type ShownRow, type ShownCell } from './show';
export { bodyBucket, bodyFromTitle, parseBody, sameBody, type Body } from './crossyear/body';
export { extract, type Extract, type ExtractCell, headExtract } from './crossyear/extract';
export { pairReports, type CrossYear, type Indexed } from './crossyear/series';
