import type { Arith } from '../arith';
import type { Config } from '../config';
import type { CrossYear } from '../crossyear/series';
import type { Finding, Fix, Severity } from '../finding';
import type { Msg } from '../i18n';
import type { Range, Report } from '../model';

export interface RuleContext {
  report: Report;
  arith: Arith;
  /** Last year's report of the same body, when one was found (the CLI's index pass, the server's lookup). */
  crossyear?: CrossYear;
  /** The config in force, for the rules that take a setting (`crossyear.copied`'s `copied`). */
  config?: Config;
}

/** What a rule reports; the engine adds the rule id and the severity in force. */
export type Report_ = Omit<Finding, 'rule' | 'severity'>;

export interface RuleDoc {
  /** Why the rule exists. */
  rationale: Msg;
  /** A short text that breaks the rule, and the same text put right. */
  wrong: string;
  right: string;
  /** For a rule across years: last year's report, beside which `wrong` and `right` are checked. */
  previous?: string;
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
