// The language server's process entry (`dist/server.js`), as the VS Code client starts it over IPC;
// `guardrails lsp --stdio` starts the same server from the CLI. In a worker thread, this file is
// a parsing thread of the first load instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { FactsWorkerPool, serveFactsRequests } from '../core';

if (isMainThread) {
  const connection = createConnection(ProposedFeatures.all);
  // Parsing threads only pay off on large loads; `auto` decides per load, and never past the spare cores.
  const workers = os.availableParallelism() > 1 ? new FactsWorkerPool(__filename, 'auto', (message) => connection.console.warn(message)) : undefined;
  // This bundle's build: what history measured with another build of the engine is measured again.
  startServer(connection, { workers, engineVersion: `server+${fs.statSync(__filename).mtimeMs}` });
} else {
  serveFactsRequests();
}
