/**
 * The `$nianbao` problem matcher (package.json contributes.problemMatchers) over the CLI's real text
 * output: each finding line gives VS Code the file, line, column, severity, rule code and message
 * that `--format json` gives, in both languages; the summary on stderr matches nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'nianbao');
const pattern = matcher.pattern as Record<string, number | string>;
const regexp = new RegExp(pattern.regexp as string);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NIANBAO_LOCALE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

describe('the $nianbao problem matcher', () => {
  for (const locale of ['zh', 'en']) {
    it(`reads every finding of \`nianbao check\` as --format json gives it (${locale})`, () => {
      const paths = ['examples/errors', 'test/fixtures/layouts', 'test/fixtures/done-when'];
      const text = run(['check', '--locale', locale, '--no-progress', ...paths]);
      const json = run(['check', '--locale', locale, '--no-progress', '--format', 'json', ...paths]);
      const expected = (JSON.parse(json.out) as { file: string; findings: JsonFinding[] }[]).flatMap((f) =>
        f.findings.map((x) => [f.file, x.line, x.column, x.severity, x.code, x.message]),
      );
      assert.ok(expected.length >= 10, `${expected.length} findings`);
      const got = text.out
        .split('\n')
        .map((l) => l.match(regexp))
        .filter((m) => m !== null)
        .map((m) => [
          m[pattern.file as number],
          Number(m[pattern.line as number]),
          Number(m[pattern.column as number]),
          m[pattern.severity as number],
          m[pattern.code as number],
          m[pattern.message as number],
        ]);
      assert.deepEqual(got, expected);
      // Nothing else matches: the notes and the summary on stderr.
      for (const l of text.err.split('\n')) assert.doesNotMatch(l, regexp);
    });
  }

  it('takes paths with colons and spaces (Windows drives), and is owned by nianbao', () => {
    const m = 'C:\\报告 2023\\a.txt:12:3 warning table.cell-blank “（二）部分公开·总计”为空白，按合计关系应为 2 [可修复]'.match(regexp)!;
    assert.deepEqual(
      [m[1], m[2], m[3], m[4], m[5], m[6]],
      ['C:\\报告 2023\\a.txt', '12', '3', 'warning', 'table.cell-blank', '“（二）部分公开·总计”为空白，按合计关系应为 2'],
    );
    assert.equal(matcher.owner, 'nianbao');
    // Paths relative to the folder the task runs in, or absolute.
    assert.deepEqual(matcher.fileLocation, ['autoDetect', `\${workspaceFolder}`]);
  });
});
