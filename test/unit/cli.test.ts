/** The `nianbao` command as a user runs it: the built bundle, real files, exit codes and outputs. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, displayWidth } from '../../server/src/core';
import { requestsExample } from '../../server/src/core/rules/examples';
import { readReport } from '../../server/src/host/read';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
/** The version, read here as a user reads it (the CLI's copy comes from the same file, bundled). */
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ERRORS = join(ROOT, 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt');
const CLEAN = join(ROOT, 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');

function run(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  // Room for `show --format json` over every example (its PDFs' cells too): more than the default 1 MB.
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NIANBAO_LOCALE: '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** Workers start only from WORKERS_FROM files on: from the first with this, so that they run. */
const workers = { NIANBAO_WORKERS_FROM: '1' };
function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
}

describe('nianbao check', () => {
  it('a clean report: exit 0, nothing listed', () => {
    const r = run(['check', CLEAN]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /检查了 1 个文件（.*）：0 个错误/);
  });

  it('findings at error severity: exit 1, compiler-style lines', () => {
    const r = run(['check', 'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt']);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(
      lines.includes(
        'examples/errors/白沙镇人民政府2023年政府信息公开工作年度报告.txt:375:2 error table.group-total “行政复议·总计”应为 1（1+0+0+0），实为 2 [可修复]',
      ),
      r.out,
    );
    for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+ (error|warning|info|hint) [a-z]+\.[a-z-]+ .+/);
  });

  it('--locale en prints English', () => {
    const r = run(['check', '--locale', 'en', ERRORS]);
    assert.match(r.out, /error table\.group-total “Reconsideration · total” should be 1 \(1\+0\+0\+0\), not 2/);
  });

  it('JSON output: format, year, findings with 1-based lines, UTF-16 columns and offsets, fixes', () => {
    const r = run(['check', '--format', 'json', ERRORS]);
    assert.equal(r.code, 1);
    const [file] = JSON.parse(r.out);
    assert.equal(file.format, '2021');
    assert.equal(file.year, 2023);
    const text = readFileSync(ERRORS, 'utf8');
    const f = file.findings.find((x: { code: string }) => x.code === 'table.group-total');
    assert.deepEqual([f.line, f.column, f.severity], [375, 2, 'error']);
    assert.equal(text.slice(f.offset[0], f.offset[1]), '2');
    assert.deepEqual(f.fix, { range: f.offset, text: '1' });
    const lines = text.split('\n');
    assert.equal(lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1), '2');
  });

  it('--version prints the version in package.json', () => {
    const r = run(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.out, `${VERSION}\n`);
  });

  it('SARIF 2.1.0 output', () => {
    const r = run(['check', '--format', 'sarif', ERRORS]);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'nianbao');
    assert.equal(run0.tool.driver.version, VERSION);
    assert.ok(run0.tool.driver.rules.length >= 18);
    const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'table.group-total');
    assert.equal(res.level, 'error');
    assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'table.group-total');
    assert.deepEqual([res.locations[0].physicalLocation.region.startLine, res.locations[0].physicalLocation.region.startColumn], [375, 2]);
    assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '1');
  });

  it('directories are walked for .txt, .md, .docx, .html, .pdf and .doc, notes beside them skipped', () => {
    const r = run(['check', '--format', 'json', 'examples']);
    const files = JSON.parse(r.out).map((x: { file: string }) => x.file);
    assert.deepEqual(files.length, 14);
    assert.deepEqual(files.filter((f: string) => /\.(docx|html)$/.test(f)).length, 6);
    assert.deepEqual(files.filter((f: string) => /\.(pdf|doc)$/.test(f)).length, 4);
    assert.ok(files.every((f: string) => !/\.(errors|notes)\.md$/.test(f)));
  });

  it('--fix applies the preferred fixes, writes the file and leaves no fixed finding', () => {
    const dir = tmp();
    const file = join(dir, 'report.txt');
    copyFileSync(ERRORS, file);
    const r = run(['check', '--fix', file]);
    assert.match(r.err, /已修复/);
    const after = run(['check', '--format', 'json', file]);
    const codes = JSON.parse(after.out)[0].findings.map((f: { code: string }) => f.code);
    assert.deepEqual(codes, []);
    assert.equal(after.code, 0);
    assert.deepEqual(readdirSync(dir), ['report.txt'], 'no temporary file left behind');
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('[bookmark: _GoBack]'));
    assert.ok(text.includes('五、存在的主要问题及改进情况'));
  });

  it('a .nianbaorc.json beside the report is read; a malformed one is an error', () => {
    const dir = tmp();
    copyFileSync(ERRORS, join(dir, 'r.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'table.group-total': 'off', 'table.row-total': 'warning' } }));
    const codes = JSON.parse(run(['check', '--format', 'json', join(dir, 'r.txt')]).out)[0].findings.map(
      (f: { code: string; severity: string }) => `${f.code}:${f.severity}`,
    );
    assert.ok(!codes.some((c: string) => c.startsWith('table.group-total')));
    assert.ok(codes.includes('table.row-total:warning'));
    writeFileSync(join(dir, '.nianbaorc.json'), '{ "rules": ');
    const bad = run(['check', join(dir, 'r.txt')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /不是有效的 JSON/);
    assert.doesNotMatch(bad.err, /at .+\.js:\d+/, 'no stack trace');
  });

  it('bad input gets a clear message and exit 2, never a stack trace', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'gbk.txt'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2])); // 政府信息 in GBK: read, but not a report
    writeFileSync(join(dir, 'noise.txt'), Buffer.from([0x81, 0x40, 0x82, 0x41, 0x83, 0x42, 0xaa, 0x40, 0xfe, 0x4f]));
    writeFileSync(join(dir, 'notes.txt'), '今天开会，讨论了三件事。\n');
    mkdirSync(join(dir, 'sub'));
    const cases: [string, RegExp][] = [
      ['empty.txt', /文件为空/],
      ['binary.txt', /不是文本文件/],
      ['gbk.txt', /不像政府信息公开工作年度报告/],
      ['noise.txt', /无法识别文本编码/],
      ['notes.txt', /不像政府信息公开工作年度报告/],
      ['missing.txt', /不存在/],
    ];
    for (const [name, re] of cases) {
      const r = run(['check', join(dir, name)]);
      assert.equal(r.code, 2, name);
      assert.match(r.err, re, name);
      assert.doesNotMatch(r.err, /Error:|at .+\.js:\d+/, name);
    }
    assert.equal(run(['check', join(dir, 'sub')]).code, 2, 'a folder with no reports');
  });

  it('usage errors exit 2 with the usage', () => {
    for (const args of [['check'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x'], []]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err + r.out, /用法/);
    }
  });
});

