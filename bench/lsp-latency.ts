/**
 * Edit → diagnostics latency of the real server over stdio: `node server/out/server.js --stdio`, a
 * ~10 KB report open, then edits one at a time, each timed from writing its `didChange` to reading
 * the `publishDiagnostics` of that version. Three kinds of edit: a digit in a 表三 cell (the totals
 * break and mend, so the findings change), a character typed in the narrative, and a line pasted
 * above the tables (every offset below moves). Not a test: `npm run bench:lsp` (builds first).
 *
 *   npx tsx bench/lsp-latency.ts [--edits N] [--json]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../server/src/core';
import { stats, type Stats } from './stats';

const ROOT = join(__dirname, '..');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const REPORT = join(ROOT, 'examples', '青禾县市场监督管理局2022年政府信息公开工作年度报告.txt');

export interface LatencyResult {
  bytes: number;
  edits: number;
  /** Milliseconds from didChange written to its publishDiagnostics read, per kind of edit and all together. */
  cell: Stats;
  typing: Stats;
  paste: Stats;
  all: Stats;
  /** The first diagnostics after didOpen (cold process). */
  firstMs: number;
  /** parse + check of the same text in this process, for comparison. */
  checkMs: Stats;
  rssMb: number | null;
}

export async function lspLatency(edits = 300): Promise<LatencyResult> {
  const text = readFileSync(REPORT, 'utf8');
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => waiting.get(p.version ?? -1)?.(p));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await conn.sendNotification('initialized', {});

  const uri = 'file:///bench/report.nianbao';
  let doc = TextDocument.create(uri, 'nianbao', 1, text);
  const published = (version: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(version, resolve));
  let t0 = performance.now();
  const first = published(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
  await first;
  const firstMs = performance.now() - t0;

  const send = async (changes: TextDocumentContentChangeEvent[]): Promise<number> => {
    const version = doc.version + 1;
    doc = TextDocument.update(doc, changes, version);
    const p = published(version);
    t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    await p;
    waiting.delete(version);
    return performance.now() - t0;
  };

  // Where to edit: the 表三 自然人 cell of 一、本年新收 (a digit), the end of the first sentence, the line before 二、.
  const report = check(text).report;
  const requests = report.tables.find((t) => t.decl.id === 'requests')!;
  const cell = requests.blocks[0]!.rows[0]!.cells[0]!;
  // Offsets move as text is inserted above them.
  let cellAt = cell.range[0];
  let paraAt = text.indexOf('。') + 1;
  let pasteAt = report.sections[1]!.range[0];
  const insert = async (at: number, s: string) => {
    const pos = doc.positionAt(at);
    const ms = await send([{ range: { start: pos, end: pos }, text: s }]);
    for (const ref of ['cell', 'para', 'paste'] as const) {
      if (ref === 'cell' && cellAt >= at) cellAt += s.length;
      if (ref === 'para' && paraAt > at) paraAt += s.length;
      if (ref === 'paste' && pasteAt >= at) pasteAt += s.length;
    }
    return ms;
  };

  const samples = { cell: [] as number[], typing: [] as number[], paste: [] as number[] };
  const warm = 30;
  for (let i = 0; i < edits + warm; i++) {
    const kind = (['cell', 'typing', 'paste'] as const)[i % 3]!;
    let ms: number;
    if (kind === 'cell') {
      // Alternate a wrong and the right value: the diagnostics change every time.
      const value = i % 2 ? String((cell.value ?? 0) + 1) : String(cell.value ?? 0);
      const current = /^\d+/.exec(doc.getText().slice(cellAt, cellAt + 8))![0];
      ms = await send([{ range: { start: doc.positionAt(cellAt), end: doc.positionAt(cellAt + current.length) }, text: value }]);
    } else if (kind === 'typing') {
      ms = await insert(paraAt, '字');
    } else {
      ms = await insert(pasteAt, '（粘贴的一行说明文字。）\n');
    }
    if (i >= warm) samples[kind].push(ms);
  }
  // The server's memory, from the OS (Linux only).
  let rssMb: number | null = null;
  try {
    const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    if (m) rssMb = Number(m[1]) / 1024;
  } catch {
    rssMb = null;
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();

  const checkMs: number[] = [];
  const final = doc.getText();
  for (let i = 0; i < 50; i++) check(final);
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    check(final);
    checkMs.push(performance.now() - s);
  }
  return {
    bytes: Buffer.byteLength(text),
    edits,
    cell: stats(samples.cell),
    typing: stats(samples.typing),
    paste: stats(samples.paste),
    all: stats([...samples.cell, ...samples.typing, ...samples.paste]),
    firstMs,
    checkMs: stats(checkMs),
    rssMb,
  };
}

const f = (n: number) => n.toFixed(2);

if (require.main === module) {
  const at = process.argv.indexOf('--edits');
  const edits = at > 0 ? Number(process.argv[at + 1]) : 300;
  void lspLatency(edits).then((r) => {
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    console.log(`edit → publishDiagnostics over stdio, ${(r.bytes / 1024).toFixed(1)} KB report, ${r.edits} edits (ms):`);
    console.log('kind      p50     p95     max');
    for (const k of ['cell', 'typing', 'paste', 'all'] as const)
      console.log(`${k.padEnd(8)} ${f(r[k].median).padStart(6)}  ${f(r[k].p95).padStart(6)}  ${f(r[k].max).padStart(6)}`);
    console.log(`first diagnostics after didOpen (cold server): ${f(r.firstMs)} ms`);
    console.log(`parse + check in process: p50 ${f(r.checkMs.median)} ms, p95 ${f(r.checkMs.p95)} ms`);
    if (r.rssMb !== null) console.log(`server RSS: ${r.rssMb.toFixed(0)} MB`);
    console.log(r.all.p95 < 15 ? 'target (well within 15 ms): met' : 'target (well within 15 ms): NOT met');
  });
}
