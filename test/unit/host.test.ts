/** The host layer the CLI and the server share: the file walker, the reader and the config lookup. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigLookup } from '../../server/src/host/config';
import { findReportFiles, type FileError } from '../../server/src/host/files';
import { MAX_FILE_BYTES, readReport } from '../../server/src/host/read';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-host-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), body);
  }
  return root;
}

describe('host: findReportFiles', () => {
  const root = tree({
    'b.txt': 'x',
    'a.md': 'x',
    'A.markdown': 'x',
    'c.nianbao': 'x',
    'image.png': 'x',
    'r.errors.md': 'x',
    'r.notes.md': 'x',
    '.hidden/h.txt': 'x',
    '.dot.txt': 'x',
    'node_modules/m.txt': 'x',
    'sub/z.txt': 'x',
    'sub/deeper/y.md': 'x',
  });
  const rel = (files: string[]) => files.map((f) => relative(root, f).split('\\').join('/'));

  it('a stable order, depth first; no hidden entries, node_modules, other extensions or notes beside reports', () => {
    assert.deepEqual(rel(findReportFiles([root])), ['A.markdown', 'a.md', 'b.txt', 'c.nianbao', 'sub/deeper/y.md', 'sub/z.txt']);
  });

  it('a file named is taken as it is (a note too); a limit stops the walk', () => {
    assert.deepEqual(rel(findReportFiles([join(root, 'r.notes.md'), join(root, 'image.png')])), ['r.notes.md', 'image.png']);
    assert.deepEqual(rel(findReportFiles([root], { limit: 2 })), ['A.markdown', 'a.md']);
  });

  it('paths that cannot be read: reported when asked, passed over otherwise', () => {
    const errors: FileError[] = [];
    assert.deepEqual(findReportFiles([join(root, 'missing')], { errors }), []);
    assert.deepEqual(errors, [{ file: join(root, 'missing'), message: '文件或目录不存在 / no such file or directory' }]);
    assert.deepEqual(findReportFiles([join(root, 'missing')]), []);
  });
});

describe('host: readReport', () => {
  const root = tree({
    'ok.txt': '\ufeff年报\r\n',
    'empty.txt': '',
    'blank.txt': ' \n\u3000\t\n',
    'binary.txt': Buffer.from([0x41, 0, 0x42]),
    'gbk.txt': Buffer.from([0xc4, 0xea, 0xb1, 0xa8]),
    // Valid GB18030 bytes, but rare characters and symbols: not Chinese text.
    'noise.txt': Buffer.from([0x81, 0x40, 0x82, 0x41, 0x83, 0x42, 0xaa, 0x40, 0xfe, 0x4f]),
    'big.txt': '',
  });
  truncateSync(join(root, 'big.txt'), MAX_FILE_BYTES + 1);

  it('UTF-8 text, without its byte order mark, and its size in bytes', () => {
    assert.deepEqual(readReport(join(root, 'ok.txt')), { text: '年报\r\n', bytes: 11, kind: 'text', encoding: 'utf-8' });
  });

  it('GBK text is read as GB18030, and says so', () => {
    assert.deepEqual(readReport(join(root, 'gbk.txt')), { text: '年报', bytes: 4, kind: 'text', encoding: 'gb18030' });
  });

  it('says why a file cannot be checked, in both languages', () => {
    const cases: [string, RegExp][] = [
      ['empty.txt', /^文件为空 \/ the file is empty$/],
      ['blank.txt', /^文件只有空白 \/ the file holds only white space$/],
      ['binary.txt', /^不是文本文件（含二进制内容）\/ not a text file/],
      ['noise.txt', /^无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030\/GBK 中文文本）/],
      ['big.txt', /^文件过大（64 MB，上限 64 MB）\/ file too large$/],
      ['missing.txt', /^文件或目录不存在/],
    ];
    for (const [name, message] of cases) {
      const r = readReport(join(root, name));
      assert.ok('error' in r, name);
      assert.match(r.error, message, name);
    }
  });
});

describe('host: ConfigLookup', () => {
  it('the nearest .nianbaorc.json above the file, cached per directory until cleared', () => {
    const files: Record<string, string> = { '/w/.nianbaorc.json': '{ "format": "2021" }' };
    let reads = 0;
    const lookup = new ConfigLookup((p) => {
      reads++;
      return files[p] ?? null;
    });
    assert.equal(lookup.forFile('/w/a/b/report.txt').config?.format, '2021');
    const before = reads;
    assert.equal(lookup.forFile('/w/a/other.txt').config?.format, '2021');
    assert.equal(reads, before, 'answered from the cache');
    files['/w/a/.nianbaorc.json'] = '{ "format": "2019" }';
    assert.equal(lookup.forFile('/w/a/other.txt').config?.format, '2021', 'until cleared');
    lookup.clear();
    assert.equal(lookup.forFile('/w/a/other.txt').config?.format, '2019');
  });
});
