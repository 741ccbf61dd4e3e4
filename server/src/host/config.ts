/**
 * `.nianbaorc.json`: the nearest one in the file's directory or above it, for the CLI and the
 * server. Each directory's answer is cached until `clear()` (the server clears it when a config
 * file changes; the CLI reads each once per run).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, ConfigError, parseConfig, type Config } from '../core';

/** The config that applies to a file: none when no config file is above it; `error` for a malformed one (then `config` is null). */
export interface FoundConfig {
  config: Config | null;
  error: string | null;
}

export class ConfigLookup {
  private cache = new Map<string, FoundConfig>();
  constructor(private readonly read: (path: string) => string | null = readOrNull) {}

  forFile(path: string): FoundConfig {
    return this.dir(dirname(resolve(path)));
  }

  clear(): void {
    this.cache.clear();
  }

  private dir(d: string): FoundConfig {
    const hit = this.cache.get(d);
    if (hit) return hit;
    const p = join(d, CONFIG_FILE);
    const text = this.read(p);
    let found: FoundConfig;
    if (text !== null) {
      try {
        found = { config: resolvePairs(parseConfig(text, p), d), error: null };
      } catch (e) {
        found = { config: null, error: e instanceof ConfigError ? e.message : String(e) };
      }
    } else {
      const parent = dirname(d);
      found = parent === d ? { config: null, error: null } : this.dir(parent);
    }
    this.cache.set(d, found);
    return found;
  }
}

/** The config's `pairs` made absolute: they are written relative to the config file's directory. */
export function resolvePairs(config: Config, dir: string): Config {
  return { ...config, pairs: (config.pairs ?? []).map(([a, b]) => [resolve(dir, a), resolve(dir, b)]) };
}

function readOrNull(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
}
