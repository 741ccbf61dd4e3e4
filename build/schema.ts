/**
 * The JSON schema of `.nianbaorc.json` (schemas/nianbaorc.schema.json), generated from the rule
 * registry and the formats, so that VS Code completes and checks the file as it is typed
 * (`contributes.jsonValidation`). `npm run manifest` writes it; test/unit/schema.test.ts checks it
 * is current, accepts what `parseConfig` accepts and rejects what it refuses.
 */
import { formatChoiceTexts, formatChoices, RULES } from '../server/src/core';
import { SEVERITY_SETTINGS } from '../server/src/service/settings';

export const SCHEMA_FILE = 'schemas/nianbaorc.schema.json';

const SEVERITY_TEXT: Record<string, string> = {
  off: '关闭 / off',
  hint: '提示（不显示在问题列表）/ hint (not in the Problems list)',
  info: '信息 / information',
  warning: '警告 / warning',
  error: '错误 / error',
};

export function configSchema() {
  const rules: Record<string, unknown> = {};
  for (const r of RULES) {
    rules[r.id] = {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      enumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_TEXT[s]),
      default: r.severity,
      description: `${r.name.zh}：${r.description.zh}\n${r.name.en}: ${r.description.en}`,
    };
  }
  const formats = new Map(formatChoiceTexts().map((c) => [c.value, `${c.description.zh} / ${c.description.en}`]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: '.nianbaorc.json',
    description:
      "nianbao 配置：报告格式、各规则的级别、手工配对的上下年度报告 / nianbao settings: the report format, each rule's severity, reports paired by hand",
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      format: {
        type: 'string',
        enum: formatChoices(),
        enumDescriptions: formatChoices().map((f) => formats.get(f) ?? f),
        default: 'auto',
        description: '报告使用的格式（auto：由表格和年度判断）/ the format the reports use (auto: tell from the tables and the year)',
      },
      rules: {
        type: 'object',
        additionalProperties: false,
        properties: rules,
        description: '各规则的级别 / severity per rule',
      },
      pairs: {
        type: 'array',
        description:
          '手工配对的报告，上年在前，路径相对于本文件 / reports paired by hand, last year\'s first, paths relative to this file: [["2021/….txt", "2022/….txt"]]',
        items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', minLength: 1 } },
      },
      copied: {
        type: 'number',
        minimum: 1,
        maximum: 100,
        default: 60,
        description:
          "crossyear.copied：本年叙述中与上年相同的句子占多少（%）时提示 / crossyear.copied: the share of sentences (%) found in last year's report from which it warns",
      },
    },
  };
}
