/**
 * `nianbao check DIR` over several years of one body's reports (and another body's): every
 * carry-over and stock break between consecutive years on the right cell, with last year's place,
 * and nothing on consistent pairs, across bodies, or across a missing year.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sampleReport } from '../../server/src/core/crossyear/sample';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
function run(args: string[], cwd: string) {
  // Worker threads from the first file on (--jobs 2 below: the index and check passes on workers).
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIANBAO_LOCALE: '', NIANBAO_WORKERS_FROM: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** "line:column" (1-based) of the k-th cell on the line that starts with `label` in a file. */
function at(dir: string, file: string, label: string, k: number): string {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(label) && l.includes('\t'));
  const cells = lines[i]!.split('\t');
  return `${i + 1}:${cells.slice(0, k).join('\t').length + 2}`;
}

const GOV = '云岭市桐溪区人民政府';
const name = (body: string, year: number) => `${body}${year}年政府信息公开工作年度报告.txt`;

/** A folder: 桐溪区 2019–2022 (2021's 二 breaks from 2020's 四; 2022's stock breaks), its office 2021–2022 (consistent; its 二 would break against the government's), a 2024 report after a gap, and 2022 twice (.txt and .md). */
function series(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-crossyear-'));
  const put = (file: string, text: string) => writeFileSync(join(dir, file), text);
  put(name(GOV, 2019), sampleReport(2019, GOV, { carryover: 2, active: { 规章: [1, 1, 3], 规范性文件: [2, 2, 18], 行政许可: [10, '+2', 5] } }));
  put(name(GOV, 2020), sampleReport(2020, GOV, { carried: 2, carryover: 4, active: { 规章: [0, 0, 3], 规范性文件: [1, 1, 19], 行政许可: [12, '0', 5] } }));
  put(name(GOV, 2021), sampleReport(2021, GOV, { carried: 3, carryover: 1, active: { 规章: [0, 0, 3], 行政规范性文件: [2, 0, 21] } }));
  const y2022 = sampleReport(2022, GOV, { carried: 1, carryover: 0, active: { 规章: [0, 0, 3], 行政规范性文件: [2, 1, 25] } });
  put(name(GOV, 2022), y2022);
  put(name(GOV, 2022).replace('.txt', '.md'), y2022);
  put(name(GOV, 2024), sampleReport(2024, GOV, { carried: 7 }));
  const office = `${GOV}办公室`;
  mkdirSync(join(dir, 'office'));
  put(join('office', name(office, 2021)), sampleReport(2021, office, { carryover: 6, active: { 规章: [0, 0, 0], 行政规范性文件: [1, 0, 1] } }));
  put(join('office', name(office, 2022)), sampleReport(2022, office, { carried: 6, active: { 规章: [0, 0, 0], 行政规范性文件: [0, 0, 1] } }));
  return dir;
}

