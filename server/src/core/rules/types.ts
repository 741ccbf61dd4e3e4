import type { Arith } from '../arith';
import type { Finding, Fix, Severity } from '../finding';
import type { Msg } from '../i18n';
import type { Range, Report } from '../model';

export interface RuleContext {
  report: Report;
  arith: Arith;
}

/** What a rule reports; the engine adds the rule id and the severity in force. */
export type Report_ = Omit<Finding, 'rule' | 'severity'>;

export interface RuleDoc {
  /** Why the rule exists. */
  rationale: Msg;
  /** A short text that breaks the rule, and the same text put right. */
  wrong: string;
  right: string;
}

export interface Rule {
  id: string;
  name: Msg;
  description: Msg;
  severity: Severity;
  fixable: boolean;
  doc: RuleDoc;
  check(ctx: RuleContext): Report_[];
}

export type { Fix, Msg, Range };
