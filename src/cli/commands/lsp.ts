import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/server';
import type { CliArgs } from '../args';
import type { CliIo } from '../output';
import { buildId } from '../version';
import { createFactsWorkers } from '../workers';

/**
 * `guardrails lsp --stdio`: the language server for any editor with an LSP client. Resolves only
 * when the client ends the session (the server exits the process on the `exit` notification).
 */
export function runLsp(args: CliArgs, io: CliIo): Promise<number> {
  if (!args.stdio) {
    io.stderr.write('guardrails: lsp talks over standard input and output: run `guardrails lsp --stdio`\n');
    return Promise.resolve(2);
  }
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { workers: createFactsWorkers(args, io), engineVersion: buildId() });
  return new Promise<number>((resolve) => connection.onExit(() => resolve(0)));
}
