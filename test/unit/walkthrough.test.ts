/**
 * The first-use walkthrough as package.json declares it: every step's page and picture is there and
 * packaged, both languages say every step, and every command a step links to exists.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const json = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
const pkg = json('package.json');
const nls: Record<string, Record<string, string>> = { en: json('package.nls.json'), zh: json('package.nls.zh-cn.json') };
const unkey = (s: string) => s.replace(/^%|%$/g, '');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents: string[];
}

describe('walkthrough', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  const steps: Step[] = walkthrough.steps;

  it('makes a report, shows the squiggle, the hover, the quick fix and the table view, in that order', () => {
    assert.deepEqual(
      steps.map((s) => s.id),
      ['newReport', 'squiggle', 'hover', 'quickFix', 'tableView'],
    );
  });

  it("every step's page and its pictures exist and are packaged", () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!walkthrough/**'));
    for (const s of steps) {
      const page = s.media.markdown!;
      assert.match(page, /^walkthrough\//);
      assert.ok(existsSync(join(ROOT, page)), page);
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const m of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) assert.ok(existsSync(join(ROOT, dirname(page), m[1]!)), `${page}: ${m[1]}`);
      // Chinese first, English too.
      assert.match(text, /[\u4e00-\u9fff]/, page);
      assert.match(text, /\b(the|The)\b/, page);
    }
  });

  it('both languages say every step, and each links to a command that exists', () => {
    const ours = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const builtIn = new Set(['workbench.actions.view.problems', 'editor.action.showHover', 'editor.action.quickFix']);
    for (const lang of ['en', 'zh']) {
      for (const k of [walkthrough.title, walkthrough.description]) assert.ok(nls[lang]![unkey(k)], `${lang}: ${k}`);
      for (const s of steps) {
        const title = nls[lang]![unkey(s.title)];
        const description = nls[lang]![unkey(s.description)];
        assert.ok(title && description, `${lang}: ${s.id}`);
        const links = [...description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
        assert.equal(links.length, 1, `${lang}: ${s.id}: ${description}`);
        assert.ok(ours.has(links[0]) || builtIn.has(links[0]!), `${lang}: ${s.id}: ${links[0]}`);
      }
    }
  });
});
