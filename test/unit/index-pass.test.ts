/**
 * The CLI's index pass reads most files for their head alone, and parses in full only those whose
 * extract the pairing may read. Over many generated folders (bodies that share a bucket, years
 * with gaps, duplicates that agree and that differ, texts whose head shows no report, files that
 * are no report, `pairs` in .nianbaorc.json, `--previous`), its pairing is the one full extracts
 * give, and the CLI's cross-year findings are those of each file checked against that pairing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { indexReports } from '../../server/src/cli/index-pass';
import type { Configs } from '../../server/src/cli/outcome';
import {
  check,
  type CrossYear,
  defaultConfig,
  extract,
  headLooksLikeReport,
  type Indexed,
  looksLikeReport,
  pairReports,
  parse,
  parseHead,
} from '../../server/src/core';
import { sampleReport } from '../../server/src/core/crossyear/sample';
import { ConfigLookup } from '../../server/src/host/config';
import { findReportFiles } from '../../server/src/host/files';
import { readReport } from '../../server/src/host/read';
import { ROOT } from '../helpers';
import { rng as random } from '../shapes/random';

/** Bodies: three share the bucket "桐溪区|" (two of them are not the same body), one is the government's office. */
const BODIES = [
  '云岭市桐溪区人民政府',
  '桐溪区人民政府',
  '白沙市桐溪区人民政府',
  '云岭市桐溪区人民政府办公室',
  '云岭市生态环境局',
  '青禾县交通运输局',
  '石门街道办事处',
];

/** A report whose title and headings are gone: only its tables show it is one (the head cannot tell). */
function headless(text: string, keepTitle: boolean): string {
  const lines = text.split('\n');
  return lines
    .filter((l, i) => !/^[一二三四五六]、/.test(l) && (i > 0 || keepTitle))
    .map((l, i) => (i === 0 && keepTitle ? l.replace('政府信息公开工作', '') : l))
    .join('\n');
}

/** The folders made, removed when the tests end. */
const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-index-'));
  made.push(dir);
  return dir;
}

/** A folder of reports, some in a subfolder with its own `pairs`; returns it and its files (in a shuffled order). */
function folder(seed: number): { dir: string; files: string[] } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  const files: string[] = [];
  const put = (name: string, text: string) => {
    const sub = rnd() < 0.25 ? 'sub' : '';
    const file = join(dir, sub, name);
    writeFileSync(file, text);
    files.push(file);
  };
  const bodies = BODIES.filter(() => rnd() < 0.6);
  let n = 0;
  for (const body of bodies) {
    for (let year = 2019; year <= 2024; year++) {
      if (rnd() < 0.3) continue; // a year missing: a gap
      const figures = () => ({ carried: Math.floor(rnd() * 3), carryover: Math.floor(rnd() * 3) });
      const first = figures();
      const copies = rnd() < 0.4 ? 1 + Math.floor(rnd() * 3) : 0;
      const text = sampleReport(year, body, first);
      const shape = rnd();
      put(`${n++}-${body}${year}.txt`, shape < 0.1 ? headless(text, shape < 0.05) : text);
      for (let c = 0; c < copies; c++) {
        // A copy that agrees (the same figures, another file or a sentence more) or that differs.
        const agrees = rnd() < 0.6;
        const copy = agrees ? text.replace('本年度按要求开展相关工作。', '本年度按要求开展相关工作，另有说明。') : sampleReport(year, body, figures());
        put(`${n++}-${body}${year}-copy${pick(['.md', '.txt'])}`, copy);
      }
    }
  }
  put(`${n++}-note.txt`, '会议纪要\n\n今天讨论了三件事。\n');
  put(`${n++}-table-only.txt`, headless(sampleReport(2021, '青禾县交通运输局'), false));
  // Pairs by hand in the subfolder's config: two files, relative to it, either way round.
  const mine = files.filter((f) => f.startsWith(join(dir, 'sub')));
  if (mine.length >= 2 && rnd() < 0.7) {
    const a = pick(mine);
    const b = pick(mine.filter((f) => f !== a));
    writeFileSync(join(dir, 'sub', '.nianbaorc.json'), JSON.stringify({ pairs: [[relative(join(dir, 'sub'), a), relative(join(dir, 'sub'), b)]] }));
  }
  // The order the files come in matters (the first of a year counts): shuffled.
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  return { dir, files };
}

const configs = (): Configs => ({ explicit: null, lookup: new ConfigLookup() });

/** The pairing as it was: every file parsed in full, kept as its extract. */
function fullPairing(files: string[], previous: string | null): Map<string, CrossYear> {
  const lookup = configs().lookup;
  const reports: Indexed[] = [];
  const pairs = new Map<string, [string, string]>();
  for (const file of previous ? [previous, ...files] : files) {
    const read = readReport(file);
    if ('error' in read) continue;
    const config = lookup.forFile(file).config ?? defaultConfig();
    for (const p of config.pairs ?? []) pairs.set(p.join('\n'), p);
    const report = parse(read.text, { format: config.format });
    if (looksLikeReport(report)) reports.push({ file: resolve(file), extract: extract(report) });
  }
  if (previous && files.length === 1) pairs.set(`${resolve(previous)}\n${resolve(files[0]!)}`, [resolve(previous), resolve(files[0]!)]);
  return pairReports(reports, [...pairs.values()]);
}

