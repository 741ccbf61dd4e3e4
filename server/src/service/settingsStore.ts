/**
 * The settings of each document: pulled per resource through `workspace/configuration` when the
 * client can (cached by uri; a configuration change bumps a generation so that an answer to an
 * older request is not cached), else the ones pushed with initialize or `didChangeConfiguration`.
 * With them, each document's `.nianbaorc.json` (host/config.ts), whose errors are shown once.
 */
import type { Config } from '../core';
import { documentFile } from '../features/importView';
import { ConfigLookup } from '../host/config';
import { configFor, defaultSettings, readSettings, type Settings } from './settings';

export class SettingsStore {
  private pull = false;
  private global: Settings = defaultSettings();
  private generation = 0;
  private readonly byUri = new Map<string, Settings>();
  private readonly pending = new Map<string, Promise<Settings>>();
  private readonly shownErrors = new Set<string>();

  /**
   * @param fetch the `nianbao` section for a resource (`workspace/configuration`)
   * @param warn tells the user of a malformed config file
   */
  constructor(
    private readonly fetch: (uri: string) => Promise<unknown>,
    private readonly warn: (error: string) => void,
    private readonly files = new ConfigLookup(),
  ) {}

  /** At initialize: whether to pull settings per resource, and the settings the client passed. */
  initialize(pull: boolean, initial: unknown): void {
    this.pull = pull;
    if (initial !== undefined) this.global = readSettings(initial);
  }

  /** A document's settings: at once when known, else a promise of them. */
  settingsFor(uri: string): Settings | Promise<Settings> {
    if (!this.pull) return this.global;
    const hit = this.byUri.get(uri);
    if (hit) return hit;
    const pending = this.pending.get(uri);
    if (pending) return pending;
    const generation = this.generation;
    const p = this.fetch(uri)
      .then(
        (raw) => readSettings(raw),
        () => defaultSettings(),
      )
      .then((s) => {
        if (generation === this.generation) {
          this.byUri.set(uri, s);
          this.pending.delete(uri);
        }
        return s;
      });
    this.pending.set(uri, p);
    return p;
  }

  /** The core's config for a document: its config file's, overridden by its settings. */
  configFor(uri: string, settings: Settings): Config {
    return configFor(settings, this.fileConfig(uri));
  }

  /** `workspace/didChangeConfiguration`: settings are read again (pushed ones taken from the notification). */
  changed(pushed: unknown): void {
    this.generation++;
    this.byUri.clear();
    this.pending.clear();
    if (!this.pull) {
      const s = (pushed ?? {}) as { nianbao?: unknown };
      this.global = readSettings(s.nianbao ?? this.global);
    }
  }

  /** A config file changed: read them again, and show their errors again. */
  filesChanged(): void {
    this.files.clear();
    this.shownErrors.clear();
  }

  /** A document closed. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private fileConfig(uri: string): Config | null {
    // A file's own, or the original's for its report view (`nianbao-import:`).
    const path = documentFile(uri);
    if (path === null) return null;
    const { config, error } = this.files.forFile(path);
    if (error && !this.shownErrors.has(error)) {
      this.shownErrors.add(error);
      this.warn(error);
    }
    return config;
  }
}
