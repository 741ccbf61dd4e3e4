/**
 * SARIF partialFingerprints: a code-scanning service keeps a finding's history (dismissed, fixed,
 * new) by them, so the same finding must keep its fingerprint when lines are inserted above it,
 * and two findings must not share one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
const ERRORS = join(ROOT, 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');

interface SarifResult {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { region: { startLine: number } } }[];
}

function sarif(dir: string, file: string, ...more: string[]): SarifResult[] {
  // Several files: on two workers from the first file on.
  const env = { ...process.env, NIANBAO_LOCALE: '', ...(more.length ? { NIANBAO_WORKERS_FROM: '1' } : {}) };
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', '--jobs', '2', file, ...more], { cwd: dir, encoding: 'utf8', env });
  assert.equal(r.status, 1, r.stderr);
  return JSON.parse(r.stdout).runs[0].results;
}

const byPrint = (rs: SarifResult[]) => new Map(rs.map((r) => [r.partialFingerprints['nianbao/v1']!, r]));

describe('SARIF partialFingerprints', () => {
  it('survive lines inserted above the findings; every finding has its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fp-'));
    const text = readFileSync(ERRORS, 'utf8');
    writeFileSync(join(dir, 'report.txt'), text);
    const before = sarif(dir, 'report.txt');
    // Three lines more in section 一, above every finding but the title's.
    const lines = text.split('\n');
    lines.splice(4, 0, '（补充）全年还开展了政务公开进村入户活动。', '', '各村均已设立公开栏。');
    writeFileSync(join(dir, 'report.txt'), lines.join('\n'));
    const after = sarif(dir, 'report.txt');

    assert.ok(before.length >= 7, "the draft's seven findings at least");
    assert.equal(byPrint(before).size, before.length, 'no two findings share a fingerprint');
    assert.deepEqual([...byPrint(after).keys()].sort(), [...byPrint(before).keys()].sort());
    for (const [print, b] of byPrint(before)) {
      const a = byPrint(after).get(print)!;
      assert.equal(a.ruleId, b.ruleId);
      assert.equal(a.locations[0]!.physicalLocation.region.startLine, b.locations[0]!.physicalLocation.region.startLine + 3);
    }
  });

  it('a finding fixed is gone, the others keep theirs; the same report under another name is another file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fp-'));
    const text = readFileSync(ERRORS, 'utf8');
    writeFileSync(join(dir, 'a.txt'), text);
    const before = sarif(dir, 'a.txt');
    writeFileSync(join(dir, 'a.txt'), text.replace('[bookmark: _GoBack]\n', ''));
    const after = sarif(dir, 'a.txt');
    const gone = [...byPrint(before).keys()].filter((k) => !byPrint(after).has(k));
    assert.deepEqual(
      gone.map((k) => byPrint(before).get(k)!.ruleId),
      ['text.artifact'],
    );
    assert.equal(after.length, before.length - 1);
    writeFileSync(join(dir, 'b.txt'), text);
    const other = sarif(dir, 'b.txt');
    assert.ok(other.every((r) => !byPrint(before).has(r.partialFingerprints['nianbao/v1']!)));
    // Checked on workers, each file's findings keep the fingerprints they have checked alone.
    const both = sarif(dir, 'a.txt', 'b.txt');
    assert.deepEqual([...byPrint(both).keys()].sort(), [...byPrint(after).keys(), ...byPrint(other).keys()].sort());
  });
});
