/**
 * Reading a PDF: pdfjs-dist runs in a worker thread (server/out/pdf-worker.js, its own bundle, started
 * the first time a PDF is read and kept for the next), waited on synchronously with a time limit so
 * that readers stay synchronous; a PDF that takes longer is given up, and its worker with it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { PdfResponse } from './pdf-types';

/** How long one PDF may take: a 100-page compilation reads in a few seconds. */
export const PDF_TIMEOUT_MS = 60_000;

let worker: Worker | null = null;

/** The worker's bundle: beside this bundle (server/out), or built there when run from the sources. */
export function workerFile(): string | null {
  for (const dir of [__dirname, join(__dirname, '..', '..', 'out')]) {
    const f = join(dir, 'pdf-worker.js');
    if (existsSync(f)) return f;
  }
  return null;
}

function start(file: string): Worker {
  const w = new Worker(file, {
    workerData: { assets: join(file, '..', 'pdfjs') },
    // The worker's console (pdfjs's warnings) is piped here and never read: not on our stdout.
    stdout: true,
    stderr: true,
  });
  w.unref();
  w.on('error', () => {
    if (worker === w) worker = null;
  });
  return w;
}

/** Reads a PDF's pages in the worker; waits at most `timeoutMs`. */
export function readPdfPages(
  bytes: Uint8Array,
  options: { images?: boolean; timeoutMs?: number; kind?: 'pdf' | 'doc' } = {},
): PdfResponse | { failure: 'unavailable'; pages?: undefined; text?: undefined; detail?: undefined } {
  const file = workerFile();
  if (!file) return { failure: 'unavailable' };
  worker ??= start(file);
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const copy = new Uint8Array(bytes);
  worker.postMessage({ req: { kind: options.kind ?? 'pdf', bytes: copy, images: options.images ?? true }, flag, port: port2 }, [port2, copy.buffer]);
  const waited = Atomics.wait(new Int32Array(flag), 0, 0, options.timeoutMs ?? PDF_TIMEOUT_MS);
  const msg = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' || !msg) {
    void worker.terminate();
    worker = null;
    return { failure: 'timeout' };
  }
  return msg.message as PdfResponse;
}

/** Stops the worker (tests and the server's shutdown); the next PDF starts another. */
export function stopPdfWorker(): Promise<number> | undefined {
  const w = worker;
  worker = null;
  return w?.terminate();
}
