/**
 * Reading named entries of a zip archive (a .docx is one): the central directory, then each wanted
 * entry inflated with a cap on its inflated size, so a zip bomb is refused instead of filling memory.
 * Stored and deflated entries only (what Word, WPS and LibreOffice write).
 */
import { inflateRawSync } from 'node:zlib';

/** The largest entry inflated: a report's document.xml is well under 1 MB; Word's own limit on a part is larger, a report's is not. */
export const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

export class ZipError extends Error {}

interface Entry {
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Buffer, i: number) => b.readUInt16LE(i);
const u32 = (b: Buffer, i: number) => b.readUInt32LE(i);

/** The archive's entries by name, from its central directory. */
export function zipEntries(b: Buffer): Map<string, Entry> {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('no end of central directory');
  const count = u16(b, end + 10);
  let p = u32(b, end + 16);
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new ZipError('bad central directory');
    const nameLen = u16(b, p + 28);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { method: u16(b, p + 10), compressed: u32(b, p + 20), size: u32(b, p + 24), offset: u32(b, p + 42) });
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
  }
  return entries;
}

/** An entry's bytes, inflated (never more than `cap` of them), or null when the archive has no such entry. */
export function zipEntry(b: Buffer, entries: Map<string, Entry>, name: string, cap = MAX_ENTRY_BYTES): Buffer | null {
  const e = entries.get(name);
  if (!e) return null;
  const h = e.offset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) throw new ZipError(`bad local header for ${name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const data = b.subarray(start, Math.min(b.length, start + e.compressed));
  if (e.method === 0) {
    if (data.length > cap) throw new ZipError('too large');
    return data;
  }
  if (e.method !== 8) throw new ZipError(`compression method ${e.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: cap });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new ZipError('too large');
    throw new ZipError(`cannot inflate ${name}`);
  }
}
