/**
 * The nianbao language server: `node server/out/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client). It only creates the connection; service/index.ts wires it.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CHECK_WORKER_ROLE, runCheckWorker } from './service/worker';
import { startServer } from './service';

// The same script checks large documents on a worker thread (service/worker.ts).
if (!isMainThread && (workerData as { role?: string } | null)?.role === CHECK_WORKER_ROLE) runCheckWorker(parentPort!);
else startServer(createConnection(ProposedFeatures.all));
