/** The registry: every rule, in the order their findings are listed. */
import { crossyearCarryover } from './crossyear-carryover';
import { crossyearCopied } from './crossyear-copied';
import { crossyearGap } from './crossyear-gap';
import { crossyearSameTables } from './crossyear-same-tables';
import { crossyearStock } from './crossyear-stock';
import { directiveUnknown, setKnownRuleIds } from './directive-unknown';
import { formatMismatch } from './format-mismatch';
import { formatMixed } from './format-mixed';
import { sectionContent } from './section-content';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { sectionWording } from './section-wording';
import { tableAmbiguous } from './table-ambiguous';
import { tableCellBlank } from './table-cell-blank';
import { tableEmpty } from './table-empty';
import { tableCellInvalid } from './table-cell-invalid';
import { tableGroupTotal } from './table-group-total';
import { tableIdentity } from './table-identity';
import { tableMissing } from './table-missing';
import { tableResultTotal } from './table-result-total';
import { tableRowMissing } from './table-row-missing';
import { tableRowTotal } from './table-row-total';
import { tableSign } from './table-sign';
import { tableUnit } from './table-unit';
import { tableUnreadable } from './table-unreadable';
import { reportDeadline } from './report-deadline';
import { reportYear } from './report-year';
import { textArtifact } from './text-artifact';
import { textEnumeration } from './text-enumeration';
import { textRepeat } from './text-repeat';
import { textYear } from './text-year';
import { textTableMismatch } from './text-table-mismatch';
import type { Rule } from './types';

export const RULES: Rule[] = [
  sectionMissing,
  sectionWording,
  sectionOrder,
  sectionDuplicate,
  sectionContent,
  reportYear,
  reportDeadline,
  formatMismatch,
  formatMixed,
  tableMissing,
  tableRowMissing,
  tableEmpty,
  tableCellBlank,
  tableCellInvalid,
  tableAmbiguous,
  tableUnreadable,
  tableRowTotal,
  tableResultTotal,
  tableIdentity,
  tableGroupTotal,
  tableUnit,
  tableSign,
  textTableMismatch,
  textYear,
  textEnumeration,
  textRepeat,
  crossyearCarryover,
  crossyearStock,
  crossyearCopied,
  crossyearSameTables,
  crossyearGap,
  textArtifact,
  directiveUnknown,
];

export const RULE_IDS = RULES.map((r) => r.id);
setKnownRuleIds(() => RULE_IDS);

/**
 * Adds a rule to the registry at run time (a plug-in, or a test): the engine runs it, the config,
 * the settings and the directives accept its id, `ruleDocPage` writes its page. A built-in rule is
 * instead listed in RULES above (see CONTRIBUTING.md). Returns the function that removes it again.
 */
export function registerRule(rule: Rule): () => void {
  if (!/^[a-z]+\.[a-z-]+$/.test(rule.id)) throw new Error(`rule id "${rule.id}" is not of the form area.name`);
  if (RULE_IDS.includes(rule.id)) throw new Error(`rule "${rule.id}" is registered already`);
  RULES.push(rule);
  RULE_IDS.push(rule.id);
  return () => {
    const k = RULES.indexOf(rule);
    if (k >= 0) {
      RULES.splice(k, 1);
      RULE_IDS.splice(RULE_IDS.indexOf(rule.id), 1);
    }
  };
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Where a rule's documentation page lives in the repository. */
export const DOCS_BASE = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';
export function ruleDocUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export type { Rule };
