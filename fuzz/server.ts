/**
 * The fuzzer's server part: the built language server (`server/out/server.js --stdio`) driven as an
 * editor would drive it, with nastier edits: open documents made from fuzz cases, random
 * incremental edits (positions inside surrogate pairs and past the end included), and requests
 * (document symbols, code actions with the published diagnostics and with forged ones, folding,
 * hover, inlay hints). Every response must come back within a time bound, every position in it
 * must lie inside the document it answers for, and the process must not exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type DocumentSymbol,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { onBoundary } from '../server/src/core/text';
import { NASTY, Rng } from '../test/property/mutate';
import { caseSeed, makeCase, type Pool } from './cases';

/** A response must come within this (big documents are checked on the server's worker thread). */
export const REQUEST_TIMEOUT_MS = 15_000;

export interface ServerFailure {
  session: number;
  step: string;
  problems: string[];
  /** The document text when it failed, and the operations of the session so far. */
  text: string;
  log: string[];
}

export interface ServerStats {
  sessions: number;
  edits: number;
  /** Edits not sent because they join a "\r" and a "\n" (see `joinsLineBreak`). */
  skipped: number;
  requests: number;
  diagnostics: number;
  failures: ServerFailure[];
}

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: no response within ${ms} ms`)), ms);
    }),
  ]);
}

/** Problems with a position in a document (a version the client holds). */
function positionProblems(doc: TextDocument, p: Position | undefined, what: string): string[] {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return [`${what}: not a position: ${JSON.stringify(p)}`];
  if (p.line < 0 || p.character < 0) return [`${what}: negative position ${JSON.stringify(p)}`];
  if (p.line >= doc.lineCount) return [`${what}: line ${p.line} past the last line ${doc.lineCount - 1}`];
  const start = doc.offsetAt({ line: p.line, character: 0 });
  const end = doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER });
  const text = doc.getText();
  // The line's own length (offsetAt stops before the line break).
  let len = end - start;
  while (len > 0 && (text[start + len - 1] === '\n' || text[start + len - 1] === '\r')) len--;
  if (p.character > len) return [`${what}: character ${p.character} past the end of line ${p.line} (length ${len})`];
  if (!onBoundary(text, start + p.character)) return [`${what}: ${JSON.stringify(p)} splits a surrogate pair`];
  return [];
}

function rangeProblems(doc: TextDocument, r: Range | undefined, what: string): string[] {
  if (!r) return [`${what}: no range`];
  const out = [...positionProblems(doc, r.start, `${what} start`), ...positionProblems(doc, r.end, `${what} end`)];
  if (!out.length && doc.offsetAt(r.start) > doc.offsetAt(r.end)) out.push(`${what}: start after end ${JSON.stringify(r)}`);
  return out;
}

function symbolProblems(doc: TextDocument, syms: (DocumentSymbol | SymbolInformation)[] | null, what = 'symbol'): string[] {
  if (!syms) return [];
  const out: string[] = [];
  syms.forEach((s, i) => {
    if ('location' in s) out.push(...rangeProblems(doc, s.location.range, `${what}[${i}] ${s.name}`));
    else {
      out.push(
        ...rangeProblems(doc, s.range, `${what}[${i}] ${s.name} range`),
        ...rangeProblems(doc, s.selectionRange, `${what}[${i}] ${s.name} selectionRange`),
      );
      if (typeof s.name !== 'string' || !s.name.trim()) out.push(`${what}[${i}]: empty name`);
      if (s.children) out.push(...symbolProblems(doc, s.children, `${what}[${i}].children`));
    }
  });
  return out;
}

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const c of edit.documentChanges ?? []) if ('edits' in c && c.textDocument.uri === uri) out.push(...(c.edits as TextEdit[]));
  return out;
}

/** A text to type or paste. */
function randomInsert(rng: Rng, pool: Pool): string {
  switch (rng.int(8)) {
    case 0:
    case 1:
      return rng.pick(NASTY);
    case 2:
      return String(rng.int(rng.chance(0.8) ? 30 : 1e9));
    case 3:
      return rng.pick(['\n', '\r\n', '\t', ' ', '\u3000', '|']);
    case 4: {
      const b = rng.pick(pool.bases).text;
      const lines = b.split('\n');
      return `${lines[rng.int(lines.length)]!}\n`;
    }
    case 5: {
      const b = rng.pick(pool.bases).text;
      const at = rng.int(b.length);
      return b.slice(at, at + rng.int(2000));
    }
    default: {
      let s = '';
      for (let k = 1 + rng.int(5); k > 0; k--) s += String.fromCharCode(rng.int(0x10000));
      return s;
    }
  }
}

function randomPosition(rng: Rng, doc: TextDocument): Position {
  // Mostly inside the text; sometimes anywhere on a line, past the end of it, or past the last line.
  if (rng.chance(0.05)) return { line: doc.lineCount + rng.int(3), character: rng.int(10) };
  if (rng.chance(0.1)) return { line: rng.int(doc.lineCount), character: rng.int(200) };
  return doc.positionAt(rng.int(doc.getText().length + 1));
}

function randomRange(rng: Rng, doc: TextDocument): Range {
  const a = randomPosition(rng, doc);
  if (rng.chance(0.3)) return { start: a, end: a };
  const o = doc.offsetAt(a);
  const b = doc.positionAt(o + rng.int(rng.chance(0.8) ? 60 : 3000));
  return { start: a, end: b };
}

/**
 * Whether an edit joins a "\r" and a "\n" across its ends into one line break (or lands inside a
 * "\r\n"). Editors never do (VS Code writes one end-of-line sequence throughout), and
 * vscode-languageserver-textdocument 1.0.12 keeps a stale line table after such an edit, so the
 * server's copy then drifts from the editor's on the next edit: "a\rb", insert "\n" at 1:0, then
 * replace 1:0–1:1 with "X" gives "a\rX\nb" in the server and "a\r\nX" in the editor. Skipped
 * unless --raw-eol.
 */
export function joinsLineBreak(doc: TextDocument, range: Range, text: string): boolean {
  const t = doc.getText();
  const s = doc.offsetAt(range.start);
  const e = Math.max(s, doc.offsetAt(range.end));
  const inside = (o: number) => t[o - 1] === '\r' && t[o] === '\n';
  const first = text.length ? text[0] : t[e];
  const last = text.length ? text[text.length - 1] : t[s - 1];
  return inside(s) || inside(e) || (t[s - 1] === '\r' && first === '\n') || (last === '\r' && t[e] === '\n');
}

export class ServerFuzzer {
  private proc!: ChildProcess;
  private conn!: ProtocolConnection;
  private exited: string | null = null;
  private stderr = '';
  /** Versions of each open document the client has sent (the server may publish for any of them). */
  private versions = new Map<string, Map<number, TextDocument>>();
  private published = new Map<string, PublishDiagnosticsParams>();
  private diagProblems: string[] = [];
  /** The text of the first version whose diagnostics were out of range. */
  private diagText: string | null = null;
  readonly stats: ServerStats = { sessions: 0, edits: 0, skipped: 0, requests: 0, diagnostics: 0, failures: [] };

  constructor(
    readonly serverPath: string,
    readonly seed: number,
    readonly pool: Pool,
    /** Send edits that join a "\r" and a "\n" too (see `joinsLineBreak`). */
    readonly rawEol = false,
  ) {}

  async start(): Promise<void> {
    this.exited = null;
    this.stderr = '';
    this.proc = spawn(process.execPath, [this.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal}); stderr: ${this.stderr.trim().slice(-1500)}`;
    });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    // An editor's answers: no settings (the defaults), no edit applied, anything else acknowledged.
    this.conn.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params?.items ?? []).map(() => null));
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'window/workDoneProgress/create',
      'window/showDocument',
      'window/showMessageRequest',
      'workspace/inlayHint/refresh',
      'workspace/workspaceFolders',
    ]) {
      this.conn.onRequest(method, () => null);
    }
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.onDiagnostics(p));
    this.conn.onError(() => undefined);
    this.conn.onClose(() => undefined);
    this.conn.listen();
    await withTimeout(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true },
            documentSymbol: { hierarchicalDocumentSymbolSupport: this.seed % 2 === 0 },
            codeAction: {
              codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
              isPreferredSupport: true,
              dataSupport: true,
            },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            foldingRange: {},
            inlayHint: {},
          },
          workspace: { configuration: true, workspaceEdit: { documentChanges: true }, applyEdit: true },
        },
      }),
      REQUEST_TIMEOUT_MS,
      'initialize',
    );
    await this.conn.sendNotification('initialized', {});
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.stats.diagnostics++;
    this.published.set(p.uri, p);
    const versions = this.versions.get(p.uri);
    if (!versions) return; // closed since
    const doc = p.version !== undefined ? versions.get(p.version) : undefined;
    if (p.version !== undefined && !doc) {
      this.diagProblems.push(`diagnostics for version ${p.version} of ${p.uri}, which the client never sent`);
      return;
    }
    if (!doc) return;
    const problems: string[] = [];
    p.diagnostics.forEach((d, i) => {
      problems.push(...rangeProblems(doc, d.range, `v${p.version} diagnostic[${i}] ${d.code}`));
      (d.relatedInformation ?? []).forEach((r, k) => {
        if (r.location.uri === p.uri) problems.push(...rangeProblems(doc, r.location.range, `v${p.version} diagnostic[${i}] related[${k}]`));
      });
    });
    if (problems.length) {
      // Which versions the ranges would fit: tells stale diagnostics (labelled with a newer version) from wrong ones.
      const fits = [...versions.entries()].filter(([, d]) => p.diagnostics.every((x) => !rangeProblems(d, x.range, '').length)).map(([v]) => v);
      problems.unshift(`diagnostics labelled v${p.version} do not fit it${fits.length ? `; they fit v${fits.join(', v')}` : ''}`);
      this.diagProblems.push(...problems);
      if (process.env.NIANBAO_FUZZ_TRACE) {
        for (const [v, d] of versions) this.diagProblems.push(`  v${v}: ${JSON.stringify(d.getText().slice(0, 200))}`);
      }
      this.diagText ??= doc.getText();
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // ended below
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 5000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }

  /** One session: a document opened, edited and queried. Returns false when the server died (restart it). */
  async session(n: number, deadline: number): Promise<boolean> {
    const rng = new Rng(caseSeed(this.seed ^ 0x5e55105, n));
    const c = makeCase(this.seed ^ 0x5e55105, n, this.pool);
    // The server checks big plain text on a worker; keep most sessions editor-sized.
    const text = c.text.length > 300_000 && rng.chance(0.8) ? c.text.slice(0, 300_000) : c.text;
    const uri = `file:///fuzz/session-${n}.${rng.pick(['nianbao', 'txt', 'md'])}`;
    const languageId = uri.endsWith('.nianbao') ? 'nianbao' : uri.endsWith('.md') ? 'markdown' : 'plaintext';
    let doc = TextDocument.create(uri, languageId, 1, text);
    const versions = new Map<number, TextDocument>([[1, doc]]);
    this.versions.set(uri, versions);
    const log: string[] = [`open ${uri} (${c.kind}: ${c.note.slice(0, 300)}), ${text.length} chars`];
    this.stats.sessions++;
    const fail = (step: string, problems: string[]) => {
      this.stats.failures.push({ session: n, step, problems, text: doc.getText(), log: [...log] });
    };
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const request = async <T>(method: string, params: unknown): Promise<T | null> => {
      this.stats.requests++;
      log.push(`${method} ${JSON.stringify(params).slice(0, 300)}`);
      try {
        return await withTimeout(this.conn.sendRequest<T>(method, params), REQUEST_TIMEOUT_MS, method);
      } catch (e) {
        if (e instanceof Timeout) fail(method, [e.message]);
        // An error response is an answer (e.g. a cancelled or invalid request): no failure.
        return null;
      }
    };
    const steps = 5 + rng.int(40);
    for (let step = 0; step < steps && Date.now() < deadline; step++) {
      if (this.exited) break;
      const r = rng.int(10);
      if (r < 6) {
        // One or a burst of edits, sent without waiting (as typing does).
        for (let k = rng.chance(0.3) ? 1 + rng.int(8) : 1; k > 0; k--) {
          const change: TextDocumentContentChangeEvent = rng.chance(0.03)
            ? { text: randomInsert(rng, this.pool) + doc.getText().slice(0, rng.int(5000)) }
            : { range: randomRange(rng, doc), text: rng.chance(0.35) ? '' : randomInsert(rng, this.pool) };
          if ('range' in change && !this.rawEol && joinsLineBreak(doc, change.range, change.text)) {
            this.stats.skipped++;
            continue;
          }
          const version = doc.version + 1;
          // The new text, and its lines counted afresh (as an editor does: TextDocument.update keeps a
          // stale line table when an edit joins a "\r" and a "\n" into one line break).
          const next = 'range' in change ? TextDocument.applyEdits(doc, [{ range: change.range, newText: change.text }]) : change.text;
          doc = TextDocument.create(uri, languageId, version, next);
          versions.set(version, doc);
          if (versions.size > 64) versions.delete(Math.min(...versions.keys()));
          this.stats.edits++;
          log.push(`change v${version} ${JSON.stringify(change).slice(0, 300)}`);
          await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        }
        continue;
      }
      const at = doc;
      const id = { textDocument: { uri } };
      if (r === 6) {
        const syms = await request<(DocumentSymbol | SymbolInformation)[]>('textDocument/documentSymbol', id);
        const ps = symbolProblems(at, syms);
        if (ps.length) fail('documentSymbol', ps);
      } else if (r === 7) {
        // With the diagnostics published for this version (their fixes travel in `data`), or forged ones.
        const pub = this.published.get(uri);
        let diagnostics: Diagnostic[] = pub && pub.version === at.version ? pub.diagnostics : [];
        if (rng.chance(0.2)) {
          diagnostics = [
            ...diagnostics,
            {
              range: randomRange(rng, at),
              message: 'forged',
              source: 'nianbao',
              code: 'table.row-total',
              data: rng.chance(0.5)
                ? { version: at.version, range: [rng.int(1e6) - 10, rng.int(1e6)], fix: { range: [-5, 1e9], text: '\ud800' } }
                : { nonsense: true },
            },
          ];
        }
        const range = rng.chance(0.3) ? { start: { line: 0, character: 0 }, end: at.positionAt(at.getText().length) } : randomRange(rng, at);
        const only = rng.chance(0.2) ? [rng.pick(['quickfix', 'source.fixAll', 'source', 'source.fixAll.nianbao'])] : undefined;
        const actions = await request<(CodeAction | Command)[]>('textDocument/codeAction', {
          ...id,
          range,
          context: { diagnostics, ...(only ? { only } : {}) },
        });
        const ps: string[] = [];
        for (const [i, a] of (actions ?? []).entries()) {
          if (!('edit' in a) || !a.edit) continue;
          for (const [k, e] of editsOf(a.edit, uri).entries()) ps.push(...rangeProblems(at, e.range, `action[${i}] ${a.title} edit[${k}]`));
        }
        if (ps.length) fail('codeAction', ps);
        else if (rng.chance(0.3)) {
          // Apply one action's edit, as accepting a quick fix does.
          const withEdit = (actions ?? []).filter((a): a is CodeAction => 'edit' in a && !!a.edit && a.edit !== undefined);
          if (withEdit.length && doc === at) {
            const a = rng.pick(withEdit);
            const edits = editsOf(a.edit, uri);
            const next = TextDocument.applyEdits(at, edits);
            const version = doc.version + 1;
            doc = TextDocument.create(uri, languageId, version, next);
            versions.set(version, doc);
            log.push(`apply “${a.title}” v${version}`);
            await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next }] });
          }
        }
      } else if (r === 8) {
        const folds = await request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', id);
        const ps = (folds ?? []).flatMap((f, i) =>
          f.startLine < 0 || f.endLine >= at.lineCount || f.startLine > f.endLine ? [`fold[${i}] ${JSON.stringify(f)} outside ${at.lineCount} lines`] : [],
        );
        if (ps.length) fail('foldingRange', ps);
      } else if (rng.chance(0.5)) {
        const h = await request<{ range?: Range }>('textDocument/hover', { ...id, position: randomPosition(rng, at) });
        if (h?.range) {
          const ps = rangeProblems(at, h.range, 'hover');
          if (ps.length) fail('hover', ps);
        }
      } else {
        const hints = await request<{ position: Position }[]>('textDocument/inlayHint', { ...id, range: randomRange(rng, at) });
        const ps = (hints ?? []).flatMap((h, i) => positionProblems(at, h.position, `inlayHint[${i}]`));
        if (ps.length) fail('inlayHint', ps);
      }
    }
    // Everything sent so far must still be answered: a last request after the edits.
    if (!this.exited) {
      const syms = await request<(DocumentSymbol | SymbolInformation)[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const ps = symbolProblems(doc, syms);
      if (ps.length) fail('documentSymbol (last)', ps);
    }
    if (this.diagProblems.length) {
      fail('publishDiagnostics', this.diagProblems.splice(0));
      this.stats.failures[this.stats.failures.length - 1]!.text = this.diagText ?? doc.getText();
      this.diagText = null;
    }
    if (this.exited) {
      fail('process', [this.exited]);
      this.versions.delete(uri);
      return false;
    }
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.versions.delete(uri);
    this.published.delete(uri);
    return true;
  }
}
