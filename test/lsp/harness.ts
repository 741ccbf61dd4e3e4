/**
 * An LSP client over an in-process pair of streams, for the LSP tests: the server runs in this
 * process (`startServer` on a connection built from PassThrough streams), the client is a plain
 * protocol connection that keeps its own copies of the documents and answers the server's requests
 * (configuration, registrations, applyEdit, showDocument) the way an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { startServer } from '../../server/src/service';
import { ROOT } from '../helpers';

/** The server to start as a process: the build, or another (`NIANBAO_SERVER`: e.g. the one unpacked from the .vsix). */
export const SERVER = process.env.NIANBAO_SERVER ?? join(ROOT, 'server/out/server.js');

export const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    foldingRange: {},
    inlayHint: {},
  },
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    inlayHint: { refreshSupport: true },
  },
  window: { showDocument: { support: true } },
};

export interface ClientOptions {
  locale?: string;
  /** The `nianbao` settings section the client answers `workspace/configuration` with. */
  settings?: unknown;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
}

type Waiter = { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly docs = new Map<string, TextDocument>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly messages: string[] = [];
  readonly shownDocuments: string[] = [];
  settings: unknown;
  private waiters: Waiter[] = [];
  initializeResult!: InitializeResult;

  constructor(
    readonly conn: ProtocolConnection,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? null;
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    conn.onUnhandledNotification((n) => {
      const method = n.method;
      const params = n.params;
      this.notifications.push({ method, params });
      if (method === 'window/showMessage') this.messages.push((params as { message: string }).message);
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/inlayHint/refresh', () => null);
    conn.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shownDocuments.push(p.uri);
      return { success: true };
    });
    conn.onRequest('workspace/applyEdit', async (p: { edit: WorkspaceEdit }) => {
      const applied = await this.applyEdit(p.edit);
      return { applied };
    });
    conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
  }

  /** The next publication for a uri that satisfies `pred` (one already received counts only if `since` says so). */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 30_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Opens a document and waits for its first diagnostics. */
  async open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    const published = this.diagnostics(uri, (p) => p.version === 1 || p.version === undefined);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  /** Sends incremental changes (each relative to the text after the previous one) and waits for the new version's diagnostics. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = this.docs.get(uri)!.version + 1;
    const published = this.diagnostics(uri, (p) => p.version === version);
    await this.send(uri, changes);
    return published;
  }

  /** Sends incremental changes without waiting for diagnostics; returns the new version. */
  async send(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(TextDocument.create(uri, doc.languageId, doc.version, doc.getText()), changes, version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies text edits (all relative to the current text) as one change, bottom first. */
  async edit(uri: string, edits: TextEdit[]): Promise<PublishDiagnosticsParams> {
    const doc = this.docs.get(uri)!;
    const sorted = [...edits].sort(
      (a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start) || doc.offsetAt(b.range.end) - doc.offsetAt(a.range.end),
    );
    return this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  /** Applies a workspace edit as an editor does; for each document, waits for the diagnostics of its new version. */
  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    const all: [string, TextEdit[], number | null][] = [];
    for (const c of edit.documentChanges ?? []) {
      if (!('edits' in c)) return false;
      all.push([c.textDocument.uri, c.edits as TextEdit[], c.textDocument.version]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) all.push([uri, edits, null]);
    for (const [uri, , version] of all) {
      const doc = this.docs.get(uri);
      if (!doc || (version !== null && version !== doc.version)) return false;
    }
    for (const [uri, edits] of all) await this.edit(uri, edits);
    return true;
  }

  /** Resolves once `cond` holds (checked as messages arrive), or fails after the timeout. */
  async until(cond: () => boolean, timeoutMs = 30_000): Promise<void> {
    const start = Date.now();
    while (!cond()) {
      if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  /** The last diagnostics published for a uri. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.filter((p) => p.uri === uri).pop();
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** The server process, when the client started one (`startProcess`). */
  process?: ChildProcess;

  async dispose(): Promise<void> {
    await this.conn.sendRequest('shutdown');
    if (this.process) {
      const exited = new Promise<number | null>((resolve) => this.process!.on('exit', resolve));
      await this.conn.sendNotification('exit');
      const code = await exited;
      this.conn.dispose();
      if (code !== 0) throw new Error(`server exited with ${code}`);
      return;
    }
    this.conn.dispose();
  }
}

async function initialize(client: TestClient, options: ClientOptions): Promise<TestClient> {
  client.conn.listen();
  client.initializeResult = await client.conn.sendRequest('initialize', {
    processId: client.process ? process.pid : null,
    rootUri: options.workspaceFolders?.[0]?.uri ?? null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? CAPABILITIES,
    locale: options.locale,
    initializationOptions: options.initializationOptions,
  });
  await client.conn.sendNotification('initialized', {});
  return client;
}

/** The built server as a process over stdio (`node server.js --stdio`), and a client for it, initialized. */
export async function startProcess(server: string, options: ClientOptions = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new TestClient(conn, options);
  client.process = proc;
  return initialize(client, options);
}

/** A server in this process and a client on the other end of a pair of streams, initialized. */
export async function startPair(options: ClientOptions = {}): Promise<TestClient> {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server);
  const conn = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  return initialize(new TestClient(conn, options), options);
}
