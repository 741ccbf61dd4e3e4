/**
 * The nianbao language server: `node server/out/server.js --stdio` (any LSP client) or
 * `--node-ipc` (the VS Code client). It only creates the connection; features/service.ts wires it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './features/service';

startServer(createConnection(ProposedFeatures.all));
