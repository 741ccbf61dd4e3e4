/**
 * The worker-thread transport for large documents: the server's own script, started with the role
 * below, checks a text and sends the result back without the texts (the receiver has them), and the
 * server's side puts the result back together. A newer check cancels the running one.
 */
import { performance } from 'node:perf_hooks';
import { Worker, type MessagePort } from 'node:worker_threads';
import { check, type CheckResult, type Config, type CrossYear } from '../core';
import { completeArith, restoreArith } from '../core/arith';
import { Lines } from '../core/text';

export class Cancelled extends Error {}

/**
 * Checks one document at a time on a worker thread (this server's own script, started with the
 * role below). A newer check cancels the running one by ending its worker.
 */
export class BackgroundChecker {
  private worker: Worker | null = null;
  private job: { id: number; text: string; resolve: (r: { result: CheckResult; ms: number }) => void; reject: (e: Error) => void } | null = null;
  private nextId = 0;
  constructor(private readonly script: string) {}

  /** The check's result, and how long the check itself took on the worker (without the copies), in ms. */
  check(text: string, config: Config, crossyear?: CrossYear): Promise<{ result: CheckResult; ms: number }> {
    this.cancel();
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.job = { id, text, resolve, reject };
      worker.postMessage({ id, text, config, crossyear });
    });
  }

  /** Whether a worker is started and has no check to do (it stays for this document's next check). */
  get idle(): boolean {
    return !!this.worker && !this.job;
  }

  /** Ends the worker if it has nothing to do (the next check starts another). */
  release(): void {
    if (!this.idle) return;
    void this.worker?.terminate();
    this.worker = null;
  }

  /** Ends the running check, if any (its worker with it). */
  cancel(): void {
    if (!this.job) return;
    this.job.reject(new Cancelled());
    this.job = null;
    void this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.cancel();
    void this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(this.script, { workerData: { role: CHECK_WORKER_ROLE } });
    worker.unref();
    worker.on('message', (m: { id: number; result?: WorkerResult; ms?: number; error?: string }) => {
      const job = this.job;
      if (!job || job.id !== m.id) return;
      this.job = null;
      if (m.result) job.resolve({ result: fromWorker(m.result, job.text), ms: m.ms ?? 0 });
      else job.reject(new Error(m.error ?? 'check failed'));
    });
    worker.on('error', (e) => {
      this.job?.reject(e);
      this.job = null;
      this.worker = null;
    });
    this.worker = worker;
    return worker;
  }
}

export const CHECK_WORKER_ROLE = 'nianbao-background-check';

/**
 * A check's result as a worker sends it: without the texts (the text, its normalized form and the
 * line index's copy of it), which are most of its bytes and which the receiver has or remakes.
 */
interface WorkerResult extends Omit<CheckResult, 'report'> {
  report: Omit<CheckResult['report'], 'text' | 'lines'> & { starts: Int32Array; masked: string | null };
}

function forTransfer(result: CheckResult): WorkerResult {
  const { text: _text, norm, lines, ...report } = result.report;
  // The line index reads the masked text: the normalized one unless debris was blanked in it.
  return { ...result, arith: completeArith(result.arith), report: { ...report, norm, starts: lines.starts, masked: lines.norm === norm ? null : lines.norm } };
}

/** A result from a worker made whole: the text put back, and the classes that structured cloning drops. */
function fromWorker(r: WorkerResult, text: string): CheckResult {
  const { starts, masked, ...report } = r.report;
  return { ...r, arith: restoreArith(r.arith), report: { ...report, text, lines: new Lines(masked ?? report.norm, starts) } };
}

/** The worker's side: check each text it is sent and send the result back. */
export function runCheckWorker(port: MessagePort): void {
  port.on('message', ({ id, text, config, crossyear }: { id: number; text: string; config: Config; crossyear?: CrossYear }) => {
    try {
      const t0 = performance.now();
      const result = check(text, crossyear ? { config, crossyear } : { config });
      port.postMessage({ id, result: forTransfer(result), ms: performance.now() - t0 });
    } catch (e) {
      port.postMessage({ id, error: (e as Error).message });
    }
  });
}
