/**
 * The editor settings (section `nianbao`), read from whatever the client sends, merged with the
 * config file `.nianbaorc.json` (found by host/config.ts, as the CLI finds it) into the core's `Config`:
 * rule defaults ← `.nianbaorc.json` (nearest above the file) ← editor settings.
 */
import { defaultConfig, formatChoices, RULE_IDS, type Config, type SeveritySetting } from '../core';

export type FormatSetting = Config['format'];

export interface Settings {
  /** Per-rule severity, only the rules set explicitly. */
  rules: Record<string, SeveritySetting>;
  format: FormatSetting;
  /** The longest wait after a change before checking; the real wait is never longer than a check takes. */
  debounceMs: number;
  inlayHints: { enabled: boolean };
}

export const SEVERITY_SETTINGS: SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
/** `auto` and every declared format, oldest first: read from the format registry. */
export const formatSettings = (): FormatSetting[] => formatChoices();
export const DEFAULT_DEBOUNCE_MS = 200;
export const MAX_DEBOUNCE_MS = 5000;

export function defaultSettings(): Settings {
  return { rules: {}, format: 'auto', debounceMs: DEFAULT_DEBOUNCE_MS, inlayHints: { enabled: true } };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `nianbao` section as a client sends it, made safe: unknown values fall back to the defaults.
 * Rules may come as `{ "table.row-total": "off" }` (VS Code's object setting, Neovim's table) or
 * nested by the dots (`{ table: { "row-total": "off" } }`, as a client that splits keys sends it).
 */
export function readSettings(raw: unknown): Settings {
  const s = defaultSettings();
  if (!isObject(raw)) return s;
  const rules = flatten(raw.rules);
  for (const [id, sev] of Object.entries(rules)) {
    if (RULE_IDS.includes(id) && typeof sev === 'string' && SEVERITY_SETTINGS.includes(sev as SeveritySetting)) s.rules[id] = sev as SeveritySetting;
  }
  if (typeof raw.format === 'string' && formatSettings().includes(raw.format)) s.format = raw.format as FormatSetting;
  const debounce = raw.debounceMs;
  if (typeof debounce === 'number' && Number.isFinite(debounce)) s.debounceMs = Math.max(0, Math.min(MAX_DEBOUNCE_MS, debounce));
  const hints = raw.inlayHints;
  if (isObject(hints) && typeof hints.enabled === 'boolean') s.inlayHints.enabled = hints.enabled;
  // `"inlayHints.enabled": false` left unsplit by a client
  if (typeof raw['inlayHints.enabled'] === 'boolean') s.inlayHints.enabled = raw['inlayHints.enabled'] as boolean;
  return s;
}

function flatten(v: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isObject(x)) Object.assign(out, flatten(x, key));
    else out[key] = x;
  }
  return out;
}

/** The core's config for a document: the config file's, overridden by the editor settings. */
export function configFor(settings: Settings, file: Config | null): Config {
  const base = file ?? defaultConfig();
  return {
    format: settings.format !== 'auto' ? settings.format : base.format,
    rules: { ...base.rules, ...settings.rules },
    // The config file's pairs (absolute paths): the lookup of last year's report reads them.
    ...(base.pairs?.length ? { pairs: base.pairs } : {}),
  };
}

/** A stable key of a config, for the analysis cache. */
export function configKey(config: Config): string {
  const rules = Object.keys(config.rules)
    .sort()
    .map((k) => `${k}=${config.rules[k]}`)
    .join(',');
  return `${config.format}|${rules}`;
}
