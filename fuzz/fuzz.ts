/**
 * nianbao's fuzzer (issue 6): mutated reports, generated reports, report soups, random bytes and
 * random UTF-16 through the core (on a worker thread, watched for hangs), and the same cases opened
 * and edited in the built language server over stdio.
 *
 *   npm run fuzz -- [--seconds N] [--seed S] [--no-server] [--no-raw-eol] [--server-share F] [--max-failures N]
 *   npm run fuzz -- --readers-only [--seconds N] [--seed S]   mutated .docx and web pages through the CLI
 *   npm run fuzz -- --seed S --case I       reproduce one core case (prints it, writes it out)
 *   npm run fuzz -- --seed S --session N    reproduce one server session
 *
 * Every case is a pure function of the seed and its index: a failure prints both, and writes the
 * case and a minimised reproduction under fuzz/out/ (git-ignored). Exit status 1 on any failure.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeCase, makePool, type Case } from './cases';
import { runCase, signature } from './run-case';
import { fuzzReaders } from './readers';
import { ServerFuzzer, type ServerFailure } from './server';
import type { WorkerInput, WorkerMessage } from './worker';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'fuzz/out');
const SERVER = join(ROOT, 'server/out/server.js');

interface Options {
  seconds: number;
  seed: number;
  server: boolean;
  /** Share of the budget the server part runs in parallel with the core (it runs for the whole budget when > 0). */
  serverShare: number;
  maxFailures: number;
  case: number | null;
  session: number | null;
  minimiseSeconds: number;
  rawEol: boolean;
  /** Only the readers' part: mutated documents through the built CLI. */
  readersOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    seconds: 20,
    seed: (Math.random() * 2 ** 31) >>> 0,
    server: true,
    serverShare: 1,
    maxFailures: 10,
    case: null,
    session: null,
    minimiseSeconds: 30,
    rawEol: true,
    readersOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} expects a number`);
      return v;
    };
    if (a === '--seconds') o.seconds = num();
    else if (a === '--seed') o.seed = num() >>> 0;
    else if (a === '--no-server') o.server = false;
    else if (a === '--server-share') o.serverShare = num();
    else if (a === '--max-failures') o.maxFailures = num();
    else if (a === '--case') o.case = num();
    else if (a === '--session') o.session = num();
    else if (a === '--minimise-seconds') o.minimiseSeconds = num();
    else if (a === '--raw-eol') o.rawEol = true;
    else if (a === '--no-raw-eol') o.rawEol = false;
    else if (a === '--readers-only') o.readersOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run fuzz -- [--seconds N] [--seed S] [--no-server] [--raw-eol] [--max-failures N] [--case I | --session N]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ------------------------------------------------------------------ minimising a failing case

/** Lines, then chunks of characters, removed while the case fails the same way; time-boxed. */
function minimise(c: Case, seconds: number): Case {
  const want = signature(runCase(c).problems);
  const deadline = Date.now() + seconds * 1000;
  const fails = (text: string) => Date.now() < deadline && signature(runCase({ ...c, text }).problems) === want;
  let text = c.text;
  for (const unit of ['\n', '']) {
    let parts = unit ? text.split(unit) : [...text];
    // Characters: only for texts already small.
    if (!unit && parts.length > 4000) break;
    for (let chunk = Math.max(1, parts.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
      for (let i = 0; i + chunk <= parts.length && Date.now() < deadline; ) {
        const cand = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        if (fails(cand.join(unit))) parts = cand;
        else i += chunk;
      }
    }
    text = parts.join(unit);
  }
  return { ...c, text };
}

function writeCase(seed: number, c: Case, problems: string[], minimiseSeconds: number): string {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, `seed-${seed}-case-${c.index}`);
  writeFileSync(`${base}.txt`, c.text);
  let min: Case | null = null;
  try {
    min = problems.some((p) => p.startsWith('hang')) ? null : minimise(c, minimiseSeconds);
  } catch {
    min = null;
  }
  if (min) writeFileSync(`${base}.min.txt`, min.text);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      {
        seed,
        case: c.index,
        kind: c.kind,
        format: c.format,
        note: c.note,
        problems,
        length: c.text.length,
        minimisedLength: min?.text.length ?? null,
        reproduce: `npm run fuzz -- --seed ${seed} --case ${c.index}`,
      },
      null,
      2,
    ),
  );
  return min ? `${base}.min.txt` : `${base}.txt`;
}

function writeSession(seed: number, f: ServerFailure): string {
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, `seed-${seed}-session-${f.session}`);
  writeFileSync(`${base}.txt`, f.text);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      { seed, session: f.session, step: f.step, problems: f.problems, log: f.log, reproduce: `npm run fuzz -- --seed ${seed} --session ${f.session}` },
      null,
      2,
    ),
  );
  return `${base}.json`;
}

// ------------------------------------------------------------------ the core, on a worker

interface CoreRun {
  cases: number;
  busyMs: number;
  failures: { c: Case; problems: string[] }[];
}

/** Runs core cases until the deadline; a hang kills the worker, is recorded, and a new worker goes on. */
function fuzzCore(seed: number, deadline: number, maxFailures: number, onProgress: (cases: number) => void): Promise<CoreRun> {
  const run: CoreRun = { cases: 0, busyMs: 0, failures: [] };
  const signatures = new Set<string>();
  let pool: ReturnType<typeof makePool> | null = null;
  const record = (c: Case, problems: string[]) => {
    const sig = signature(problems);
    // One of each: the same bug found again is counted, not written again.
    if (!signatures.has(sig)) run.failures.push({ c, problems });
    signatures.add(sig);
    console.error(`\nFAIL seed=${seed} case=${c.index} (${c.kind}): ${problems[0]?.split('\n')[0]}`);
  };
  return new Promise((resolve) => {
    const startWorker = (start: number) => {
      const state = new Int32Array(new SharedArrayBuffer(8));
      const clock = new Float64Array(new SharedArrayBuffer(8));
      const input: WorkerInput = { seed, start, deadline, state, clock };
      // The worker is TypeScript too: it registers tsx's CommonJS hook before loading it.
      const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`, { eval: true, workerData: input });
      const base = run.cases;
      let done = false;
      const watchdog = setInterval(() => {
        const began = clock[0]!;
        if (!began || done) return;
        const bound = state[1]!;
        // Well past the case's bound (which a slow case only exceeds by a little): a hang.
        if (Date.now() - began > bound * 5 + 10_000) {
          done = true;
          clearInterval(watchdog);
          const index = state[0]!;
          void worker.terminate();
          pool ??= makePool(seed);
          record(makeCase(seed, index, pool), [`hang: case ${index} ran for ${Date.now() - began} ms (bound ${bound} ms)`]);
          run.cases += 1;
          if (Date.now() < deadline && run.failures.length < maxFailures) startWorker(index + 1);
          else resolve(run);
        }
      }, 250);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          run.cases = base + m.cases;
          onProgress(run.cases);
        } else if (m.type === 'fail') {
          record({ index: m.index, kind: m.kind, note: m.note, text: m.text, format: m.format as Case['format'] }, m.problems);
          run.cases = Math.max(run.cases, base + m.index - start + 1);
          if (run.failures.length >= maxFailures) {
            done = true;
            clearInterval(watchdog);
            void worker.terminate();
            resolve(run);
          }
        } else if (m.type === 'done') {
          done = true;
          clearInterval(watchdog);
          run.cases = base + m.cases;
          run.busyMs += m.ms;
          resolve(run);
        }
      });
      worker.on('error', (e) => {
        if (done) return;
        done = true;
        clearInterval(watchdog);
        // An error outside a case (the worker's own setup): report it plainly.
        const index = state[0]!;
        pool ??= makePool(seed);
        record(makeCase(seed, index, pool), [`worker crashed: ${e.stack ?? e}`]);
        resolve(run);
      });
    };
    startWorker(0);
  });
}

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  // The cases depend on the seed and on the base texts (the real seeds beside the repository count too).
  const bases = makePool(o.seed).bases.length;
  console.log(
    `nianbao fuzz: seed ${o.seed}${o.case === null && o.session === null ? `, ${o.seconds} s` : ''}, ${bases} base texts (reproduce: npm run fuzz -- --seed ${o.seed} …)`,
  );

  if (o.case !== null) {
    const c = makeCase(o.seed, o.case, makePool(o.seed));
    const r = runCase(c);
    console.log(
      `case ${c.index} (${c.kind}, format ${c.format}): ${c.text.length} chars, ${r.findings} findings, ${r.ms.toFixed(1)} ms\n  ${c.note.slice(0, 500)}`,
    );
    if (!r.problems.length) {
      console.log('no problem');
      return 0;
    }
    console.log(r.problems.join('\n'));
    console.log(`written: ${writeCase(o.seed, c, r.problems, o.minimiseSeconds)}`);
    return 1;
  }

  if (o.readersOnly) {
    if (!existsSync(join(ROOT, 'server/out/cli.js'))) throw new Error('server/out/cli.js not found: npm run build first');
    const t0 = Date.now();
    const r = fuzzReaders(o.seed, t0 + o.seconds * 1000, o.maxFailures, (n) => console.log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${n} documents`));
    console.log(
      `nianbao fuzz: seed ${o.seed}: ${r.cases} mutated documents through the CLI in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${r.failures.length} failure(s)`,
    );
    for (const f of r.failures) console.log(`FAIL ${f.problem.slice(0, 600)}\n  written: ${f.file}`);
    return r.failures.length ? 1 : 0;
  }

  const serverThere = existsSync(SERVER);
  if (o.session !== null) {
    if (!serverThere) throw new Error(`${SERVER} not found: npm run build first`);
    const f = new ServerFuzzer(SERVER, o.seed, makePool(o.seed), o.rawEol);
    await f.start();
    await f.session(o.session, Date.now() + 120_000);
    await f.stop();
    for (const x of f.stats.failures) console.log(`${x.step}: ${x.problems.join('\n  ')}\n  written: ${writeSession(o.seed, x)}`);
    console.log(f.stats.failures.length ? 'FAIL' : 'no problem');
    return f.stats.failures.length ? 1 : 0;
  }

  const t0 = Date.now();
  const deadline = t0 + o.seconds * 1000;
  let coreCases = 0;
  let lastPrint = 0;
  let server: ServerFuzzer | null = null;
  const progress = () => {
    if (Date.now() - lastPrint < 10_000) return;
    lastPrint = Date.now();
    const s = server?.stats;
    console.log(
      `  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${coreCases} core cases${s ? `, ${s.sessions} server sessions (${s.edits} edits, ${s.requests} requests)` : ''}`,
    );
  };
  const core = fuzzCore(o.seed, deadline, o.maxFailures, (n) => {
    coreCases = n;
    progress();
  });

  // The server part runs alongside, in this thread (its work is I/O here; the server is its own process).
  let serverRun: Promise<void> = Promise.resolve();
  if (o.server && serverThere && o.serverShare > 0) {
    server = new ServerFuzzer(SERVER, o.seed, makePool(o.seed), o.rawEol);
    const s = server;
    const serverDeadline = t0 + o.seconds * 1000 * Math.min(1, o.serverShare);
    serverRun = (async () => {
      await s.start();
      for (let n = 0; Date.now() < serverDeadline && s.stats.failures.length < o.maxFailures; n++) {
        const alive = await s.session(n, serverDeadline);
        progress();
        if (!alive) await s.start();
      }
      await s.stop();
    })().catch((e) => {
      s.stats.failures.push({ session: -1, step: 'driver', problems: [`the server fuzzer failed: ${(e as Error).stack ?? e}`], text: '', log: [] });
    });
  } else if (o.server) {
    // TODO(issue 6): build the server (npm run build) to fuzz it too; without server/out/server.js only the core is fuzzed.
    console.log(`  (no ${SERVER}: the server part is skipped; npm run build first)`);
  }

  const [coreRun] = await Promise.all([core, serverRun]);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const s = server?.stats;
  console.log(
    `nianbao fuzz: seed ${o.seed}: ${coreRun.cases} core cases (${coreRun.cases ? (coreRun.busyMs / coreRun.cases).toFixed(2) : 0} ms each)` +
      (s ? `, ${s.sessions} server sessions (${s.edits} edits, ${s.requests} requests, ${s.diagnostics} diagnostics)` : '') +
      ` in ${secs} s; ${coreRun.failures.length + (s?.failures.length ?? 0)} failure(s)`,
  );
  for (const f of coreRun.failures) {
    const file = writeCase(o.seed, f.c, f.problems, o.minimiseSeconds);
    console.log(
      `FAIL core case ${f.c.index} (${f.c.kind}): ${f.problems.slice(0, 3).join(' | ').slice(0, 600)}\n  reproduce: npm run fuzz -- --seed ${o.seed} --case ${f.c.index}\n  written: ${file}`,
    );
  }
  for (const f of s?.failures ?? []) {
    console.log(
      `FAIL server session ${f.session} (${f.step}): ${f.problems.slice(0, 3).join(' | ').slice(0, 600)}\n  reproduce: npm run fuzz -- --seed ${o.seed} --session ${f.session}\n  written: ${writeSession(o.seed, f)}`,
    );
  }
  return coreRun.failures.length + (s?.failures.length ?? 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
