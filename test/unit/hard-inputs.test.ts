/**
 * Hard inputs (issue 6): whatever is pasted, the core finishes. Not a performance test: nothing
 * here asserts a duration (a busy machine must not fail CI; speed is `npm run bench`'s); the
 * figures are printed as test diagnostics, and a hang is caught by the suite's generous timeout. Measured on a loaded 2-core VM:
 * 20 MB of reports and logs 0.8–1.6 s; a 1 MB single line 0.2–0.8 s (it took 1 s, and 2 MB 4 s,
 * 20 MB of table rows without headings would have taken half an hour, before label alignment
 * stopped being quadratic: see test/property/labels.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { check } from '../../server/src/core';
import { read, ROOT } from '../helpers';
import { findingProblems } from '../property/invariants';

const REPORT = read('test/fixtures/layouts/tabs-2021.txt');
const CELLS = read('test/fixtures/layouts/cell-per-line-2019.txt');

function logLines(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const l = `2024-01-0${(i % 9) + 1} 12:00:${String(i % 60).padStart(2, '0')} INFO [worker-${i % 7}] request ${i} handled in ${i % 97}ms\tstatus=200\t${i % 10}\n`;
    out.push(l);
    n += l.length;
  }
  return out.join('');
}

function timedCheck(t: TestContext, name: string, text: string) {
  const t0 = performance.now();
  const r = check(text);
  const ms = performance.now() - t0;
  t.diagnostic(`${name}: ${(text.length / 1e6).toFixed(1)} M chars in ${ms.toFixed(0)} ms, ${r.findings.length} findings`);
  assert.deepEqual(findingProblems(text, r.findings).slice(0, 5), []);
  return r;
}

describe('hard inputs: the core finishes', { timeout: 600_000 }, () => {
  it('20 MB: reports pasted over and over, with logs between them', (t) => {
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < 20_000_000; i++) {
      const p = i % 3 === 0 ? logLines(200_000) : i % 3 === 1 ? REPORT : CELLS;
      parts.push(p);
      n += p.length;
    }
    timedCheck(t, '20 MB of reports and logs', parts.join('\n'));
  });

  it('1 MB on a single line', (t) => {
    const line = REPORT.replace(/\r?\n/g, ' ');
    timedCheck(t, '1 MB single line (a report, line breaks as spaces)', line.repeat(Math.ceil(1_000_000 / line.length)));
    const tabs = REPORT.replace(/\r?\n/g, '\t');
    timedCheck(t, '1 MB single line (tabs)', tabs.repeat(Math.ceil(1_000_000 / tabs.length)));
    timedCheck(t, '1 MB single line of digits and spaces', '1 0 23 4\t'.repeat(111_112));
  });

  it('a long run of one character, and of line breaks', (t) => {
    timedCheck(t, '1 M "一"', '一'.repeat(1_000_000));
    timedCheck(t, '1 M line breaks', '\n'.repeat(1_000_000));
    timedCheck(t, '500 K CR LF', '\r\n'.repeat(500_000));
  });
});

describe('hard inputs: the CLI says what is wrong, exit 2', () => {
  const CLI = join(ROOT, 'server/out/cli.js');
  const run = (file: string) => spawnSync(process.execPath, [CLI, 'check', file], { encoding: 'utf8', env: { ...process.env, NIANBAO_LOCALE: '' } });

  it('bytes that are not text in any encoding nianbao reads (no NUL among them); UTF-16 with a BOM is read as its UTF-8 twin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-hard-'));
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 7919) % 255);
    writeFileSync(join(dir, 'noise.txt'), bytes);
    writeFileSync(join(dir, 'utf8.txt'), REPORT);
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
    const noise = run(join(dir, 'noise.txt'));
    assert.equal(noise.status, 2, noise.stdout + noise.stderr);
    assert.match(noise.stderr, /无法识别文本编码|不是文本文件/);
    const utf8 = run(join(dir, 'utf8.txt'));
    const utf16 = run(join(dir, 'utf16.txt'));
    assert.equal(utf16.status, utf8.status);
    assert.equal(utf16.stdout.replaceAll('utf16.txt', 'utf8.txt'), utf8.stdout);
    assert.match(utf16.stderr, /按 UTF-16LE 编码读取/);
  });
});
