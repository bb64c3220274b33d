import { HELP, parseArgs } from './args';
import { runCheck } from './commands/check';
import { runDebt } from './commands/debt';
import { runGraph } from './commands/graph';
import { runHotspots } from './commands/hotspots';
import { runLsp } from './commands/lsp';
import { runImport } from './commands/import';
import { runSnapshot } from './commands/snapshot';
import { runWindows } from './commands/windows';
import { toTerminal } from '../core';
import { outputProblem, terminalSafeIo, type CliIo } from './output';
import { VERSION } from './version';

/** Runs one command and returns its exit code. Never throws for user errors. */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  const io = terminalSafeIo(given);
  const parsed = parseArgs(argv, io.stdout.isTTY === true);
  switch (parsed.kind) {
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case 'help':
      io.stdout.write(`${HELP}\n`);
      return 0;
    case 'error':
      io.stderr.write(`guardrails: ${parsed.message}\n`);
      return 2;
    case 'run':
      break;
  }
  const { args } = parsed;
  for (const note of parsed.notes) io.stderr.write(`guardrails: ${note}\n`);
  const badOutput = args.output === undefined ? undefined : outputProblem(io.cwd, args.output);
  if (badOutput) {
    io.stderr.write(`guardrails: ${badOutput}\n`);
    return 2;
  }
  switch (args.command) {
    case 'check':
      return runCheck(args, io);
    case 'debt':
      return runDebt(args, io);
    case 'graph':
      return runGraph(args, io);
    case 'windows':
      return runWindows(args, io);
    case 'snapshot':
      return runSnapshot(args, io);
    case 'hotspots':
      return runHotspots(args, io);
    case 'lsp':
      return runLsp(args, io);
    case 'import':
      return runImport(args, io);
  }
}

/** A parsing thread's entry (the loader calls it in workers the CLI starts). */
export { serveFactsRequests as factsWorkerMain } from '../core';

/** The process entry: runs the command line and sets the exit code. */
export function cliMain(): void {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A bug, not a user error: say so plainly with the detail worth reporting.
      process.stderr.write(toTerminal(`guardrails: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`));
      process.exitCode = 2;
    },
  );
}

if (require.main === module) cliMain();
