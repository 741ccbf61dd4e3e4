/**
 * The document worker (its own bundle, server/out/pdf-worker.js): loads pdfjs-dist and word-extractor
 * only here, so that nothing else pays for them, and reads each PDF it is sent into positioned text
 * items, the pictures drawn on each page, and why it cannot (encrypted, damaged); a Word 97-2003
 * .doc into its text. pdfjs's "Warning:" lines go
 * to this thread's console, which the reader's side never passes on.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { PdfImage, PdfItem, PdfPage, PdfRequest, PdfResponse } from './pdf-types';

// pdfjs warns on the console while it loads (no canvas in Node): never on the CLI's stdout.
for (const k of ['log', 'warn', 'info', 'debug', 'error'] as const) console[k] = () => {};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' }});
let pdfjs: PdfJs | null = null;

async function load(): Promise<PdfJs> {
  if (pdfjs) return pdfjs;
  // The worker half of pdfjs, run in this thread (pdfjs's "fake worker" finds it on globalThis).
  // @ts-expect-error: pdfjs-dist ships no types for its worker module
  const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
  return pdfjs;
}

const { assets } = workerData as { assets: string };

/** The pictures a page draws, placed by the transformation in force (save/restore/transform tracked). */
function imagesOf(fnArray: number[], argsArray: unknown[], OPS: Record<string, number>): PdfImage[] {
  const out: PdfImage[] = [];
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const paint = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  for (let i = 0; i < fnArray.length; i++) {
    const op = fnArray[i];
    if (op === OPS.save) stack.push(m);
    else if (op === OPS.restore) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (op === OPS.transform || op === OPS.paintFormXObjectBegin) {
      const t = (op === OPS.transform ? argsArray[i] : (argsArray[i] as unknown[])[0]) as number[] | null;
      if (op === OPS.paintFormXObjectBegin) stack.push(m);
      if (Array.isArray(t) && t.length === 6) {
        const [a, b, c, d, e, f] = t as [number, number, number, number, number, number];
        m = [
          m[0]! * a + m[2]! * b,
          m[1]! * a + m[3]! * b,
          m[0]! * c + m[2]! * d,
          m[1]! * c + m[3]! * d,
          m[0]! * e + m[2]! * f + m[4]!,
          m[1]! * e + m[3]! * f + m[5]!,
        ];
      }
    } else if (op === OPS.paintFormXObjectEnd) m = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (paint.has(op!)) {
      const w = Math.hypot(m[0]!, m[1]!);
      const h = Math.hypot(m[2]!, m[3]!);
      out.push({ x: Math.min(m[4]!, m[4]! + m[0]! + m[2]!), y: Math.min(m[5]!, m[5]! + m[1]! + m[3]!), w, h });
    }
  }
  return out;
}

/** A Word 97-2003 document's text (word-extractor: cells end in tabs; rows are not marked). */
async function readDoc(bytes: Uint8Array): Promise<PdfResponse> {
  // @ts-expect-error: word-extractor ships no types
  const { default: WordExtractor } = (await import('word-extractor')) as { default: new () => { extract(b: Buffer): Promise<{ getBody(): string }> } };
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { text: doc.getBody() };
  } catch (e) {
    return { failure: 'damaged', detail: String((e as Error)?.message ?? e).slice(0, 200) };
  }
}

async function read(req: PdfRequest): Promise<PdfResponse> {
  if (req.kind === 'doc') return readDoc(req.bytes);
  const lib = await load();
  lib.GlobalWorkerOptions.workerSrc = '';
  let doc: Awaited<ReturnType<typeof lib.getDocument>['promise']>;
  try {
    doc = await lib.getDocument({
      data: req.bytes,
      cMapUrl: `${assets}/cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${assets}/standard_fonts/`,
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') return { failure: 'encrypted' };
    return { failure: 'damaged', detail: String((e as Error)?.message ?? e).slice(0, 200) };
  }
  const pages: PdfPage[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        // Text turned sideways (a watermark, a rotated stamp) is not the report's.
        if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3 || a! <= 0) continue;
        items.push({ str: it.str, x: e!, y: f!, w: it.width, h: Math.abs(d!) || it.height });
      }
      let images: PdfImage[] = [];
      if (req.images) {
        const ops = await page.getOperatorList();
        images = imagesOf(ops.fnArray, ops.argsArray, lib.OPS as unknown as Record<string, number>);
      }
      pages.push({ width, height, items, images });
      page.cleanup();
    }
  } catch (e) {
    return { failure: 'damaged', detail: String((e as Error)?.message ?? e).slice(0, 200) };
  } finally {
    await doc.destroy();
  }
  return { pages };
}

/** The answer to the request being read (one at a time: the reader's side waits for each). */
let answer: ((r: PdfResponse) => void) | null = null;
const failed = (e: unknown): PdfResponse => ({ failure: 'damaged', detail: String((e as Error)?.message ?? e).slice(0, 200) });

// An error pdfjs throws outside the promise it returned still answers, rather than leaving the reader waiting.
process.on('uncaughtException', (e) => answer?.(failed(e)));
process.on('unhandledRejection', (e) => answer?.(failed(e)));

parentPort?.on('message', (msg: { req: PdfRequest; flag: SharedArrayBuffer; port: MessagePort }) => {
  const flag = new Int32Array(msg.flag);
  const reply = (r: PdfResponse) => {
    if (answer !== reply) return;
    answer = null;
    msg.port.postMessage(r);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  answer = reply;
  read(msg.req).then(reply, (e) => reply(failed(e)));
});
