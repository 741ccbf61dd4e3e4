/**
 * The extension manifest against the code: the settings block is the one generated from the rule
 * registry, every %key% has its English and Chinese text, the client's strings all have a Chinese
 * translation, activation is never `*`, and the server's defaults are the manifest's.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS, RULES } from '../../server/src/core';
import { configurationContribution, configurationStrings } from '../../build/manifest';
import { SERVER_VERSION } from '../../server/src/service';
import { defaultSettings, SEVERITY_SETTINGS } from '../../server/src/service/settings';
import { ROOT } from '../helpers';

const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const pkg = json('package.json');
const nlsEn: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');

function keysIn(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%(.+)%$/.exec(v);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(v))
    v.forEach((x) => {
      keysIn(x, out);
    });
  else if (v && typeof v === 'object')
    Object.values(v).forEach((x) => {
      keysIn(x, out);
    });
  return out;
}

describe('package.json', () => {
  it('contributes.configuration is generated from the rule registry (npm run manifest)', () => {
    assert.deepEqual(pkg.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution())));
    const rules = pkg.contributes.configuration.properties['nianbao.rules'];
    assert.deepEqual(Object.keys(rules.properties), RULE_IDS);
    for (const id of RULE_IDS) assert.deepEqual(rules.properties[id].enum, SEVERITY_SETTINGS);
    assert.deepEqual(rules.default, {});
  });

  it("the defaults in the manifest are the server's", () => {
    const props = pkg.contributes.configuration.properties;
    const d = defaultSettings();
    assert.equal(props['nianbao.format'].default, d.format);
    assert.equal(props['nianbao.debounceMs'].default, d.debounceMs);
    assert.equal(props['nianbao.inlayHints.enabled'].default, d.inlayHints.enabled);
    assert.equal(pkg.version, SERVER_VERSION);
  });

  it('every %key% has English and Chinese text, the generated ones as generated, and no stale keys', () => {
    const used = keysIn(pkg);
    for (const k of used) {
      assert.ok(nlsEn[k], `package.nls.json: ${k}`);
      assert.ok(nlsZh[k], `package.nls.zh-cn.json: ${k}`);
    }
    assert.deepEqual(Object.keys(nlsEn).sort(), [...used].sort(), 'package.nls.json has exactly the keys used');
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort(), 'both languages have the same keys');
    const { en, zh } = configurationStrings();
    for (const [k, v] of Object.entries(en)) assert.equal(nlsEn[k], v, k);
    for (const [k, v] of Object.entries(zh)) assert.equal(nlsZh[k], v, k);
    for (const r of RULES) assert.ok(nlsZh[`nianbao.config.rules.${r.id}`]!.startsWith(r.name.zh));
  });

  it('the language, grammar, commands and activation (never `*`)', () => {
    const [lang] = pkg.contributes.languages;
    assert.equal(lang.id, 'nianbao');
    assert.equal(lang.aliases[0], '政府信息公开年报');
    assert.deepEqual(lang.filenamePatterns, ['*政府信息公开*年度报告*.txt']);
    assert.equal(pkg.contributes.grammars[0].scopeName, 'text.nianbao');
    assert.deepEqual(pkg.activationEvents, ['onLanguage:nianbao', 'onLanguage:plaintext', 'onLanguage:markdown']);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.main, './client/out/extension.js');
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(commands, [
      'nianbao.newReport',
      'nianbao.recomputeTotals',
      'nianbao.fixAll',
      'nianbao.checkWorkspace',
      'nianbao.showTables',
      'nianbao.openTableView',
    ]);
    const client = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    for (const c of commands) assert.ok(client.includes(`registerCommand('${c}'`), `${c} is registered by the client`);
  });

  it('.vscodeignore keeps sources, tests and node_modules out of the package', () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    assert.equal(ignore[0] === '**' || ignore.includes('**'), true, 'everything excluded by default');
    for (const keep of ['!client/out/extension.js', '!server/out/server.js', '!syntaxes/**', '!l10n/**', '!language-configuration.json'])
      assert.ok(ignore.includes(keep), keep);
    assert.ok(!ignore.some((l) => /^!(test|server\/src|client\/src|node_modules)/.test(l)));
  });
});

describe('client strings', () => {
  it('every vscode.l10n.t string of the client has a Chinese translation, and the bundle nothing else', () => {
    const bundle: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');
    const used = new Set<string>();
    for (const f of readdirSync(join(ROOT, 'client/src'), { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(join(ROOT, 'client/src', f), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
    }
    assert.ok(used.size >= 10);
    for (const k of used) assert.ok(bundle[k], `l10n/bundle.l10n.zh-cn.json: ${k}`);
    assert.deepEqual(Object.keys(bundle).sort(), [...used].sort());
    for (const [k, v] of Object.entries(bundle)) {
      const placeholders = (s: string) => [...s.matchAll(/\{\d\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(placeholders(v), placeholders(k), k);
    }
  });
});
