/** Finding, reading and writing report files; the config that applies to each. */
import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, defaultConfig, parseConfig, type Config } from '../core';

const EXTENSIONS = ['.txt', '.md', '.markdown', '.nianbao'];
const MAX_BYTES = 64 * 1024 * 1024;

export interface FileError {
  file: string;
  message: string;
}

export function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件或目录不存在 / no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限 / permission denied';
  if (code === 'EISDIR') return '是目录 / is a directory';
  return `无法读取 / cannot read (${code ?? (e as Error).message})`;
}

/** Files to check under the given paths, in a stable order (notes beside the reports left out). */
export function collectFiles(paths: string[], errors: FileError[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ file: dir, message: ioMessage(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) && !/\.(errors|notes)\.md$/.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({ file: p, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** The buffer files are read into, kept from one file to the next (fresh memory is slow to touch). */
let readBuf = Buffer.allocUnsafeSlow(1 << 16);

/** Reads a report as UTF-8 text, or says plainly why it cannot. */
export function readReport(file: string): { text: string; bytes: number } | { error: string } {
  let length = 0;
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_BYTES) return { error: `文件过大（${Math.round(size / 1048576)} MB，上限 64 MB）/ file too large` };
    // Room for the whole file and one byte more, so that its end is read without growing.
    if (readBuf.length <= size) readBuf = Buffer.allocUnsafeSlow(Math.max(2 * readBuf.length, size + 1));
    // Read to the end (a file may grow while it is read), never past the limit.
    for (;;) {
      if (length === readBuf.length) {
        if (length > MAX_BYTES) return { error: `文件过大（上限 64 MB）/ file too large` };
        const bigger = Buffer.allocUnsafeSlow(2 * readBuf.length);
        readBuf.copy(bigger, 0, 0, length);
        readBuf = bigger;
      }
      const n = readSync(fd, readBuf, length, readBuf.length - length, null);
      if (n === 0) break;
      length += n;
    }
  } catch (e) {
    return { error: ioMessage(e) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const buf = readBuf.subarray(0, length);
  if (buf.length === 0) return { error: '文件为空 / the file is empty' };
  if (buf.includes(0)) return { error: '不是文本文件（含二进制内容）/ not a text file (binary content)' };
  if (!isUtf8(buf)) return { error: '不是 UTF-8 编码的文本（可能是 GBK），请另存为 UTF-8 / not UTF-8 text (GBK?): save it as UTF-8' };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Only white space (what trim() removes), found without copying the text.
  if (!/\S/.test(text)) return { error: '文件只有空白 / the file holds only white space' };
  return { text, bytes: buf.length };
}

/** Writes through a temporary file and a rename, so a crash never leaves half a report. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.nianbao-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing left behind */
    }
    throw e;
  }
}

/** Config per directory: the nearest .nianbaorc.json above a file, unless one is named. */
export class ConfigFinder {
  private cache = new Map<string, Config>();
  constructor(private readonly explicit: Config | null) {}
  for(file: string): Config {
    if (this.explicit) return this.explicit;
    return this.dir(dirname(resolve(file)));
  }
  private dir(d: string): Config {
    const hit = this.cache.get(d);
    if (hit) return hit;
    const p = join(d, CONFIG_FILE);
    let text: string | null = null;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      text = null;
    }
    let config: Config;
    if (text !== null) config = parseConfig(text, p);
    else {
      const parent = dirname(d);
      config = parent === d ? defaultConfig() : this.dir(parent);
    }
    this.cache.set(d, config);
    return config;
  }
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}
