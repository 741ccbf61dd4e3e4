/**
 * The settings block of package.json (`contributes.configuration`) and its descriptions in
 * package.nls.json / package.nls.zh-cn.json, generated from the rule registry so that a new rule
 * is a new setting; and the grammar, generated from the formats. `npm run manifest` writes them;
 * test/lsp/manifest.test.ts and grammar.test.ts check they match.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatChoiceTexts, formatSettingText, RULES, type Severity } from '../server/src/core';
import { grammar } from './grammar';
import { configSchema, SCHEMA_FILE } from './schema';
import { DEFAULT_DEBOUNCE_MS, formatSettings, MAX_DEBOUNCE_MS, SEVERITY_SETTINGS } from '../server/src/service/settings';

const SEVERITY_NAMES: Record<string, { en: string; zh: string }> = {
  off: { en: 'off', zh: '关闭' },
  hint: { en: 'hint', zh: '提示（不显示在问题列表）' },
  info: { en: 'information', zh: '信息' },
  warning: { en: 'warning', zh: '警告' },
  error: { en: 'error', zh: '错误' },
};

const key = (k: string) => `%${k}%`;

/** The `contributes.configuration` object. */
export function configurationContribution() {
  const rules: Record<string, unknown> = {};
  for (const r of RULES) {
    rules[r.id] = {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      enumDescriptions: SEVERITY_SETTINGS.map((s) => key(`nianbao.config.severity.${s}`)),
      description: key(`nianbao.config.rules.${r.id}`),
    };
  }
  return {
    title: key('nianbao.config.title'),
    properties: {
      'nianbao.rules': {
        type: 'object',
        scope: 'resource',
        default: {},
        markdownDescription: key('nianbao.config.rules'),
        properties: rules,
        additionalProperties: false,
      },
      'nianbao.format': {
        type: 'string',
        scope: 'resource',
        enum: formatSettings(),
        enumDescriptions: formatSettings().map((f) => key(`nianbao.config.format.${f}`)),
        default: 'auto',
        markdownDescription: key('nianbao.config.format'),
      },
      'nianbao.debounceMs': {
        type: 'number',
        scope: 'resource',
        default: DEFAULT_DEBOUNCE_MS,
        minimum: 0,
        maximum: MAX_DEBOUNCE_MS,
        markdownDescription: key('nianbao.config.debounceMs'),
      },
      'nianbao.inlayHints.enabled': {
        type: 'boolean',
        scope: 'resource',
        default: true,
        markdownDescription: key('nianbao.config.inlayHints.enabled'),
      },
      'nianbao.trace.server': {
        type: 'string',
        scope: 'window',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        description: key('nianbao.config.trace.server'),
      },
    },
  };
}

const sevName = (s: Severity | 'off', lang: 'en' | 'zh') => SEVERITY_NAMES[s]![lang];

/** The generated description strings, by language. */
export function configurationStrings(): { en: Record<string, string>; zh: Record<string, string> } {
  const en: Record<string, string> = {
    'nianbao.config.title': 'nianbao (government information disclosure annual reports)',
    'nianbao.config.rules':
      'Severity per rule: `off`, `hint`, `info`, `warning` or `error`. Rules not listed keep their default, or the one a `.nianbaorc.json` above the file gives; these settings override that file. Each rule has a page under `docs/rules/`.',
    'nianbao.config.format': formatSettingText().en,
    'nianbao.config.debounceMs':
      'The longest wait, in milliseconds, after an edit before the report is checked again. The server never waits longer than a check takes, so a report of ordinary size is checked at once; `0` checks at once always.',
    'nianbao.config.inlayHints.enabled': 'Show the value a wrong total should have beside it (and the value the totals determine for a blank cell).',
    'nianbao.config.trace.server': 'Traces the communication between VS Code and the nianbao language server (for debugging).',
  };
  const zh: Record<string, string> = {
    'nianbao.config.title': 'nianbao（政府信息公开工作年度报告检查）',
    'nianbao.config.rules':
      '各规则的级别：`off`（关闭）、`hint`（提示）、`info`（信息）、`warning`（警告）或 `error`（错误）。未列出的规则使用默认级别，或文件所在目录及上级目录中 `.nianbaorc.json` 的设置；此处设置优先于该文件。每条规则在 `docs/rules/` 下有说明页。',
    'nianbao.config.format': formatSettingText().zh,
    'nianbao.config.debounceMs':
      '修改后最多等待多少毫秒再重新检查。服务器等待的时间不超过一次检查所需的时间，因此一般篇幅的报告会立即检查；设为 `0` 则总是立即检查。',
    'nianbao.config.inlayHints.enabled': '在有误的合计旁显示其应有的数值（以及由合计推出的空白单元格数值）。',
    'nianbao.config.trace.server': '记录 VS Code 与 nianbao 语言服务器之间的通信（用于排查问题）。',
  };
  for (const c of formatChoiceTexts()) {
    en[`nianbao.config.format.${c.value}`] = c.description.en;
    zh[`nianbao.config.format.${c.value}`] = c.description.zh;
  }
  for (const s of SEVERITY_SETTINGS) {
    en[`nianbao.config.severity.${s}`] = sevName(s, 'en');
    zh[`nianbao.config.severity.${s}`] = sevName(s, 'zh');
  }
  for (const r of RULES) {
    en[`nianbao.config.rules.${r.id}`] = `${r.name.en}: ${r.description.en} Default: ${sevName(r.severity, 'en')}.`;
    zh[`nianbao.config.rules.${r.id}`] = `${r.name.zh}：${r.description.zh}默认：${sevName(r.severity, 'zh')}。`;
  }
  return { en, zh };
}

export const GRAMMAR_FILE = 'syntaxes/nianbao.tmLanguage.json';

/** Writes the generated block into package.json, the strings into the two NLS files (other keys kept) and the grammar. */
export function writeManifest(root: string): void {
  writeFileSync(join(root, GRAMMAR_FILE), `${JSON.stringify(grammar(), null, 2)}\n`);
  mkdirSync(join(root, dirname(SCHEMA_FILE)), { recursive: true });
  writeFileSync(join(root, SCHEMA_FILE), `${JSON.stringify(configSchema(), null, 2)}\n`);
  const pkgPath = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.contributes = {
    ...(pkg.contributes ?? {}),
    configuration: configurationContribution(),
    jsonValidation: [{ fileMatch: '.nianbaorc.json', url: `./${SCHEMA_FILE}` }],
  };
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const strings = configurationStrings();
  for (const [file, generated] of [
    ['package.nls.json', strings.en],
    ['package.nls.zh-cn.json', strings.zh],
  ] as const) {
    const p = join(root, file);
    let current: Record<string, string> = {};
    try {
      current = JSON.parse(readFileSync(p, 'utf8'));
    } catch {
      current = {};
    }
    const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !k.startsWith('nianbao.config.')));
    const merged = { ...kept, ...generated };
    const sorted = Object.fromEntries(
      Object.keys(merged)
        .sort()
        .map((k) => [k, merged[k]]),
    );
    writeFileSync(p, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

if (require.main === module && process.argv.includes('--write')) {
  writeManifest(join(__dirname, '..'));
  console.log(
    `package.json contributes.configuration and jsonValidation, package.nls*.json, ${GRAMMAR_FILE} and ${SCHEMA_FILE} written from the rule registry and the formats`,
  );
}
