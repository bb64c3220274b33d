import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { VERSION } from '../version';
import { historyCacheDir } from './cacheDir';
import { changeCounts, DEFAULT_DAYS, formatDebtText, scanDebtDirectory, todayIso, toJsonReport } from '../../core';

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
  let report: string;
  if (format === 'json') {
    // Each item carries how often its file changed (as `hotspots` counts it); null without git.
    const changes = await changeCounts(result.root, args.today ?? todayIso(), args.days ?? DEFAULT_DAYS, { cacheDir: historyCacheDir(args, io) });
    const debt = toJsonReport(result, { version: VERSION }).debt.map((item) => ({
      ...item,
      changes: changes.ok ? changes.byFile.get(path.resolve(result.root, item.file))?.changes ?? 0 : null,
    }));
    report = JSON.stringify({ version: VERSION, root: result.root, debt }, null, 2);
  } else {
    report = formatDebtText(result, { color: args.color });
  }
  if (!writeReport(io, report, args.output)) return 2;
  return 0;
}
