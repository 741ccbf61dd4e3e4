/**
 * What `crossyear.copied` compares: a report's narrative sentences, normalised (white space and
 * punctuation dropped, every run of digits one "0", so "2022年收到申请5件" and "2023年收到申请12件"
 * are the same sentence), as 32-bit hashes. Sentences every report has by design (the 条例
 * citation, the 统计期限, the report's own outline) and short ones are left out. A year's extract
 * keeps the hashes only: four bytes a sentence, a few hundred bytes a report.
 */
import type { Report, Range } from '../model';
import { narrativeSentences } from '../narrative';

/** Shorter sentences (after normalising) are not compared: "无。", "特此报告". */
export const MIN_SENTENCE = 15;

/** Sentences every report has by design. */
const BOILERPLATE =
  /统计期限|政府信息公开条例》?(第[四五]十|和|及|、|《|的规定|要求|规定)|本报告由|年度报告(?:有关事项|相关工作)的通知|如对本(?:年度)?报告有(?:任何)?疑问|本报告的电子版/u;

/** A sentence as compared: no white space or punctuation, digits run together as one "0". */
export function normaliseSentence(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]/gu, '').replace(/[0-9]+/g, '0');
}

/** FNV-1a, 32 bits. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Per BMP code unit: 0 not looked at yet, 1 dropped (white space, punctuation, symbol), 2 kept. */
const dropped = new Uint8Array(0x10000);
const DROPPED = /^[\s\p{P}\p{S}]$/u;

function drops(c: number): boolean {
  let d = dropped[c]!;
  if (d === 0) {
    d = DROPPED.test(String.fromCharCode(c)) ? 1 : 2;
    dropped[c] = d;
  }
  return d === 1;
}

/**
 * `hash32(normaliseSentence(s))` and that string's length, without making the string (the
 * sentences of a 1 MB report are normalised at each edit).
 */
export function normalisedHash(s: string): { hash: number; length: number } {
  let h = 0x811c9dc5;
  let length = 0;
  let digits = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      // A run of digits is one "0", also across the punctuation dropped between them ("1,234").
      if (digits) continue;
      digits = true;
      c = 0x30;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character outside the BMP: dropped as one code point, or kept as its two code units.
      const low = s.charCodeAt(++i);
      if (DROPPED.test(String.fromCharCode(c, low))) continue;
      h ^= c;
      h = Math.imul(h, 0x01000193);
      length++;
      c = low;
      digits = false;
    } else if (drops(c)) continue;
    else digits = false;
    h ^= c;
    h = Math.imul(h, 0x01000193);
    length++;
  }
  return { hash: h >>> 0, length };
}

export interface ComparedSentence {
  range: Range;
  hash: number;
}

const compared = new WeakMap<Report, ComparedSentence[]>();

/** The report's sentences that `crossyear.copied` compares, in order (made once per report). */
export function comparedSentences(report: Report): ComparedSentence[] {
  let out = compared.get(report);
  if (out) return out;
  out = [];
  for (const s of narrativeSentences(report)) {
    const norm = normalisedHash(s.text);
    if (norm.length < MIN_SENTENCE || BOILERPLATE.test(s.text)) continue;
    out.push({ range: s.range, hash: norm.hash });
  }
  compared.set(report, out);
  return out;
}

/**
 * A table's figures as one hash, for `crossyear.same-tables`: null unless every cell was read with
 * certainty and at least one is not 0 (two empty or all-zero tables in a row say nothing).
 */
export function tableHash(table: Report['tables'][number]): number | null {
  if (table.confidence !== 'certain') return null;
  const parts: string[] = [];
  let nonZero = false;
  for (const b of table.blocks) {
    if (b.confidence !== 'certain') return null;
    for (const r of b.rows) {
      for (const c of r.cells) {
        if (c.confidence !== 'certain' || (c.state !== 'ok' && c.state !== 'blank')) return null;
        if (c.value) nonZero = true;
        parts.push(`${b.decl.slot}/${r.decl.id}/${c.col.id}=${c.value ?? ''}`);
      }
    }
  }
  return nonZero && parts.length ? hash32(parts.join(';')) : null;
}
