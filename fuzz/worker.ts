/**
 * The fuzzer's core worker: runs cases from `start` until the deadline. Before each case it writes
 * the case's index and start time into shared memory, so that the main thread can tell a hang and
 * stop the worker (a synchronous check cannot be interrupted from inside).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeCase, makePool } from './cases';
import { boundMs, runCase } from './run-case';

export interface WorkerInput {
  seed: number;
  start: number;
  deadline: number;
  /** [index of the case running, bound in ms] */
  state: Int32Array;
  /** [start time of the case running, Date.now()] */
  clock: Float64Array;
}

export type WorkerMessage =
  | { type: 'progress'; cases: number; index: number; ms: number }
  | { type: 'fail'; index: number; kind: string; note: string; problems: string[]; text: string; format: string }
  | { type: 'done'; cases: number; next: number; ms: number };

const input = workerData as WorkerInput;
const hangAt = process.env.NIANBAO_FUZZ_HANG ? Number(process.env.NIANBAO_FUZZ_HANG) : -1;
const pool = makePool(input.seed);
let cases = 0;
let busy = 0;
let lastReport = Date.now();
let index = input.start;
for (; Date.now() < input.deadline; index++) {
  const c = makeCase(input.seed, index, pool);
  input.state[0] = index;
  input.state[1] = Math.ceil(boundMs(c.text));
  input.clock[0] = Date.now();
  // A self-test of the watchdog: NIANBAO_FUZZ_HANG=I makes case I spin forever.
  if (hangAt === index) for (;;);
  const r = runCase(c);
  input.clock[0] = 0;
  cases++;
  busy += r.ms;
  if (r.problems.length)
    parentPort!.postMessage({ type: 'fail', index, kind: c.kind, note: c.note, problems: r.problems, text: c.text, format: c.format } satisfies WorkerMessage);
  if (Date.now() - lastReport > 1000) {
    lastReport = Date.now();
    parentPort!.postMessage({ type: 'progress', cases, index, ms: busy } satisfies WorkerMessage);
  }
}
parentPort!.postMessage({ type: 'done', cases, next: index, ms: busy } satisfies WorkerMessage);