/** What a pairing says, in a few words per file: for the counts below. */
function kinds(m: Map<string, CrossYear>): Record<string, number> {
  const out: Record<string, number> = { previous: 0, gap: 0, conflict: 0 };
  for (const c of m.values()) for (const k of Object.keys(c)) out[k]!++;
  return out;
}

describe('the index pass: heads, and full extracts only where the pairing reads them', () => {
  it('pairs as full extracts do, over 30 generated folders, with fewer files parsed than read', () => {
    const seen = { previous: 0, gap: 0, conflict: 0, files: 0, parsed: 0, headless: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      const { files } = folder(seed);
      const full = fullPairing(files, null);
      const index = indexReports(files, configs(), null);
      assert.deepEqual(index.crossyear, full, `folder ${seed}`);
      for (const [k, v] of Object.entries(kinds(full))) seen[k as 'gap'] += v;
      seen.files += files.length;
      seen.parsed += index.parsed;
      for (const f of files) {
        const read = readReport(f);
        if (!('error' in read) && !headLooksLikeReport(parseHead(read.text)) && looksLikeReport(parse(read.text))) seen.headless++;
      }
    }
    // The folders hold what the pairing decides on: each kind, many times.
    assert.ok(seen.previous > 50 && seen.gap > 20 && seen.conflict > 10 && seen.headless > 20, JSON.stringify(seen));
    // Dense series: most files are some report's last year. Not parsed: the last year of each series, the copies after the first that differs.
    assert.ok(seen.parsed < seen.files * 0.75, JSON.stringify(seen));
  });

  it('--previous: the two files paired by hand, whatever their bodies and years', () => {
    const { files } = folder(7);
    const reports = files.filter((f) => !f.endsWith('note.txt'));
    for (let k = 0; k + 1 < reports.length; k += 3) {
      const [previous, self] = [reports[k]!, reports[k + 1]!];
      assert.deepEqual(indexReports([self], configs(), previous).crossyear, fullPairing([self], previous));
    }
  });

  it('parseHead reads what parse reads first, and a head that shows a report is one (every example and layout)', () => {
    const files = findReportFiles([join(ROOT, 'examples'), join(ROOT, 'test/fixtures/layouts')]);
    assert.ok(files.length > 20, `${files.length} files`);
    for (const file of files) {
      const read = readReport(file);
      if ('error' in read) continue;
      const head = parseHead(read.text);
      const report = parse(read.text);
      assert.deepEqual(
        head,
        { title: report.title, period: report.period, signed: report.signed, year: report.year, headings: report.sections.filter((s) => s.heading).length },
        file,
      );
      if (headLooksLikeReport(head)) assert.ok(looksLikeReport(report), file);
    }
  });

  it('a folder of one year: every file read for its head alone, nothing parsed for the index', () => {
    const dir = tempDir();
    const files = BODIES.map((body, i) => {
      const file = join(dir, `${i}.txt`);
      writeFileSync(file, sampleReport(2022, body));
      return file;
    });
    const index = indexReports(files, configs(), null);
    assert.deepEqual({ indexed: index.indexed, parsed: index.parsed, pairs: index.crossyear.size }, { indexed: BODIES.length, parsed: 0, pairs: 0 });
  });
});

const CLI = join(ROOT, 'server/out/cli.js');

/** Every file's cross-year findings as the CLI reports them in JSON: "file code offset". */
function cliFindings(dir: string, workers: boolean): string[] {
  const env = { ...process.env, NIANBAO_LOCALE: '', ...(workers ? { NIANBAO_WORKERS_FROM: '1' } : {}) };
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', workers ? '2' : '1', '.'], { cwd: dir, encoding: 'utf8', env });
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, r.stderr);
  const shown = JSON.parse(r.stdout) as { file: string; findings: { code: string; offset: [number, number] }[] }[];
  return shown.flatMap((s) => s.findings.filter((f) => f.code.startsWith('crossyear.')).map((f) => `${s.file} ${f.code} ${f.offset.join('-')}`)).sort();
}

/** The same, from each file checked against the full extracts' pairing. */
function expectedFindings(dir: string): string[] {
  // The files in the CLI's order (the first of a year counts).
  const files = findReportFiles([dir]);
  const pairing = fullPairing(files, null);
  return files
    .flatMap((file) => {
      const read = readReport(file);
      if ('error' in read) return [];
      const crossyear = pairing.get(resolve(file));
      const found = check(read.text, crossyear ? { crossyear } : {}).findings.filter((f) => f.rule.startsWith('crossyear.'));
      return found.map((f) => `${relative(dir, file)} ${f.rule} ${f.range.join('-')}`);
    })
    .sort();
}

describe('nianbao check DIR: the cross-year findings of full extracts', () => {
  for (const [seed, workers] of [
    [3, false],
    [11, true],
    [29, true],
  ] as const) {
    it(`folder ${seed}, ${workers ? 'on workers' : 'on the main thread'}`, () => {
      const { dir } = folder(seed);
      const expected = expectedFindings(dir);
      assert.ok(expected.length > 0, 'the folder has cross-year findings');
      assert.deepEqual(cliFindings(dir, workers), expected);
    });
  }
});
