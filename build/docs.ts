/** Writes docs/rules/RULE.md for every rule in the registry (`npm run docs`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocPage } from '../server/src/core/docs';
import { RULES } from '../server/src/core/rules';

const dir = join(__dirname, '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const rule of RULES) writeFileSync(join(dir, `${rule.id}.md`), ruleDocPage(rule));
console.log(`wrote ${RULES.length} pages to ${dir}`);
