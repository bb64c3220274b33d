import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { ProgressLine } from '../progress';
import { buildId, VERSION } from '../version';
import { createFactsWorkers } from '../workers';
import { updateBaselines } from './updateBaseline';
import { analyzeDirectory, formatText, makeDirectories, toJsonReport, toSarif } from '../../core';

const FORMATS = ['text', 'json', 'sarif'];

/** `guardrails check`: exit 0 clean, 1 findings at the failing level, 2 usage or rules errors. */
export async function runCheck(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'check', args.format, FORMATS);
  if (!format) return 2;
  const progress = new ProgressLine(io.stderr, io.stderr.isTTY === true && format === 'text' && !args.output);
  const workers = createFactsWorkers(args, io);
  const cacheDir = usableCacheDir(args, io);
  const outcome = await analyzeDirectory(path.resolve(io.cwd, args.dir), {
    workers,
    config: args.config && path.resolve(io.cwd, args.config),
    today: args.today,
    baseline: args.updateBaseline ? false : args.baseline && path.resolve(io.cwd, args.baseline),
    onProgress: (done, total) => progress.update(done, total),
    cacheDir,
    engineVersion: buildId(),
  });
  workers.close();
  progress.clear();
  if (!outcome.ok) return reportFailure(io, outcome);
  const { result, session } = outcome;
  const projects = session.results().map((entry) => entry.project);

  if (args.updateBaseline) {
    // The report is not printed: say here which files could not be read (their entries are kept).
    for (const notice of result.notices) if (notice.unreadable) io.stderr.write(`guardrails: warning: ${notice.message}\n`);
    return updateBaselines(result, projects, args.baseline && path.resolve(io.cwd, args.baseline), io);
  }
  if (args.baseline && !fs.existsSync(path.resolve(io.cwd, args.baseline))) {
    // Most likely a typo: every known violation would count as new.
    result.notices.push({ level: 'warning', file: path.resolve(io.cwd, args.baseline), message: `--baseline ${args.baseline} does not exist, so no finding is baselined; check the path, or create it with --update-baseline` });
  }

  const rules = projects[0]?.config;
  const report =
    format === 'json' ? JSON.stringify(toJsonReport(result, { version: VERSION }), null, 2)
    : format === 'sarif' ? JSON.stringify(toSarif(result, { version: VERSION, rules, baselineApplied: result.violations.some((v) => v.baselined) || Boolean(args.baseline) }), null, 2)
    : formatText(result, { color: args.color, rules, showDebt: true });
  if (!writeReport(io, report, args.output)) return 2;

  const failing = [...result.violations, ...result.debt];
  const errors = failing.filter((finding) => finding.severity === 'error').length;
  const warnings = failing.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`guardrails: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The cache folder, made if missing; a place where it cannot be made (a file, /proc) is said and skipped. */
function usableCacheDir(args: CliArgs, io: CliIo): string | undefined {
  if (!args.cacheLocation) return undefined;
  const dir = path.resolve(io.cwd, args.dir, args.cacheLocation);
  const made = makeDirectories(dir);
  if (made.ok) return dir;
  io.stderr.write(`guardrails: cannot keep the cache in ${dir}: ${made.message}; running without it\n`);
  return undefined;
}