describe('nianbao check over many files', () => {
  // A directory of reports, some with errors: worker threads, results in input order.
  const dir = tmp();
  const sources = [CLEAN, ERRORS, join(ROOT, 'examples/errors/石门街道办事处2022年政府信息公开工作年度报告.txt')];
  for (let i = 0; i < 30; i++) copyFileSync(sources[i % 3]!, join(dir, `r${String(i).padStart(3, '0')}.txt`));

  it('--jobs: the same results, in input order, as one thread', () => {
    const one = run(['check', '--format', 'json', '--jobs', '1', dir]);
    const four = run(['check', '--format', 'json', '--jobs', '4', dir], ROOT, workers);
    // Below the threshold, --jobs 4 checks on the main thread: the same output again.
    assert.equal(run(['check', '--format', 'json', '--jobs', '4', dir]).out, one.out);
    assert.equal(four.code, 1);
    assert.equal(four.out, one.out);
    const files = JSON.parse(four.out).map((x: { file: string }) => x.file.split('/').pop());
    assert.deepEqual(files, [...files].sort());
    assert.equal(files.length, 30);
  });

  it('--format csv: a header and one row per finding, quoted where needed, with a BOM for spreadsheets', () => {
    const r = run(['check', '--format', 'csv', ERRORS]);
    const lines = r.out.split('\r\n').filter(Boolean);
    assert.equal(lines[0], '\ufefffile,line,column,endLine,endColumn,severity,code,message,format,year,fixable');
    const json = JSON.parse(run(['check', '--format', 'json', ERRORS]).out)[0];
    assert.equal(lines.length - 1, json.findings.length);
    assert.ok(lines.some((l) => l.includes(',375,2,375,3,error,table.group-total,')));
  });

  it('--summary: per-rule counts and the worst files; no progress bar when piped', () => {
    const r = run(['check', '--summary', dir]);
    assert.match(r.out, /按规则统计/);
    assert.match(r.out, /table\.group-total\s+10 error\s+0 warning\s+0 note/);
    assert.match(r.out, /text\.artifact\s+0 error\s+20 warning/);
    assert.match(r.out, /问题最多的文件 \/ worst files:\n\s+4 error\s+2 warning\s+\S+r001\.txt/);
    assert.doesNotMatch(r.err, /\r\[/, 'no progress bar when not on a terminal');
  });
});

describe('nianbao rules / new', () => {
  it('lists the rules', () => {
    const r = run(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.out, /table\.row-total\s+error\s+fix/);
  });
  it('prints a template in the format of the year, which parses to six sections and three tables', () => {
    const dir = tmp();
    for (const [year, has] of [
      [2020, '本年新制作数量'],
      [2023, '本年制发件数'],
    ] as const) {
      const r = run(['new', '--year', String(year), '--body', '某某局']);
      assert.equal(r.code, 0);
      assert.ok(r.out.includes(has));
      assert.ok(r.out.startsWith(`某某局${year}年政府信息公开工作年度报告`));
      writeFileSync(join(dir, `t${year}.txt`), r.out);
      const j = JSON.parse(run(['check', '--format', 'json', join(dir, `t${year}.txt`)]).out)[0];
      assert.equal(j.year, year);
      assert.equal(j.format, year >= 2021 ? '2021' : '2019');
      const codes = new Set(j.findings.map((f: { code: string }) => f.code));
      assert.deepEqual([...codes], ['table.empty'], 'only the tables to fill in');
      assert.equal(j.findings.length, 3, 'one hint per table, not one per cell');
    }
  });
});

/** 表三 alone, with a row of 4 numbers for 7 columns: a table read with uncertainty, whose sums are not checked. */
const UNSURE = requestsExample({}).replace(/（二）部分公开(.*?)(\t0)+\n/, '（二）部分公开$1\n17\n23\n27\n11\n');

describe('tables not checked (read with uncertainty)', () => {
  const dir = tmp();
  const unsure = join(dir, 'unsure.txt');
  writeFileSync(unsure, UNSURE);

  it('check --format json: each file counts its tables and those not checked', () => {
    assert.ok(UNSURE.includes('\n17\n23\n27\n11\n'));
    const [u, c] = JSON.parse(run(['check', '--format', 'json', unsure, CLEAN]).out);
    assert.deepEqual([u.tables, u.tablesNotChecked], [1, 1]);
    assert.ok(u.findings.some((f: { code: string }) => f.code === 'table.unreadable'));
    assert.deepEqual([c.tables, c.tablesNotChecked], [3, 0]);
  });

  it('--summary names them, in Chinese and English; the last line counts them', () => {
    const zh = run(['check', '--summary', unsure, CLEAN]);
    assert.match(zh.out, /识别不确定、未核对的表格 \/ tables not checked: 1（共 4 张，1 个文件）\n\s+1 张表\s+\S*unsure\.txt\n/);
    assert.match(zh.err, /1 张表识别不确定、未核对/);
    const en = run(['check', '--summary', '--locale', 'en', unsure, CLEAN]);
    assert.match(en.out, /Tables not checked \(read with uncertainty\): 1 of 4, in 1 file\(s\)\n\s+1 table\(s\)\s+\S*unsure\.txt\n/);
    const none = run(['check', '--summary', CLEAN]);
    assert.match(none.out, /tables not checked: 0（共 3 张，0 个文件）\n$/);
    assert.doesNotMatch(none.err, /未核对/);
  });

  it('the counts cross the worker threads and are added up', () => {
    const many = tmp();
    for (let i = 0; i < 24; i++) {
      const name = join(many, `r${String(i).padStart(2, '0')}.txt`);
      if (i % 3 === 0) writeFileSync(name, UNSURE);
      else copyFileSync(CLEAN, name);
    }
    const r = run(['check', '--summary', '--jobs', '4', many], ROOT, workers);
    assert.match(r.out, /tables not checked: 8（共 56 张，8 个文件）/);
    const files = [...r.out.matchAll(/^\s+1 张表\s+(\S+)$/gm)].map((m) => m[1]!.split('/').pop());
    assert.deepEqual(files, ['r00.txt', 'r03.txt', 'r06.txt', 'r09.txt', 'r12.txt', 'r15.txt', 'r18.txt', 'r21.txt']);
    const json = JSON.parse(run(['check', '--format', 'json', '--jobs', '4', many], ROOT, workers).out);
    assert.deepEqual(
      json.map((f: { tablesNotChecked: number }) => f.tablesNotChecked),
      Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    );
  });

  it('SARIF: the property bag of the run holds the totals', () => {
    const sarif = JSON.parse(run(['check', '--format', 'sarif', unsure, CLEAN]).out);
    assert.deepEqual(sarif.runs[0].properties, { tables: 4, tablesNotChecked: 1 });
    assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'table.unreadable'));
    const clean = JSON.parse(run(['check', '--format', 'sarif', CLEAN]).out);
    assert.deepEqual(clean.runs[0].results, []);
    assert.deepEqual(clean.runs[0].properties, { tables: 3, tablesNotChecked: 0 });
  });
});

