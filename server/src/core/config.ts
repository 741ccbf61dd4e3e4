/** `.nianbaorc.json`: per-rule severities and the format, read by the CLI and the server alike. */
import { formatIds, isFormatId } from './formats/registry';
import type { FormatId } from './formats/types';
import { SEVERITIES, type SeveritySetting } from './finding';
import { orList } from './i18n';
import { RULE_IDS } from './rules';

export interface Config {
  rules: Record<string, SeveritySetting>;
  /** `auto`, or the id of a registered format. */
  format: FormatId | 'auto';
  /**
   * Reports paired by hand, [last year's, this year's]: a renamed body, or names that do not tell.
   * Paths relative to the config file as written; the host resolves them.
   */
  pairs?: [string, string][];
  /** `crossyear.copied`: the share of sentences (in %, 1–100) copied from last year's report from which it warns (default 60). */
  copied?: number;
}

/** The values `format` may take: `auto` and every format's id, oldest first. */
export function formatChoices(): string[] {
  return ['auto', ...formatIds()];
}

export const CONFIG_FILE = '.nianbaorc.json';

export function defaultConfig(): Config {
  return { rules: {}, format: 'auto' };
}

export class ConfigError extends Error {}

/** Parses a config file's text; throws ConfigError with a message that says what is wrong. */
export function parseConfig(text: string, source = CONFIG_FILE): Config {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ConfigError(`${source}: 不是有效的 JSON（${(e as Error).message}） / not valid JSON`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${source}: 应为一个 JSON 对象 / must be a JSON object`);
  const obj = data as Record<string, unknown>;
  const config = defaultConfig();
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'format' && key !== 'pairs' && key !== 'copied' && key !== '$schema')
      throw new ConfigError(`${source}: 未知的设置项“${key}” / unknown setting "${key}"`);
  }
  if (obj.format !== undefined) {
    if (obj.format !== 'auto' && !isFormatId(obj.format)) {
      const choices = orList(formatChoices().map((c) => `"${c}"`));
      throw new ConfigError(`${source}: "format" 应为 ${choices.zh} / must be ${choices.en}`);
    }
    config.format = obj.format;
  }
  if (obj.pairs !== undefined) {
    const ok = Array.isArray(obj.pairs) && obj.pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string' && x.length > 0));
    if (!ok)
      throw new ConfigError(
        `${source}: "pairs" 应为 [["上年报告路径", "本年报告路径"], …]（相对于配置文件）/ must be [["last year's report", "this year's report"], …] (paths relative to the config file)`,
      );
    config.pairs = obj.pairs as [string, string][];
  }
  if (obj.copied !== undefined) {
    if (typeof obj.copied !== 'number' || !Number.isFinite(obj.copied) || obj.copied < 1 || obj.copied > 100)
      throw new ConfigError(`${source}: "copied" 应为 1 到 100 之间的数（百分比）/ must be a number from 1 to 100 (a percentage)`);
    config.copied = obj.copied;
  }
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules))
      throw new ConfigError(`${source}: "rules" 应为对象 / must be an object`);
    for (const [id, sev] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!RULE_IDS.includes(id)) throw new ConfigError(`${source}: 未知的规则“${id}” / unknown rule "${id}"（可用 / known: ${RULE_IDS.join(', ')}）`);
      if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting))
        throw new ConfigError(`${source}: 规则“${id}”的级别应为 ${SEVERITIES.join('|')} / severity must be one of ${SEVERITIES.join('|')}`);
      config.rules[id] = sev as SeveritySetting;
    }
  }
  return config;
}
