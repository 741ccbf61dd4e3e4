/**
 * The A/B part of `npm run bench` ("speed holds"): the core of an earlier commit (A) and this
 * checkout's (B), bundled alike and loaded in one process, timed interleaved over the same texts.
 * The machine's speed drifts by ±30% from minute to minute, so figures taken minutes apart say
 * nothing; here every text is checked by A and by B back to back, in an order that alternates
 * (A B, B A, B A, A B, … over rounds, and flipped from one text to the next), over many rounds, and
 * each text's median is compared. Target: B costs at most 1.10× A per report.
 *
 * Then the 20 MB lines of digits: a report whose 表三 row is followed by a 20 MB run of digits, a
 * page that is one 20 MB line of digits between the tables' labels, and runs just under the length
 * bound in every row (the search at its node bound), each with its time and the search nodes
 * counted by `runSteps` (server/src/core/parse/runs.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportTemplate } from '../server/src/core/skeleton';
import { bundleCore, type Check, load } from './bundle';
import { stats } from './stats';
import { type FamilyText, familyTexts, ROOT } from './texts';

/**
 * The build before issue 12: 4ed015b ("Lint clean under Biome's recommended rules"), the commit
 * every branch of issue 12's round forked from (`git merge-base c696bb0^1 c696bb0^2`, the same for
 * the registry and server merges) and the reader test/shapes/baseline.json first recorded. Not
 * c696bb0^1 (bcd2734, "Digits run together… (issue 12, item 3)"): that first parent of the shapes
 * merge already holds runs.ts. The diff to it also holds issue 10's registry and server parts.
 */
export const BEFORE_ISSUE_12 = '4ed015b5c0be2a4a11a9448337ea1b59c23673e1';

/** The target: the check costs at most this many times the earlier build's, per report. */
export const MAX_RATIO = 1.1;

type RowFn = (name: string, value: string, target?: string, pass?: boolean | null) => void;

