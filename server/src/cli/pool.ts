/**
 * Checks many files on worker threads and hands the results back in input order, with a bounded
 * number in flight: memory stays flat however many files there are.
 */
import { Worker } from 'node:worker_threads';
import type { Outcome } from './outcome';

export interface PoolOptions {
  script: string;
  jobs: number;
  workerData: unknown;
}

/** Yields one outcome per file, in the order of `files`. */
export async function* runPool(files: string[], opts: PoolOptions, inline: (index: number, file: string) => Outcome): AsyncGenerator<Outcome> {
  if (opts.jobs <= 1 || files.length <= 1) {
    for (let i = 0; i < files.length; i++) yield inline(i, files[i]!);
    return;
  }
  const jobs = Math.min(opts.jobs, files.length);
  const window = jobs * 8;
  const done = new Map<number, Outcome>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const dispatch = () => {
    while (idle.length && next < files.length && next - emitted < window) {
      const w = idle.pop()!;
      w.postMessage({ index: next, file: files[next] });
      next++;
    }
  };
  for (let k = 0; k < jobs; k++) {
    const w = new Worker(opts.script, { workerData: opts.workerData });
    w.on('message', (o: Outcome) => {
      done.set(o.index, o);
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
