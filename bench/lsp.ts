/**
 * The LSP part of `npm run bench`: a real server process over stdio.
 *   latency   one-character edits at random places in a 10 KB and a 1 MB report, each timed from
 *             writing didChange to reading the publishDiagnostics of that version; and the time to
 *             the first diagnostics after didOpen
 *   memory    the server's RSS with 50 reports open, and after 10,000 edits (it must not grow)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_EXEC_ARGV } from '../server/src/features/protocol';
import { concatenated, reportTexts, ROOT } from './texts';
import { stats, type Stats } from './stats';

type RowFn = (name: string, value: string, target?: string, pass?: boolean | null) => void;

const SERVER = join(ROOT, 'server', 'out', 'server.js');

/** A seeded random number generator (mulberry32), so that runs edit the same places. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Server {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  private waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  readonly docs = new Map<string, TextDocument>();
  /** `script`: a build's server.js (this checkout's by default). */
  constructor(script = SERVER) {
    // Started as the VS Code client starts it.
    this.proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.waiting.get(`${p.uri}#${p.version}`)?.(p));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }
  async init(): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // As VS Code declares them (file watchers registered by the server: service/previousWiring.ts).
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }
  private published(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) =>
      this.waiting.set(`${uri}#${version}`, (p) => {
        this.waiting.delete(`${uri}#${version}`);
        resolve(p);
      }),
    );
  }
  async open(uri: string, text: string): Promise<number> {
    this.docs.set(uri, TextDocument.create(uri, 'nianbao', 1, text));
    const t0 = performance.now();
    const p = this.published(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text } });
    await p;
    return performance.now() - t0;
  }
  /** Inserts or deletes one character at an offset; the time to the new version's diagnostics. */
  async edit(uri: string, offset: number, insert: string | null): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const start = doc.positionAt(offset);
    const end = insert === null ? doc.positionAt(offset + 1) : start;
    const change = { range: { start, end }, text: insert ?? '' };
    this.docs.set(uri, TextDocument.update(doc, [change], version));
    const p = this.published(uri, version);
    const t0 = performance.now();
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await p;
    return performance.now() - t0;
  }
  rssMb(): number | null {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : null;
    } catch {
      return null;
    }
  }
  async close(): Promise<void> {
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    this.conn.dispose();
  }
}

/** Random one-character edits (inserting a character, or deleting one inserted before) at random places. */
export async function randomEdits(s: Server, uri: string, count: number, seed: number): Promise<number[]> {
  const rnd = random(seed);
  const times: number[] = [];
  const inserted: number[] = [];
  for (let i = 0; i < count; i++) {
    const len = s.docs.get(uri)!.getText().length;
    if (inserted.length && rnd() < 0.5) {
      const at = inserted.pop()!;
      times.push(await s.edit(uri, at, null));
    } else {
      const at = Math.floor(rnd() * len);
      inserted.push(at);
      // Digits too: an edit inside a table changes the findings.
      times.push(await s.edit(uri, at, '0123456789某'[Math.floor(rnd() * 11)]!));
    }
  }
  return times;
}

export async function lspBench(row: RowFn, results: Record<string, unknown>): Promise<void> {
  const texts = reportTexts().map((t) => t.text);
  const out: Record<string, unknown> = {};
  for (const [label, size, edits, target] of [
    ['10 KB', 10 * 1024, 600, 15],
    ['1 MB', 1024 * 1024, 120, 150],
  ] as const) {
    const text = concatenated(texts, size);
    const s = new Server();
    await s.init();
    const uri = `file:///bench/${label.replace(' ', '')}.nianbao`;
    const first = await s.open(uri, text);
    await randomEdits(s, uri, 20, 7); // warm up
    const st: Stats = stats(await randomEdits(s, uri, edits, 42));
    await s.close();
    row(
      `lsp: edit → diagnostics, ${label} (${edits} random edits)`,
      `p50 ${st.median.toFixed(1)} ms p95 ${st.p95.toFixed(1)} ms max ${st.max.toFixed(1)} ms`,
      `p95 ≤ ${target} ms`,
      st.p95 <= target,
    );
    row(`lsp: first diagnostics after didOpen, ${label}`, `${first.toFixed(1)} ms (cold server)`);
    out[label] = { latency: st, firstMs: first };
  }

  // Memory: 50 reports open, then 10,000 edits spread over them.
  const s = new Server();
  await s.init();
  for (let i = 0; i < 50; i++) await s.open(`file:///bench/r${i}.nianbao`, texts[i % texts.length]!);
  const open50 = s.rssMb();
  const rnd = random(3);
  const samples: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const uri = `file:///bench/r${Math.floor(rnd() * 50)}.nianbao`;
    const len = s.docs.get(uri)!.getText().length;
    // Type and delete in turn, so the documents keep their size.
    if (i % 2 === 0) await s.edit(uri, Math.floor(rnd() * len), '字');
    else await s.edit(uri, s.docs.get(uri)!.getText().indexOf('字'), null);
    if (i % 1000 === 999) samples.push(s.rssMb() ?? 0);
  }
  const after = s.rssMb();
  await s.close();
  if (open50 !== null && after !== null) {
    // Flat: the last samples no higher than the first ones after warm-up, give or take 10%.
    const early = Math.max(...samples.slice(1, 4));
    const late = Math.max(...samples.slice(-3));
    const flat = late <= early * 1.1 + 2;
    row('lsp: server RSS, 50 reports open', `${open50.toFixed(0)} MB`, '≤ 80 MB', open50 <= 80);
    row('lsp: server RSS after 10,000 edits', `${after.toFixed(0)} MB (per 1,000 edits: ${samples.map((x) => x.toFixed(0)).join(' ')})`, 'flat', flat);
    out.memory = { open50Mb: open50, after10kMb: after, samples };
  }
  results.lsp = out;
}
