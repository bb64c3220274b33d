import * as path from 'node:path';
import { scanDebtDirectory } from '../../core/analysis/scanDebtDirectory';
import { toJsonReport } from '../../core/report/jsonReport';
import { formatDebtText } from '../../core/report/textReport';
import type { CliArgs } from '../args';
import { formatProblems, writeReport, type CliIo } from '../output';
import { VERSION } from '../version';

/** `guardrails debt`: the tagged debt, for reading; exits 0 unless the rules file is broken. */
export async function runDebt(args: CliArgs, io: CliIo): Promise<number> {
  const format = args.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr.write(`guardrails: debt --format takes text or json, not "${format}"\n`);
    return 2;
  }
  const outcome = scanDebtDirectory(path.resolve(io.cwd, args.dir), {
    config: args.config && path.resolve(io.cwd, args.config),
    today: args.today,
  });
  if (!outcome.ok) {
    io.stderr.write(`guardrails: ${outcome.message}\n${formatProblems(outcome.problems, io.cwd)}\n`);
    return 2;
  }
  const { result } = outcome;
  const report = format === 'json'
    ? JSON.stringify({ version: VERSION, root: result.root, debt: toJsonReport(result, { version: VERSION }).debt }, null, 2)
    : formatDebtText(result, { color: args.color });
  writeReport(io, report, args.output);
  return 0;
}
