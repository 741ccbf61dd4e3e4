/**
 * Bytes → text for plain text and web pages: UTF-8, UTF-16 with a byte order mark, and the Chinese
 * national encodings. GBK, GB2312 and GB18030 are all decoded as GB18030, its superset (Node 20's
 * `gbk` decoder rejects GB18030's four-byte sequences). Arbitrary bytes often decode as GB18030
 * without error, so a decoded text must also look like Chinese: most of its double-byte characters
 * among GB2312's common hanzi and punctuation, no control characters.
 */
import { isUtf8 } from 'node:buffer';

export type Decoded = { text: string; encoding: string } | { error: string };

const GB_NAMES = new Set([
  'gbk',
  'gb2312',
  'gb18030',
  'x-gbk',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'csiso58gb231280',
  'euc-cn',
  'cp936',
  'windows-936',
  'ms936',
]);

/** The decoder's name for a declared charset: GB names → gb18030; "" when it is not one nianbao decodes. */
export function normaliseCharset(name: string): string {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (GB_NAMES.has(n)) return 'gb18030';
  if (n === 'utf8' || n === 'utf-8' || n === 'unicode-1-1-utf-8') return 'utf-8';
  if (n === 'utf-16' || n === 'utf-16le') return 'utf-16le';
  if (n === 'utf-16be') return 'utf-16be';
  if (n === 'big5' || n === 'big5-hkscs') return 'big5';
  return '';
}

/** The encoding a byte order mark names, and its length. */
export function bomOf(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // GB18030's own byte order mark (U+FEFF encoded).
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return null;
}

/**
 * Whether bytes are plausibly Chinese text in GB18030: the double-byte characters mostly GB2312's
 * (level-1 hanzi B0–D7, level-2 D8–F7, symbols A1–A9, each with a trail byte A1–FE), four-byte
 * sequences rare (a few, and 2%), no control characters but tab, newline, carriage return and form feed.
 */
export function plausibleGb(b: Uint8Array): boolean {
  let double = 0;
  let common = 0;
  let four = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return false;
      continue;
    }
    const d = b[i + 1] ?? 0;
    if (c >= 0x81 && c <= 0xfe && d >= 0x30 && d <= 0x39) {
      four++;
      i += 3;
      continue;
    }
    double++;
    if (((c >= 0xb0 && c <= 0xf7) || (c >= 0xa1 && c <= 0xa9)) && d >= 0xa1 && d <= 0xfe) common++;
    i++;
  }
  if (double === 0) return four === 0;
  return common >= 0.8 * double && four <= 2 + 0.02 * (double + four);
}

/** Decodes with the given encoding, or null when the bytes are not valid in it. */
function strictDecode(b: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return null;
  }
}

const NOT_DECODED =
  '无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030/GBK 中文文本），请另存为 UTF-8 / cannot tell the encoding (not UTF-8, UTF-16 or GB18030/GBK Chinese text): save it as UTF-8';

/**
 * Decodes bytes: a byte order mark decides; then `declared` (a web page's charset) when the bytes are
 * valid in it; then UTF-8; then GB18030 when the bytes look like Chinese. Without any of these: why not.
 */
export function decodeText(b: Uint8Array, declared = ''): Decoded {
  const bom = bomOf(b);
  if (bom) {
    const text = strictDecode(b.subarray(bom.length), bom.encoding);
    if (text !== null) return { text, encoding: bom.encoding };
    return { error: `按字节顺序标记（${bom.encoding}）解码失败 / invalid ${bom.encoding} after its byte order mark` };
  }
  const wanted = normaliseCharset(declared);
  if (wanted && wanted !== 'utf-8') {
    const text = strictDecode(b, wanted);
    if (text !== null && (wanted !== 'gb18030' || plausibleGb(b))) return { text, encoding: wanted };
  }
  if (isUtf8(b)) return { text: Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8'), encoding: 'utf-8' };
  if (plausibleGb(b)) {
    const text = strictDecode(b, 'gb18030');
    if (text !== null) return { text, encoding: 'gb18030' };
  }
  return { error: NOT_DECODED };
}
