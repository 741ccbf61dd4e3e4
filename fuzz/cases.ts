/**
 * The fuzzer's cases: each a pure function of (seed, index) and the pool of base texts, so that a
 * failure found in a long run is reproduced from the two numbers alone.
 */
import fc from 'fast-check';
import { repoTexts, seedTexts, WORDS } from '../test/property/bases';
import { render, specArb } from '../test/property/gen';
import { applyMutation, NASTY, randomMutation, Rng, type Mutation } from '../test/property/mutate';

export interface Case {
  index: number;
  kind: string;
  text: string;
  /** How the case was made (its base, its mutations), for the report. */
  note: string;
  /** Forced format for the check, or auto. */
  format: 'auto' | '2019' | '2021';
}

export interface Pool {
  bases: { name: string; text: string }[];
}

/** The repository's reports, the real seeds beside it (if there), and a few generated reports. */
export function makePool(seed: number): Pool {
  const generated = fc
    .sample(specArb(), { seed, numRuns: 24 })
    .map((s, i) => ({ name: `generated#${i} (${s.format}, ${s.style.layout})`, text: render(s).text }));
  return { bases: [...repoTexts(), ...seedTexts(), ...generated] };
}

/** A 32-bit seed for case `index` of a run seeded `seed`. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

function mutate(rng: Rng, text: string, count: number, others: string[]): { text: string; ms: Mutation[] } {
  const ms: Mutation[] = [];
  let t = text;
  for (let i = 0; i < count; i++) {
    const m = randomMutation(rng, others);
    ms.push(m);
    t = applyMutation(t, m);
  }
  return { text: t, ms };
}

function describeMutations(ms: Mutation[]): string {
  return ms
    .map((m) => (m.op === 'splice' ? `splice@${m.at} ${m.length} chars` : m.op === 'insert' ? `insert@${m.at} ${JSON.stringify(m.text)}` : JSON.stringify(m)))
    .join(', ');
}

function randomBytes(rng: Rng, n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(256);
  return b;
}

const UTF8 = new TextDecoder('utf-8');
const LATIN1 = new TextDecoder('latin1');

const SEPARATORS = ['\t', '\n', '\n\n', ' ', '  ', ' | ', '|', '\r\n', '\r', '\u3000', '\f'];

export function makeCase(seed: number, index: number, pool: Pool): Case {
  const rng = new Rng(caseSeed(seed, index));
  const others = pool.bases.map((b) => b.text);
  const base = rng.pick(pool.bases);
  const format = rng.chance(0.85) ? 'auto' : rng.pick(['2019', '2021'] as const);
  const roll = rng.int(100);
  const out = (kind: string, text: string, note: string): Case => ({ index, kind, text, note, format });
  if (roll < 40) {
    const { text, ms } = mutate(rng, base.text, 1 + rng.int(12), others);
    return out('mutated', text, `${base.name}; ${describeMutations(ms)}`);
  }
  if (roll < 55) {
    const [spec] = fc.sample(specArb(), { seed: caseSeed(seed, ~index), numRuns: 1 });
    const { text, ms } = mutate(rng, render(spec!).text, rng.int(7), others);
    return out('generated', text, `generated ${spec!.format} ${JSON.stringify(spec!.style)}; ${describeMutations(ms)}`);
  }
  if (roll < 60) {
    const other = rng.pick(pool.bases);
    const cut = rng.int(base.text.length + 1);
    const from = rng.int(other.text.length + 1);
    const { text, ms } = mutate(rng, base.text.slice(0, cut) + other.text.slice(from), rng.int(4), others);
    return out('spliced', text, `${base.name}[0,${cut}) + ${other.name}[${from},…); ${describeMutations(ms)}`);
  }
  if (roll < 68) {
    // Random bytes, or a report's bytes with some corrupted, read as UTF-8 (bad sequences become U+FFFD).
    if (rng.chance(0.5)) return out('bytes-utf8', UTF8.decode(randomBytes(rng, rng.int(4096))), 'random bytes as UTF-8');
    const bytes = new TextEncoder().encode(base.text);
    for (let k = rng.int(40); k >= 0; k--) bytes[rng.int(bytes.length)] = rng.int(256);
    return out('bytes-utf8', UTF8.decode(bytes), `${base.name} with corrupted bytes, as UTF-8`);
  }
  if (roll < 75) {
    // A UTF-8 file read as latin1 (mojibake), or random bytes as latin1.
    if (rng.chance(0.5)) return out('bytes-latin1', LATIN1.decode(randomBytes(rng, rng.int(4096))), 'random bytes as latin1');
    return out('bytes-latin1', LATIN1.decode(new TextEncoder().encode(base.text)), `${base.name} as latin1`);
  }
  if (roll < 85) {
    const parts: string[] = [];
    for (let k = rng.int(400); k > 0; k--) {
      const r = rng.int(16);
      parts.push(r < 4 ? rng.pick(WORDS) : r < 8 ? String(rng.chance(0.8) ? rng.int(30) : rng.int(2 ** 31)) : r < 14 ? rng.pick(SEPARATORS) : rng.pick(NASTY));
    }
    return out('soup', parts.join(''), 'words, numbers and separators');
  }
  if (roll < 90) {
    let s = '';
    for (let k = rng.int(2000); k > 0; k--) s += String.fromCharCode(rng.int(0x10000));
    return out('utf16', s, 'random UTF-16 units');
  }
  if (roll < 95) {
    // Larger inputs: a report repeated, one long line, or a log pasted in.
    const r = rng.int(3);
    if (r === 0) {
      const times = 2 + rng.int(30);
      const { text, ms } = mutate(rng, base.text.repeat(times), rng.int(6), others);
      return out('big', text, `${base.name} ×${times}; ${describeMutations(ms)}`);
    }
    if (r === 1) {
      const times = 1 + rng.int(20);
      const line = base.text.replace(/\r?\n/g, rng.chance(0.5) ? ' ' : '\t').repeat(times);
      return out('big', line, `${base.name} as one line ×${times}`);
    }
    const lines: string[] = [];
    for (let k = 200 + rng.int(3000); k > 0; k--)
      lines.push(
        `2024-01-0${1 + rng.int(9)} 12:0${rng.int(10)}:00 INFO [w-${rng.int(8)}] request ${rng.int(1e6)} handled in ${rng.int(99)}ms\t${rng.int(10)}\t${rng.int(10)}`,
      );
    const at = rng.int(base.text.length + 1);
    return out('big', base.text.slice(0, at) + lines.join('\n') + base.text.slice(at), `${base.name} with ${lines.length} log lines at ${at}`);
  }
  // The same report in other forms: CRLF, lone CR, BOM, full-width digits; then edited.
  let t = base.text;
  const forms: string[] = [];
  const form = (name: string, f: (x: string) => string) => {
    t = f(t);
    forms.push(name);
  };
  if (rng.chance(0.5)) form('CRLF', (x) => x.replace(/\r?\n/g, '\r\n'));
  else if (rng.chance(0.3)) form('CR', (x) => x.replace(/\r?\n/g, '\r'));
  if (rng.chance(0.5)) form('BOM', (x) => `\ufeff${x}`);
  if (rng.chance(0.5)) form('full-width digits', (x) => x.replace(/[0-9]/g, (d) => '０１２３４５６７８９'[Number(d)]!));
  const { text, ms } = mutate(rng, t, rng.int(5), others);
  return out('forms', text, `${base.name} ${forms.join('+')}; ${describeMutations(ms)}`);
}
