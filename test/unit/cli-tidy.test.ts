/** `nianbao tidy` and `nianbao import` as a user runs them: the built bundle, real files, exit codes, messages. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, tidy } from '../../server/src/core';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'server/out/cli.js');
const FLAT = join(ROOT, 'test/shapes/fixtures/flat/000.txt');
const MD = join(ROOT, 'examples/云岭市桐溪区人民政府办公室2021年政府信息公开工作年度报告.md');
const CLEAN = join(ROOT, 'examples/青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');
/** The clean report with one row short of a number: its 表三 is read with uncertainty, so kept as written. */
const UNSURE = readFileSync(CLEAN, 'utf8').replace('\t（一）予以公开\t10\t5\t0\t1\t1\t1\t18', '\t（一）予以公开\t10\t5\t1\t1\t1\t18');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NIANBAO_LOCALE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-tidy-'));

describe('nianbao tidy', () => {
  it('one file: the tidied text on stdout, what was done on stderr, the file untouched', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'unsure.txt'), UNSURE);
    const r = run(['tidy', 'unsure.txt'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, tidy(UNSURE).text);
    assert.equal(r.err, 'unsure.txt: 已整理（2 张表重排为标准格式，1 张表保持原样）\n');
    assert.equal(readFileSync(join(dir, 'unsure.txt'), 'utf8'), UNSURE);
    const en = run(['tidy', '--locale', 'en', 'unsure.txt'], dir);
    assert.equal(en.err, 'unsure.txt: tidied (2 table(s) in the standard layout, 1 kept as written)\n');
  });

  it('several files without --write: exit 2, saying to add --write', () => {
    const r = run(['tidy', FLAT, CLEAN]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /整理多个文件时请加 --write/);
  });

  it('--write: rewrites the files in place, says which changed; a second run changes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), UNSURE);
    copyFileSync(MD, join(dir, 'b.md'));
    const r = run(['tidy', '--write', '.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trim().split('\n'), ['a.txt: 已整理（2 张表重排为标准格式，1 张表保持原样）', 'b.md: 已整理（3 张表重排为标准格式）']);
    const a = readFileSync(join(dir, 'a.txt'), 'utf8');
    assert.equal(a, tidy(UNSURE).text);
    // The rewritten report checks the same.
    assert.deepEqual(
      check(a)
        .findings.map((f) => f.rule)
        .sort(),
      check(UNSURE)
        .findings.map((f) => f.rule)
        .sort(),
    );
    const again = run(['tidy', '--write', '.'], dir);
    assert.equal(again.code, 0);
    assert.deepEqual(again.out.trim().split('\n'), ['a.txt: 无需整理（1 张表保持原样）', 'b.md: 无需整理']);
    assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), a);
  });

  it('--write rewrites plain text only: a Word document or a web page is left alone, pointing to import', () => {
    const dir = tmp();
    const bytes = Buffer.from('PK\u0003\u0004 not really a document');
    writeFileSync(join(dir, '年报.docx'), bytes);
    const r = run(['tidy', '--write', '年报.docx'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /年报\.docx: 不是纯文本文件，不能就地改写；请用 nianbao import 转为 \.txt/);
    assert.deepEqual(readFileSync(join(dir, '年报.docx')), bytes);
  });

  it('a file that cannot be read or is not a report: exit 2 with the reason, nothing written', () => {
    const dir = tmp();
    // A report in GB18030 is read, but rewriting it in place would change its encoding.
    const example = readFileSync(join(__dirname, '..', '..', 'examples', '青禾县市场监督管理局2022年政府信息公开工作年度报告.txt'), 'utf8');
    const gbkBytes = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: example }).stdout;
    assert.ok(gbkBytes.length > 1000, 'iconv (libc) encodes the example as GB18030');
    writeFileSync(join(dir, 'gbk.txt'), gbkBytes);
    writeFileSync(join(dir, 'note.txt'), '会议纪要\n今天开会。\n');
    const gbk = run(['tidy', '--write', 'gbk.txt'], dir);
    assert.equal(gbk.code, 2);
    assert.match(gbk.err, /gbk\.txt: 不是 UTF-8 编码的文本（gb18030），不能就地改写/);
    assert.deepEqual(readFileSync(join(dir, 'gbk.txt')), gbkBytes, 'left as it was');
    const note = run(['tidy', 'note.txt'], dir);
    assert.equal(note.code, 2);
    assert.match(note.err, /不像政府信息公开工作年度报告/);
    assert.equal(readFileSync(join(dir, 'note.txt'), 'utf8'), '会议纪要\n今天开会。\n');
    const missing = run(['tidy', 'nope.txt'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.txt: 文件或目录不存在/);
  });
});

describe('nianbao import', () => {
  it('writes FILE as .txt, tidied; refuses to overwrite it without --force (exit 2), overwrites with it', () => {
    const dir = tmp();
    copyFileSync(MD, join(dir, '年报.md'));
    const r = run(['import', '年报.md'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /年报\.md → 年报\.txt：已整理/);
    const out = readFileSync(join(dir, '年报.txt'), 'utf8');
    assert.equal(out, tidy(readFileSync(MD, 'utf8')).text);

    writeFileSync(join(dir, '年报.txt'), '我的修改');
    const refused = run(['import', '年报.md'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /年报\.txt 已存在，未覆盖；要覆盖请加 --force/);
    assert.equal(readFileSync(join(dir, '年报.txt'), 'utf8'), '我的修改', 'the existing file is left alone');

    const forced = run(['import', '年报.md', '--force'], dir);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(readFileSync(join(dir, '年报.txt'), 'utf8'), out);
  });

  it('-o names the output; a text file imported onto itself needs --force', () => {
    const dir = tmp();
    copyFileSync(FLAT, join(dir, 'flat.txt'));
    const onto = run(['import', 'flat.txt'], dir);
    assert.equal(onto.code, 2);
    assert.match(onto.err, /flat\.txt 已存在/);
    const r = run(['import', 'flat.txt', '-o', 'clean.txt'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(join(dir, 'clean.txt'), 'utf8'), tidy(readFileSync(FLAT, 'utf8')).text);
  });

  it('an unreadable file: exit 2 with the reason, no output file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.md'), '');
    const r = run(['import', 'empty.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /empty\.md: 文件为空/);
    assert.ok(!existsSync(join(dir, 'empty.txt')));
    const usage = run(['import', 'a.md', 'b.md'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /import 一次导入一个文件/);
  });
});
