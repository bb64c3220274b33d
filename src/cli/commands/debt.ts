import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { VERSION } from '../version';
import { formatDebtText, scanDebtDirectory, toJsonReport } from '../../core';

/** `guardrails debt`: the tagged debt, for reading; exits 0 unless the rules file is broken. */
export async function runDebt(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'debt', args.format, ['text', 'json']);
  if (!format) return 2;
  const outcome = scanDebtDirectory(path.resolve(io.cwd, args.dir), {
    config: args.config && path.resolve(io.cwd, args.config),
    today: args.today,
  });
  if (!outcome.ok) return reportFailure(io, outcome);
  const { result } = outcome;
  const report = format === 'json'
    ? JSON.stringify({ version: VERSION, root: result.root, debt: toJsonReport(result, { version: VERSION }).debt }, null, 2)
    : formatDebtText(result, { color: args.color });
  if (!writeReport(io, report, args.output)) return 2;
  return 0;
}
