import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { ProgressLine } from '../progress';
import { VERSION } from '../version';
import { historyCacheDir } from './cacheDir';
import { createFactsWorkers } from '../workers';
import { analyzeDirectory, changeCounts, DEFAULT_DAYS, formatHotspotsText, rankHotspots, todayIso, type HotspotsReport } from '../../core';

/** `guardrails hotspots`: files with findings ranked by how often they change; exit 0, or 2 without rules or git. */
export async function runHotspots(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'hotspots', args.format, ['text', 'json']);
  if (!format) return 2;
  const today = args.today ?? todayIso();
  const days = args.days ?? DEFAULT_DAYS;
  const progress = new ProgressLine(io.stderr, io.stderr.isTTY === true && format === 'text' && !args.output);
  const workers = createFactsWorkers(args, io);
  const dir = path.resolve(io.cwd, args.dir);
  const [outcome, changes] = await Promise.all([
    analyzeDirectory(dir, {
      workers, today, config: args.config && path.resolve(io.cwd, args.config),
      baseline: args.baseline && path.resolve(io.cwd, args.baseline),
      onProgress: (done, total) => progress.update(done, total),
    }),
    changeCounts(dir, today, days, { cacheDir: historyCacheDir(args, io) }),
  ]);
  workers.close();
  progress.clear();
  if (!outcome.ok) return reportFailure(io, outcome);
  if (!changes.ok) {
    io.stderr.write(`guardrails: hotspots needs git history: ${changes.message}\n`);
    return 2;
  }
  const report: HotspotsReport = { version: VERSION, root: outcome.result.root, today, from: changes.from, days, hotspots: rankHotspots(outcome.result, changes.byFile) };
  if (!writeReport(io, format === 'json' ? JSON.stringify(report, null, 2) : formatHotspotsText(report, { color: args.color }), args.output)) return 2;
  return 0;
}
