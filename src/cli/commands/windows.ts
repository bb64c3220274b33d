import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { ProgressLine } from '../progress';
import { buildId, VERSION } from '../version';
import { historyCacheDir } from './cacheDir';
import { createFactsWorkers } from '../workers';
import { formatWindowsMarkdown, formatWindowsText, windowsForDirectory } from '../../core';

const FORMATS = ['text', 'json', 'markdown'];

/** `guardrails windows`: progress of every refactoring window; exit 0, or 2 on usage or rules errors. */
export async function runWindows(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'windows', args.format, FORMATS);
  if (!format) return 2;
  const progress = new ProgressLine(io.stderr, io.stderr.isTTY === true && format === 'text' && !args.output);
  const workers = createFactsWorkers(args, io);
  const outcome = await windowsForDirectory(path.resolve(io.cwd, args.dir), {
    config: args.config && path.resolve(io.cwd, args.config),
    today: args.today,
    version: VERSION,
    onProgress: (done, total) => progress.update(done, total),
    onHistoryProgress: (done, total) => progress.history(done, total),
    workers,
    cacheDir: historyCacheDir(args, io),
    engineVersion: buildId(),
  });
  workers.close();
  progress.clear();
  if (!outcome.ok) return reportFailure(io, outcome);
  const { report } = outcome;
  const text = format === 'json' ? JSON.stringify(report, null, 2)
    : format === 'markdown' ? formatWindowsMarkdown(report)
    : formatWindowsText(report, { color: args.color });
  if (!writeReport(io, text, args.output)) return 2;
  return 0;
}
