/**
 * Work over many files, on this thread or on worker threads, with the results handed back in input
 * order and a bounded number in flight: memory stays flat however many files there are.
 *
 * Workers pay to start: each loads the script and warms its JIT again, which costs more than a
 * few hundred small reports take to check (measured on two cores, see README "Performance"), so
 * below `WORKERS_FROM` files everything runs on the main thread. Above it, one pool serves both of
 * the CLI's passes (the crossyear index, then the check), so each worker warms up once. Files go
 * to a worker a few at a time (a message each way per batch, not per file), and each worker
 * renders its own output, so the main thread only writes.
 */
import { Worker } from 'node:worker_threads';

/** From this many files on, workers pay for their start (measured: README "Performance"). */
export const WORKERS_FROM = 400;

/** Whether a run over `files` files with `jobs` allowed uses workers (from `from` files on). */
export function usesWorkers(files: number, jobs: number, from = WORKERS_FROM): boolean {
  return jobs > 1 && files > 1 && files >= from;
}

/** What a worker is asked to do with a batch: index the files (their extracts) or check them. */
export type TaskKind = 'index' | 'check';

/** A batch of files for a worker: their indices and paths, and what goes with each. */
export interface Batch {
  kind: TaskKind;
  files: { index: number; file: string; extra?: unknown }[];
}

/** Files per message to a worker. */
const BATCH = 8;

/** Worker threads running `script`, kept for several passes over the files; `close` ends them. */
export class Pool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private failure: Error | null = null;
  private onResults: ((rs: { index: number }[]) => void) | null = null;
  private wake: (() => void) | null = null;

  constructor(script: string, jobs: number, workerData: unknown) {
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(script, { workerData });
      w.on('message', (rs: { index: number }[]) => {
        this.idle.push(w);
        this.onResults?.(rs);
      });
      w.on('error', (e) => {
        this.failure = e;
        this.wake?.();
      });
      w.on('exit', (code) => {
        if (code !== 0 && !this.failure) this.failure = new Error(`worker exited with ${code}`);
        this.wake?.();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Yields one result per file, in the order of `files`. One pass at a time. */
  async *map<R extends { index: number }>(kind: TaskKind, files: string[], extra?: (index: number) => unknown): AsyncGenerator<R> {
    const jobs = this.workers.length;
    // Batches small enough that every worker has work to the end, and at most 4 in flight per worker.
    const size = Math.max(1, Math.min(BATCH, Math.floor(files.length / (jobs * 4))));
    const window = jobs * size * 4;
    const done = new Map<number, R>();
    let next = 0;
    let emitted = 0;
    const dispatch = () => {
      while (this.idle.length && next < files.length && next - emitted < window) {
        const w = this.idle.pop()!;
        const batch: Batch = { kind, files: [] };
        for (const end = Math.min(files.length, next + size); next < end; next++) batch.files.push({ index: next, file: files[next]!, extra: extra?.(next) });
        w.postMessage(batch);
      }
    };
    this.onResults = (rs) => {
      for (const r of rs) done.set(r.index, r as R);
      dispatch();
      this.wake?.();
    };
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
        if (this.failure) throw this.failure;
        await new Promise<void>((r) => (this.wake = r));
        this.wake = null;
      }
    } finally {
      this.onResults = null;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Yields `work(i, file)` for each file in order, on this thread, or on the pool's workers when there is one. */
export async function* runPass<R extends { index: number }>(
  pool: Pool | null,
  kind: TaskKind,
  files: string[],
  work: (index: number, file: string) => R,
  extra?: (index: number) => unknown,
): AsyncGenerator<R> {
  if (!pool) {
    for (let i = 0; i < files.length; i++) yield work(i, files[i]!);
    return;
  }
  yield* pool.map<R>(kind, files, extra);
}