describe('nianbao check DIR: year over year', () => {
  it('every break between consecutive years, on this year’s cell, with last year’s place under it', () => {
    const dir = series();
    const r = run(['check', '--no-progress', '--jobs', '2', '.'], dir);
    // The office's 二 (6) would break against the government's 2021 四 (1): bodies differ, nothing is said.
    assert.doesNotMatch(r.out, /办公室2022[^\n]*crossyear/);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.split('\n').filter((l) => /crossyear\.|^ {2}上年：/.test(l));
    const md = name(GOV, 2022).replace('.txt', '.md');
    assert.deepEqual(lines, [
      `${name(GOV, 2021)}:${at(dir, name(GOV, 2021), '二、上年结转', 1)} error crossyear.carryover 上年结转（自然人）为 3，而2020年报告（${name(GOV, 2020)}）结转下年度继续办理为 4`,
      `  上年：${name(GOV, 2020)}:${at(dir, name(GOV, 2020), '四、结转下年度', 1)}`,
      `${name(GOV, 2021)}:${at(dir, name(GOV, 2021), '二、上年结转', 7)} error crossyear.carryover 上年结转（总计）为 3，而2020年报告（${name(GOV, 2020)}）结转下年度继续办理为 4`,
      `  上年：${name(GOV, 2020)}:${at(dir, name(GOV, 2020), '四、结转下年度', 7)}`,
      // 2022 in two files (.md, .txt): each is checked; as last year's report they count once.
      `${md}:${at(dir, md, '行政规范性文件', 3)} warning crossyear.stock 规范性文件现行有效件数为 25，按2021年报告（${name(GOV, 2021)}）应为 21 + 本年制发 2 − 本年废止 1 = 22`,
      `  上年：${name(GOV, 2021)}:${at(dir, name(GOV, 2021), '行政规范性文件', 3)}`,
      `${name(GOV, 2022)}:${at(dir, name(GOV, 2022), '行政规范性文件', 3)} warning crossyear.stock 规范性文件现行有效件数为 25，按2021年报告（${name(GOV, 2021)}）应为 21 + 本年制发 2 − 本年废止 1 = 22`,
      `  上年：${name(GOV, 2021)}:${at(dir, name(GOV, 2021), '行政规范性文件', 3)}`,
      `${name(GOV, 2024)}:1:1 info crossyear.gap 未找到2023年的报告，不与2022年报告（${md}）比较结转和存量`,
    ]);
  });

  it('--previous LAST THIS pairs two files by hand (a renamed body); JSON gains related, SARIF relatedLocations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-crossyear-'));
    writeFileSync(join(dir, 'old.txt'), sampleReport(2021, '青禾县工商行政管理局', { carryover: 2 }));
    writeFileSync(join(dir, 'new.txt'), sampleReport(2022, '青禾县市场监督管理局', { carried: 1 }));
    // Different names: not paired without help.
    assert.doesNotMatch(run(['check', '--no-progress', '.'], dir).out, /crossyear/);
    const json = run(['check', '--format', 'json', '--previous', 'old.txt', 'new.txt'], dir);
    assert.equal(json.code, 1, json.err);
    const files = JSON.parse(json.out) as { file: string; findings: { code: string; related?: Record<string, unknown>[] }[] }[];
    assert.deepEqual(
      files.map((f) => f.file),
      ['new.txt'],
    );
    const carry = files[0]!.findings.filter((f) => f.code === 'crossyear.carryover');
    assert.equal(carry.length, 2);
    const [line, column] = at(dir, 'old.txt', '四、结转下年度', 1).split(':').map(Number);
    const rel = carry[0]!.related!;
    assert.equal(rel.length, 1);
    assert.deepEqual(
      { ...rel[0]!, offset: undefined },
      {
        file: 'old.txt',
        message: '2021年报告：四、结转下年度继续办理（自然人）',
        line,
        column,
        endLine: line,
        endColumn: column! + 1,
        offset: undefined,
      },
    );
    const sarif = JSON.parse(run(['check', '--format', 'sarif', '--previous', 'old.txt', 'new.txt'], dir).out) as {
      runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === 'crossyear.carryover')!;
    assert.equal(result.relatedLocations![0]!.physicalLocation.artifactLocation.uri, 'old.txt');
    writeFileSync(join(dir, 'notes.txt'), '会议记录\n');
    const unread = run(['check', '--no-progress', '--previous', 'notes.txt', 'new.txt'], dir);
    assert.match(unread.err, /notes\.txt: 无法读取或不像年度报告，未与之对照/);
    assert.doesNotMatch(unread.out, /crossyear/);
    const usage = run(['check', '--previous', 'old.txt', 'new.txt', 'old.txt'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--previous/);
  });

  it('.nianbaorc.json pairs, relative to the config file, across folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-crossyear-'));
    mkdirSync(join(dir, '2021'));
    mkdirSync(join(dir, '2022'));
    writeFileSync(join(dir, '2021', 'a.txt'), sampleReport(2021, '青禾县工商行政管理局', { carryover: 2 }));
    writeFileSync(join(dir, '2022', 'b.txt'), sampleReport(2022, '青禾县市场监督管理局', { carried: 1 }));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ pairs: [['2021/a.txt', '2022/b.txt']] }));
    const r = run(['check', '--no-progress', '.'], dir);
    assert.match(
      r.out,
      /^2022\/b\.txt:\d+:\d+ error crossyear\.carryover 上年结转（自然人）为 1，而2021年报告（a\.txt）结转下年度继续办理为 2\n {2}上年：2021\/a\.txt:\d+:\d+$/m,
    );
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ pairs: ['2021/a.txt'] }));
    const bad = run(['check', '--no-progress', '.'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /"pairs" 应为/);
  });
});
