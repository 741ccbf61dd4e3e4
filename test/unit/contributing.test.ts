/**
 * CONTRIBUTING.md's "Adding a rule", followed step by step through the documented API: a rule
 * object, registered, is run by the engine, accepted by the config and the directives, documented
 * by `ruleDocPage`, and its fix applies; removed again, its id is unknown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, check, ConfigError, localize, msg, parseConfig, registerRule, type Rule, ruleDocPage } from '../../server/src/core';

/** The example of CONTRIBUTING.md: "XX" left where a figure belongs ("共收到申请XX件"). */
const placeholder: Rule = {
  id: 'text.placeholder',
  name: msg('未填写的占位符', 'Placeholder left in'),
  description: msg('正文中留有“XX”“××”等占位符。', 'The text still holds a placeholder such as XX.'),
  severity: 'warning',
  fixable: true,
  doc: {
    rationale: msg('占位符说明数字尚未填写。', 'A placeholder means a figure was never filled in.'),
    wrong: '一、总体情况\n本年度共收到申请XX件。\n',
    right: '一、总体情况\n本年度共收到申请12件。\n',
  },
  check({ report }) {
    const out: ReturnType<Rule['check']> = [];
    for (const m of report.text.matchAll(/XX|××/g)) {
      const range: [number, number] = [m.index, m.index + m[0].length];
      out.push({
        range,
        message: msg(`此处留有占位符“${m[0]}”`, `A placeholder “${m[0]}” is left here`),
        suggestions: [{ range, text: '0', title: msg('改为 0', 'Change to 0') }],
      });
    }
    return out;
  },
};

describe('adding a rule (CONTRIBUTING.md)', () => {
  it('a registered rule runs, is configurable, can be silenced and documents itself; unregistered, it is gone', () => {
    const unregister = registerRule(placeholder);
    try {
      const found = check(placeholder.doc.wrong).findings.filter((f) => f.rule === 'text.placeholder');
      assert.deepEqual(
        found.map((f) => [f.severity, localize(f.message, 'zh')]),
        [['warning', '此处留有占位符“XX”']],
      );
      assert.equal(applyFixes(placeholder.doc.wrong, [found[0]!.suggestions![0]!]).text, '一、总体情况\n本年度共收到申请0件。\n');
      assert.deepEqual(
        check(placeholder.doc.right).findings.filter((f) => f.rule === 'text.placeholder'),
        [],
      );
      // The config and the directives know its id.
      const config = parseConfig('{ "rules": { "text.placeholder": "error" } }', '.nianbaorc.json');
      assert.equal(check(placeholder.doc.wrong, { config }).findings.find((f) => f.rule === 'text.placeholder')?.severity, 'error');
      const silenced = check(`<!-- nianbao-disable-file text.placeholder -->\n${placeholder.doc.wrong}`).findings;
      assert.deepEqual(
        silenced.filter((f) => f.rule === 'text.placeholder' || f.rule === 'directive.unknown'),
        [],
      );
      // Its page shows what nianbao really prints on the wrong example.
      assert.match(ruleDocPage(placeholder), /2:9 此处留有占位符“XX”/);
      assert.throws(() => registerRule(placeholder), /registered already/);
    } finally {
      unregister();
    }
    assert.throws(() => parseConfig('{ "rules": { "text.placeholder": "error" } }', '.nianbaorc.json'), ConfigError);
    assert.deepEqual(
      check(placeholder.doc.wrong).findings.filter((f) => f.rule === 'text.placeholder'),
      [],
    );
  });
});
