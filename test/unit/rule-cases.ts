/**
 * The rule-table runner for rules tested outside rules.test.ts: texts that pass, texts that fail
 * with the findings a person sees, and the text after the preferred fixes (then checked again:
 * the rule is silent). `options` checks every text beside last year's report, or with a config.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, type CheckOptions, type Finding, localize } from '../../server/src/core';

export interface Invalid {
  text: string;
  /** Substrings of each finding's Chinese message, in order. */
  errors: string[];
  /** The text after applying this rule's preferred fixes (omit: the rule offers none). */
  output?: string;
  /** The text after applying each finding's first suggestion (for rules whose repair needs a look). */
  suggested?: string;
}
export interface Case {
  valid: string[];
  invalid: Invalid[];
}

export function findingsOf(rule: string, text: string, options: CheckOptions = {}): Finding[] {
  return check(text, options).findings.filter((f) => f.rule === rule);
}

export function run(rule: string, cases: Case, options: (text: string) => CheckOptions = () => ({})) {
  describe(rule, () => {
    cases.valid.forEach((text, i) => {
      it(`valid #${i + 1}`, () =>
        assert.deepEqual(
          findingsOf(rule, text, options(text)).map((f) => localize(f.message, 'zh')),
          [],
        ));
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}`, () => {
        const found = findingsOf(rule, c.text, options(c.text));
        assert.equal(found.length, c.errors.length, found.map((f) => localize(f.message, 'zh')).join('\n'));
        c.errors.forEach((e, k) => {
          assert.ok(localize(found[k]!.message, 'zh').includes(e), `“${localize(found[k]!.message, 'zh')}” should say “${e}”`);
        });
        const fixes = found.filter((f) => f.fix).map((f) => f.fix!);
        if (c.output === undefined) assert.deepEqual(fixes, [], 'no preferred fix');
        else {
          const out = applyFixes(c.text, fixes).text;
          assert.equal(out, c.output);
          assert.deepEqual(findingsOf(rule, out, options(out)), [], 'after the fix, checking again: the rule is silent');
        }
        if (c.suggested !== undefined) {
          const out = applyFixes(
            c.text,
            found.map((f) => f.suggestions![0]!),
          ).text;
          assert.equal(out, c.suggested);
          assert.deepEqual(findingsOf(rule, out, options(out)), [], 'after the suggestion, checking again: the rule is silent');
        }
      });
    });
  });
}
