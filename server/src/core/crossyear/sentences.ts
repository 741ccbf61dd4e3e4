/**
 * What `crossyear.copied` compares: a report's narrative sentences, normalised (white space and
 * punctuation dropped, every run of digits one "0", so "2022年收到申请5件" and "2023年收到申请12件"
 * are the same sentence), as 32-bit hashes. Sentences every report has by design (the 条例
 * citation, the 统计期限, the report's own outline) and short ones are left out. A year's extract
 * keeps the hashes only: four bytes a sentence, a few hundred bytes a report.
 */
import type { Report, Range } from '../model';
import { narrative, sentences } from '../narrative';

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

export interface ComparedSentence {
  range: Range;
  hash: number;
}

/** The report's sentences that `crossyear.copied` compares, in order. */
export function comparedSentences(report: Report): ComparedSentence[] {
  const out: ComparedSentence[] = [];
  for (const s of sentences(narrative(report))) {
    const norm = normaliseSentence(s.text);
    if (norm.length < MIN_SENTENCE || BOILERPLATE.test(s.text)) continue;
    out.push({ range: s.range, hash: hash32(norm) });
  }
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
