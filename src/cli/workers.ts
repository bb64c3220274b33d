import * as path from 'node:path';
import type { CliArgs } from './args';
import type { CliIo } from './output';
import { FactsWorkerPool } from '../core';

/**
 * Parsing threads for a command: workers run the CLI's own entry (`cli.js`, next to this bundle),
 * which loads the engine from the same V8 code cache. Run from unbundled sources there is no such
 * entry, and everything is parsed on the main thread.
 */
export function createFactsWorkers(args: CliArgs, io: CliIo): FactsWorkerPool {
  return new FactsWorkerPool(path.join(__dirname, 'cli.js'), args.concurrency, (message) => io.stderr.write(`guardrails: ${message}\n`));
}
