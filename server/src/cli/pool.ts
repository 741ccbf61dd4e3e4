/**
 * Checks many files on worker threads and hands the results back in input order, with a bounded
 * number in flight: memory stays flat however many files there are. Files go to a worker a few at
 * a time (a message each way per batch, not per file), and each worker renders its own output, so
 * the main thread only writes.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from './outcome';

export interface PoolOptions {
  script: string;
  jobs: number;
  workerData: unknown;
  /** What goes with a file to the worker that checks it (last year's extract), by index. */
  extra?: (index: number) => unknown;
}

/** A batch of files for a worker: their indices and paths. */
export interface Batch {
  files: { index: number; file: string; extra?: unknown }[];
}

/** Files per message to a worker. */
const BATCH = 8;

/** Yields one result per file, in the order of `files`. */
export async function* runPool(files: string[], opts: PoolOptions, inline: (index: number, file: string) => Result): AsyncGenerator<Result> {
  if (opts.jobs <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) yield inline(i, files[i]!);
    return;
  }
  const jobs = Math.min(opts.jobs, files.length);
  // Batches small enough that every worker has work to the end, and at most 4 in flight per worker.
  const size = Math.max(1, Math.min(BATCH, Math.floor(files.length / (jobs * 4))));
  const window = jobs * size * 4;
  const done = new Map<number, Result>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const dispatch = () => {
    while (idle.length && next < files.length && next - emitted < window) {
      const w = idle.pop()!;
      const batch: Batch = { files: [] };
      for (const end = Math.min(files.length, next + size); next < end; next++)
        batch.files.push({ index: next, file: files[next]!, extra: opts.extra?.(next) });
      w.postMessage(batch);
    }
  };
  for (let k = 0; k < jobs; k++) {
    const w = new Worker(opts.script, { workerData: opts.workerData });
    w.on('message', (rs: Result[]) => {
      for (const r of rs) done.set(r.index, r);
      idle.push(w);
      dispatch();
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (code !== 0 && !failure) failure = new Error(`worker exited with ${code}`);
      wake?.();
    });
    workers.push(w);
    idle.push(w);
  }
  try {
    dispatch();
    while (emitted < files.length) {
      const o = done.get(emitted);
      if (o) {
        done.delete(emitted);
        emitted++;
        dispatch();
        yield o;
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