/** The report files under a folder as a user would list them: *.txt and *.md, recursively, not the notes beside them. */
function reportsUnder(dir: string): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => /\.(txt|md|docx|html|pdf|doc)$/.test(f) && !/\.(errors|notes)\.md$/.test(f))
    .map((f) => `${dir}/${f.split('\\').join('/')}`)
    .sort();
}

/** A line cut into fields of the given display widths, two spaces apart (a Han character is two columns). */
function fields(line: string, widths: number[]): string[] {
  const out: string[] = [];
  const chars = [...line];
  let at = 0;
  for (const w of widths) {
    let s = '';
    let used = 0;
    while (at < chars.length && used < w) {
      s += chars[at]!;
      used += displayWidth(chars[at]!);
      at++;
    }
    out.push(s.trim());
    at += 2;
  }
  return out;
}

describe('nianbao show', () => {
  for (const dir of ['examples', 'test/fixtures/layouts']) {
    it(`--format json over ${dir}: one array, version 1, every report with the tables the core reads`, () => {
      const files = reportsUnder(dir);
      assert.ok(files.length >= 4, files.join());
      const r = run(['show', '--format', 'json', dir]);
      assert.equal(r.code, 0, r.err);
      const shown = JSON.parse(r.out) as { version: number; file: string; tables: { id: string; blocks: { rows: unknown[] }[] }[] }[];
      assert.deepEqual(shown.map((s) => s.file).sort(), files);
      for (const s of shown) {
        assert.equal(s.version, 1, s.file);
        const read = readReport(join(ROOT, s.file));
        assert.ok(!('error' in read), s.file);
        const report = check(read.text).report;
        assert.deepEqual(
          s.tables.map((t) => t.id),
          report.tables.map((t) => t.decl.id),
          s.file,
        );
        assert.ok(s.tables.length >= 1, s.file);
      }
    });
  }

  it('text: row and column names in aligned grids, files a blank line apart', () => {
    const r = run(['show', 'examples']);
    assert.equal(r.code, 0, r.err);
    const shown = JSON.parse(run(['show', '--format', 'json', 'examples']).out);
    const files = shown.map((s: { file: string }) => s.file);
    // Each file starts with its name after a blank line (the first at the top).
    const lines = r.out.split('\n');
    assert.equal(lines[0], files[0]);
    for (const f of files.slice(1)) assert.equal(lines[lines.indexOf(f) - 1], '', f);
    for (const s of shown)
      for (const t of s.tables)
        for (const b of t.blocks)
          for (const row of b.rows) {
            assert.ok(r.out.includes(row.label), row.label);
            for (const c of row.cells) assert.ok(r.out.includes(c.header.split('·').pop()), c.header);
          }
    // Every grid: the rows as wide as the rule under the header, the 表三 cells under their names.
    let grids = 0;
    for (let k = 1; k < lines.length; k++) {
      const rule = lines[k]!;
      if (!/^-+( +-+)*$/.test(rule)) continue;
      grids++;
      const widths = rule.split('  ').map((d) => d.length);
      const header = fields(lines[k - 1]!, widths);
      assert.equal(displayWidth(lines[k - 1]!), displayWidth(rule), lines[k - 1]);
      for (let j = k + 1; j < lines.length && lines[j] && !/^(缺少的行|missing rows)/.test(lines[j]!); j++) {
        assert.ok(displayWidth(lines[j]!) <= displayWidth(rule), lines[j]);
        if (header[1] === '自然人') {
          const row = fields(lines[j]!, widths);
          assert.match(row[1]!, /^\d+[!?~]*$/, lines[j]);
          assert.equal(displayWidth(lines[j]!), displayWidth(rule), `${lines[j]}: the last column ends under its name`);
        }
      }
    }
    assert.ok(grids >= 4 * 6, `grids: ${grids}`);
    // 表三's columns by name, as the header cuts them.
    const k = lines.findIndex((l) => l.includes('自然人'));
    assert.deepEqual(
      fields(
        lines[k]!,
        lines[k + 1]!.split('  ').map((d) => d.length),
      ),
      ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    );
  });

  it('--locale en names rows and columns in English', () => {
    const r = run(['show', '--locale', 'en', CLEAN]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^format 2021 · year 2022 · sections 1 2 3 4 5 6$/m);
    assert.doesNotMatch(r.out, /自然人/);
  });

  it('an uncertain table is marked as not checked', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'unsure.txt'), UNSURE);
    const [s] = JSON.parse(run(['show', '--format', 'json', join(dir, 'unsure.txt')]).out);
    assert.equal(s.tables[0].confidence, 'uncertain');
    assert.match(run(['show', join(dir, 'unsure.txt')]).out, /识别不确定，未核对/);
  });

  it('the config that applies is used: a forced format', () => {
    const dir = tmp();
    copyFileSync(CLEAN, join(dir, 'r.txt'));
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ format: '2019' }));
    assert.equal(JSON.parse(run(['show', '--format', 'json', join(dir, 'r.txt')]).out)[0].format, '2019');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: '2021' }));
    const forced = JSON.parse(run(['show', '--format', 'json', '--config', join(dir, 'other.json'), join(dir, 'r.txt')]).out);
    assert.equal(forced[0].format, '2021');
    writeFileSync(join(dir, '.nianbaorc.json'), '{');
    const bad = run(['show', join(dir, 'r.txt')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /不是有效的 JSON/);
  });

  it('files that cannot be shown: said on stderr, exit 2, the others still shown; usage errors exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), '今天开会，讨论了三件事。\n');
    copyFileSync(CLEAN, join(dir, 'r.txt'));
    const r = run(['show', '--format', 'json', dir, join(dir, 'missing.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /notes\.txt: 不像政府信息公开工作年度报告/);
    assert.match(r.err, /missing\.txt: 文件或目录不存在/);
    assert.deepEqual(
      JSON.parse(r.out).map((s: { file: string }) => s.file.split('/').pop()),
      ['r.txt'],
    );
    assert.equal(JSON.parse(run(['show', '--format', 'json', join(dir, 'notes.txt')]).out).length, 0);
    for (const args of [['show'], ['show', '--format', 'sarif', CLEAN], ['show', '--fix', CLEAN], ['show', '--jobs', '2', CLEAN]]) {
      const u = run(args);
      assert.equal(u.code, 2, args.join(' '));
      assert.match(u.err, /用法/);
    }
    assert.match(run(['--help']).out, /nianbao show \[--format text\|json\]/);
  });
});
