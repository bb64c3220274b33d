import * as path from 'node:path';
import type { CliArgs } from '../args';
import { reportFailure, type CliIo } from '../output';
import { snapshotDirectory } from '../../core';

/**
 * `guardrails snapshot`: adds today's debt and findings of each open refactoring window to
 * `.guardrails/snapshots.json`, for workspaces where git cannot tell how the code looked.
 */
export async function runSnapshot(args: CliArgs, io: CliIo): Promise<number> {
  if (args.format !== undefined) {
    io.stderr.write('guardrails: snapshot takes no --format\n');
    return 2;
  }
  const outcome = await snapshotDirectory(path.resolve(io.cwd, args.dir), {
    config: args.config && path.resolve(io.cwd, args.config),
    today: args.today,
  });
  if (!outcome.ok) return reportFailure(io, outcome);
  if (outcome.recorded.length === 0) {
    io.stdout.write('No open refactoring windows: nothing to record.\n');
    return 0;
  }
  for (const recorded of outcome.recorded) {
    const relative = path.relative(io.cwd, recorded.file);
    const file = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : recorded.file;
    io.stdout.write(`Recorded ${recorded.date} for ${recorded.windows.join(', ')} in ${file}\n`);
  }
  return 0;
}