export interface AbOptions {
  ref?: string | undefined;
  rounds?: number;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * REF's core, bundled as the current one is, from a copy of its tree in a temporary directory; or,
 * when REF is a directory holding a checkout (another worktree), from its files as they stand.
 */
async function bundleRef(ref: string): Promise<{ check: Check; commit: string; subject: string }> {
  if (existsSync(join(ref, 'server', 'src', 'core', 'index.ts'))) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ab-'));
    try {
      const outfile = join(dir, 'core.js');
      await bundleCore(resolve(ref), outfile);
      return { check: load(outfile).check, commit: resolve(ref), subject: 'the files of that checkout as they stand' };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(`ab: ${ref} is no commit of this repository, nor a directory holding a checkout`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ab-'));
  try {
    // Only the core and what its build reads; node_modules is the current checkout's.
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'server/src/core', 'tsconfig.json', 'package.json'], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const outfile = join(dir, 'out', 'core.js');
    await bundleCore(dir, outfile);
    return { check: load(outfile).check, commit, subject: git('log', '-1', '--format=%s', commit) };
  } catch (e) {
    throw new Error(`ab: cannot build the core of ${ref} (${commit}): ${(e as Error).message.split('\n')[0]}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Figures of one family: ms per report of A and B (mean over texts of each text's median), and more. */
interface Figures {
  texts: number;
  a: number;
  b: number;
  /** b / a, of the medians. */
  ratio: number;
  /** b / a, of each text's 20%-trimmed mean. */
  ratioTrimmed: number;
  /** b / a of the medians over the even rounds and over the odd ones (each half alternates A and B alike): how far the ratio is noise. */
  halves: [number, number];
  /** b / a of each round's total over the family: quartiles (one garbage collection moves a round's sum). */
  roundRatio: { p25: number; median: number; p75: number };
}

const median = (xs: number[]) => stats(xs).median;

function trimmedMean(xs: number[], cut = 0.2): number {
  const s = [...xs].sort((x, y) => x - y);
  const k = Math.floor(s.length * cut);
  const kept = s.slice(k, s.length - k);
  return kept.reduce((x, y) => x + y, 0) / kept.length;
}

const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;

/** b / a of the mean over texts of each text's median, over the rounds `keep` keeps. */
function ratioOver(idx: number[], a: number[][], b: number[][], keep: (round: number) => boolean): number {
  const med = (xs: number[]) => median(xs.filter((_, r) => keep(r)));
  return mean(idx.map((i) => med(b[i]!))) / mean(idx.map((i) => med(a[i]!)));
}

function figures(idx: number[], a: number[][], b: number[][]): Figures {
  const ma = mean(idx.map((i) => median(a[i]!)));
  const mb = mean(idx.map((i) => median(b[i]!)));
  const ta = mean(idx.map((i) => trimmedMean(a[i]!)));
  const tb = mean(idx.map((i) => trimmedMean(b[i]!)));
  const rounds = a[idx[0]!]!.length;
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let sa = 0;
    let sb = 0;
    for (const i of idx) {
      sa += a[i]![r]!;
      sb += b[i]![r]!;
    }
    perRound.push(sb / sa);
  }
  perRound.sort((x, y) => x - y);
  const q = (p: number) => perRound[Math.min(perRound.length - 1, Math.floor(p * perRound.length))]!;
  return {
    texts: idx.length,
    a: ma,
    b: mb,
    ratio: mb / ma,
    ratioTrimmed: tb / ta,
    halves: [ratioOver(idx, a, b, (r) => r % 2 === 0), ratioOver(idx, a, b, (r) => r % 2 === 1)],
    roundRatio: { p25: q(0.25), median: q(0.5), p75: q(0.75) },
  };
}

/** Times A and B on every text, interleaved; samples[side][text][round] in ms. */
function interleaved(checks: [Check, Check], texts: FamilyText[], rounds: number, warm: number): [number[][], number[][]] {
  const samples: [number[][], number[][]] = [texts.map(() => []), texts.map(() => [])];
  for (let round = -warm; round < rounds; round++) {
    // A B, B A, B A, A B over rounds (ABBA), and flipped from one text to the next.
    const bFirstRound = ((round % 4) + 4) % 4 === 1 || ((round % 4) + 4) % 4 === 2;
    texts.forEach((t, i) => {
      const bFirst = bFirstRound !== (i % 2 === 1);
      for (const side of bFirst ? [1, 0] : [0, 1]) {
        const t0 = process.hrtime.bigint();
        checks[side]!(t.text);
        const dt = Number(process.hrtime.bigint() - t0) / 1e6;
        if (round >= 0) samples[side as 0 | 1][i]!.push(dt);
      }
    });
  }
  return samples;
}

const ms = (x: number) => `${x.toFixed(3)} ms`;

export async function abBench(row: RowFn, results: Record<string, unknown>, options: AbOptions = {}): Promise<void> {
  const ref = options.ref ?? BEFORE_ISSUE_12;
  const rounds = options.rounds ?? 60;
  if (!Number.isInteger(rounds) || rounds < 4) throw new Error(`ab: --rounds wants a whole number of at least 4, not ${options.rounds}`);
  const before = await bundleRef(ref);
  const outfile = join(ROOT, 'bench', 'out', 'core.js');
  await bundleCore(ROOT, outfile);
  const after = load(outfile).check;
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'server/src/core') !== '';
  console.log(
    `\nA/B: A = ${before.commit.startsWith('/') ? before.commit : before.commit.slice(0, 7)} "${before.subject}", B = this checkout (${head}${dirty ? ' with uncommitted core changes' : ''})`,
  );

  const texts = familyTexts();
  const families = [...new Set(texts.map((t) => t.family))];
  const [a, b] = interleaved([before.check, after], texts, rounds, 5);
  const out: Record<string, Figures> = {};
  for (const f of families) {
    const idx = texts.flatMap((t, i) => (t.family === f ? [i] : []));
    const g = figures(idx, a, b);
    out[f] = g;
    row(`ab: ${f} (${g.texts} texts)`, `A ${ms(g.a)} B ${ms(g.b)} ×${g.ratio.toFixed(3)} (halves ×${g.halves[0].toFixed(2)}, ×${g.halves[1].toFixed(2)})`);
  }
  const all = figures(
    texts.map((_, i) => i),
    a,
    b,
  );
  row(
    `ab: all (${all.texts} texts × ${rounds} rounds)`,
    `A ${ms(all.a)} B ${ms(all.b)} ×${all.ratio.toFixed(3)} (halves ×${all.halves[0].toFixed(2)}, ×${all.halves[1].toFixed(2)}; trimmed ×${all.ratioTrimmed.toFixed(2)})`,
    `≤ ${MAX_RATIO.toFixed(2)}× A`,
    all.ratio <= MAX_RATIO,
  );
  results.ab = {
    a: { ref, commit: before.commit, subject: before.subject },
    b: { head, uncommittedCoreChanges: dirty },
    rounds,
    target: MAX_RATIO,
    families: out,
    all,
    pass: all.ratio <= MAX_RATIO,
  };
  await digits(row, results, before.check);
}

/** 20 MB. */
const HUGE = 20_000_000;

/** The reports of the digits rows: each 20 MB of digits where 表三's cells belong, or runs at the search's node bound. */
export function digitTexts(): { name: string; text: string }[] {
  const template = reportTemplate(2023, '某某局');
  const lines = template.split('\n');
  // A table row of the template: its label, then a tab before every (blank) cell.
  const isRow = (l: string) => /^[^\t]*\t+$/.test(l);
  const rows = lines.filter(isRow).length;
  const filled = (cells: (k: number) => string) => {
    let k = 0;
    return lines.map((l) => (isRow(l) ? l.replace(/\t+$/, () => cells(k++)) : l));
  };
  // A report drafted as the template lays it out, every cell 1, its 表三 row 一 followed by 20 MB of digits.
  let first = true;
  const tabbed = lines
    .map((l) => {
      if (!isRow(l)) return l;
      const ones = l.replace(/\t/g, '\t1');
      if (!l.startsWith('一、本年新收') || !first) return ones;
      first = false;
      return `${l.replace(/\t+$/, '')}\t${'7'.repeat(HUGE)}`;
    })
    .join('\n');
  // A web page copied as one line: every table row's label followed by its share of 20 MB of digits.
  const per = Math.ceil(HUGE / rows);
  const oneLine = filled((k) => String((k % 9) + 1).repeat(per)).join('');
  // Every row a run of 24 digits (表三: ~80,000 cuts a row, 25 rows): the node bound decides.
  const atBound = filled(() => '1'.repeat(24)).join('\n');
  return [
    { name: '表三 row 一 + 20 MB of digits', text: tabbed },
    { name: 'one 20 MB line, labels and digits', text: oneLine },
    { name: 'every row 24 digits run together', text: atBound },
  ];
}

interface Probe {
  check: Check;
  runSteps: { count: number; searches: number; most: number };
  RUN_LIMITS: { nodes: number; runDigits: number; cellDigits: number };
}

/** The digits rows: time (B and A, alternated) and the search nodes B spends, against its bound. */
async function digits(row: RowFn, results: Record<string, unknown>, before: Check): Promise<void> {
  // This checkout's core with its counter: the same code as the A/B bundle, with runSteps exported.
  const outfile = join(ROOT, 'bench', 'out', 'core-runs.js');
  await bundleCore(
    ROOT,
    outfile,
    ["export { check } from './server/src/core';", "export { runSteps, RUN_LIMITS } from './server/src/core/parse/runs';"].join('\n'),
  );
  const probe = load<Probe>(outfile);
  const bound = probe.RUN_LIMITS.nodes;
  const out: Record<string, unknown> = {};
  for (const { name, text } of digitTexts()) {
    const tb: number[] = [];
    const ta: number[] = [];
    const steps = { count: 0, searches: 0, most: 0 };
    let unclear = '';
    for (let k = 0; k < 3; k++) {
      for (const side of k % 2 ? ['b', 'a'] : ['a', 'b']) {
        const count = probe.runSteps.count;
        const searches = probe.runSteps.searches;
        probe.runSteps.most = 0;
        const t0 = process.hrtime.bigint();
        const r = side === 'a' ? before(text) : probe.check(text);
        const dt = Number(process.hrtime.bigint() - t0) / 1e6;
        if (side === 'a') {
          ta.push(dt);
          continue;
        }
        tb.push(dt);
        Object.assign(steps, { count: probe.runSteps.count - count, searches: probe.runSteps.searches - searches, most: probe.runSteps.most });
        const codes = r.findings.filter((f) => f.rule === 'table.unreadable' || f.rule === 'table.ambiguous').map((f) => f.rule);
        unclear = [...new Set(codes)].map((c) => `${codes.filter((x) => x === c).length} ${c}`).join(', ') || 'no table.unreadable/ambiguous';
      }
    }
    const mb = Buffer.byteLength(text) / 1024 / 1024;
    const b = median(tb);
    const a = median(ta);
    const size = mb >= 1 ? `${mb.toFixed(1)} MB` : `${(mb * 1024).toFixed(1)} KB`;
    row(
      `digits: ${name} (${size})`,
      `B ${b.toFixed(0)} ms${mb >= 1 ? ` (${(mb / (b / 1000)).toFixed(1)} MB/s)` : ''}, A ${a.toFixed(0)} ms; ${steps.count.toLocaleString('en')} nodes in ${steps.searches} searches, most ${steps.most.toLocaleString('en')}; ${unclear}`,
      `≤ ${bound.toLocaleString('en')} nodes a search`,
      steps.most <= bound,
    );
    out[name] = { mb, b: stats(tb), a: stats(ta), nodes: steps.count, searches: steps.searches, mostInOneSearch: steps.most, bound, findings: unclear };
  }
  results.digits = out;
}
