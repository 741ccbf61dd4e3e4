/**
 * The JSON schema VS Code checks `.nianbaorc.json` with (contributes.jsonValidation): generated from
 * the registry (npm run manifest), and saying yes and no where the config reader does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configSchema, SCHEMA_FILE } from '../../build/schema';
import { ConfigError, parseConfig, RULES } from '../../server/src/core';
import { ROOT } from '../helpers';

interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
}

/** The problems of `v` against the draft-07 keywords the schema uses (an editor's validator, in brief). */
function problems(v: unknown, s: Schema, at = '$'): string[] {
  const out: string[] = [];
  const kind = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
  if (s.type && s.type !== kind) return [`${at}: ${kind} is not ${s.type}`];
  if (s.enum && !s.enum.includes(v)) out.push(`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(s.enum)}`);
  if (typeof v === 'number' && ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum))) out.push(`${at}: out of range`);
  if (typeof v === 'string' && s.minLength !== undefined && v.length < s.minLength) out.push(`${at}: too short`);
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) out.push(`${at}: too few items`);
    if (s.maxItems !== undefined && v.length > s.maxItems) out.push(`${at}: too many items`);
    if (s.items) for (const [i, x] of v.entries()) out.push(...problems(x, s.items, `${at}[${i}]`));
  }
  if (kind === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const p = s.properties?.[k];
      if (p) out.push(...problems(x, p, `${at}.${k}`));
      else if (s.additionalProperties === false) out.push(`${at}: unknown key ${k}`);
    }
  }
  return out;
}

const accepts = (text: string) => {
  try {
    parseConfig(text);
    return true;
  } catch (e) {
    if (e instanceof ConfigError) return false;
    throw e;
  }
};

const schema = JSON.parse(readFileSync(join(ROOT, SCHEMA_FILE), 'utf8')) as Schema;

/** The configs README shows, as a user copies them. */
function readmeConfigs(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const inline = [...readme.matchAll(/`(\{ "pairs": .*?\})`/g)].map((m) => m[1]!);
  return [...blocks, ...inline].filter((b) => {
    try {
      const v = JSON.parse(b);
      return typeof v === 'object' && v !== null && ('rules' in v || 'format' in v || 'pairs' in v);
    } catch {
      return false;
    }
  });
}

describe('.nianbaorc.json schema', () => {
  it('is the one generated from the registry (npm run manifest), and VS Code is told to use it', () => {
    assert.deepEqual(schema, JSON.parse(JSON.stringify(configSchema())));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.nianbaorc.json', url: `./${SCHEMA_FILE}` }]);
    assert.deepEqual(
      Object.keys(schema.properties!.rules!.properties!),
      RULES.map((r) => r.id),
    );
  });

  it("accepts README's examples, as the config reader does", () => {
    const examples = readmeConfigs();
    assert.ok(examples.length >= 2, 'README shows a config');
    for (const text of examples) {
      assert.deepEqual(problems(JSON.parse(text), schema), [], text);
      assert.ok(accepts(text), text);
    }
  });

  it('says yes and no where the config reader does', () => {
    const cases = [
      '{}',
      '{ "$schema": "./schemas/nianbaorc.schema.json", "format": "2021" }',
      '{ "format": "auto", "rules": { "table.row-total": "warning", "text.artifact": "off" } }',
      '{ "pairs": [["a.txt", "b.txt"]] }',
      '{ "formats": "2021" }',
      '{ "format": "2020" }',
      '{ "rules": { "table.row-totals": "error" } }',
      '{ "rules": { "table.row-total": "fatal" } }',
      '{ "rules": [] }',
      '{ "pairs": [["a.txt"]] }',
      '{ "pairs": [["a.txt", ""]] }',
      '[]',
      '{ "copied": 75 }',
      '{ "copied": 0 }',
      '{ "copied": 101 }',
      '{ "copied": "60" }',
    ];
    for (const text of cases) assert.equal(problems(JSON.parse(text), schema).length === 0, accepts(text), text);
    assert.deepEqual(problems({ formats: '2021' }, schema), ['$: unknown key formats']);
  });
});
