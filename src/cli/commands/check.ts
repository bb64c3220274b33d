import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliArgs } from '../args';
import { chooseFormat, reportFailure, writeReport, type CliIo } from '../output';
import { ProgressLine } from '../progress';
import { buildId, VERSION } from '../version';
import { createFactsWorkers } from '../workers';
import { defaultCacheDir, historyCacheDir } from './cacheDir';
import { updateBaselines } from './updateBaseline';
import {
  analyseSinceBase, appendAll, analyzeDirectory, formatSinceMarkdown, formatText, keepNewSince, makeDirectories, narrowSince, narrowResult, TextFactsCache, toJsonReport, toSarif, windowRatchets,
  type AnalysisResult, type Findings, type SinceSummary,
} from '../../core';

const FORMATS = ['text', 'json', 'sarif', 'markdown'];

/** `guardrails check`: exit 0 clean, 1 findings at the failing level, 2 usage or rules errors. */
export async function runCheck(args: CliArgs, io: CliIo): Promise<number> {
  const format = chooseFormat(io, 'check', args.format, FORMATS);
  if (!format) return 2;
  if (format === 'markdown' && args.since === undefined) {
    io.stderr.write('guardrails: check --format markdown is a pull-request summary: give it --since REF (for example --since origin/main)\n');
    return 2;
  }
  if (args.since !== undefined && args.updateBaseline) {
    io.stderr.write('guardrails: --since and --update-baseline do not go together: a baseline records every finding, not only new ones\n');
    return 2;
  }
  const started = performance.now();
  const target = path.resolve(io.cwd, args.dir);
  const progress = new ProgressLine(io.stderr, io.stderr.isTTY === true && format === 'text' && !args.output);
  const workers = createFactsWorkers(args, io);
  const config = args.config && path.resolve(io.cwd, args.config);
  const cacheDir = usableCacheDir(args, io, target, config);
  // With --since the merge base is analysed too: files it shares with the working tree are parsed once.
  const sharedFacts = args.since !== undefined && !cacheDir ? new TextFactsCache() : undefined;
  const outcome = await analyzeDirectory(target, {
    workers,
    config,
    today: args.today,
    baseline: args.updateBaseline ? false : args.baseline && path.resolve(io.cwd, args.baseline),
    onProgress: (done, total) => progress.update(done, total),
    cacheDir,
    engineVersion: buildId(),
    factsCache: sharedFacts,
  });
  progress.clear();
  if (!outcome.ok) {
    workers.close();
    return reportFailure(io, outcome);
  }
  const { session } = outcome;
  let result: AnalysisResult = outcome.result;
  const projects = session.results().map((entry) => entry.project);

  if (args.updateBaseline) {
    // The report is not printed: say here which files could not be read (their entries are kept).
    for (const notice of result.notices) if (notice.unreadable) io.stderr.write(`guardrails: warning: ${notice.message}\n`);
    workers.close();
    return updateBaselines(result, projects, args.baseline && path.resolve(io.cwd, args.baseline), io);
  }
  const missingBaseline = args.baseline && !fs.existsSync(path.resolve(io.cwd, args.baseline)) ? args.baseline : undefined;

  // The ratchet: ended windows that regressed since their end (git, cached between runs).
  const ratchet = await windowRatchets(session, { today: session.today, cacheDir: historyCacheDir(args, io), engineVersion: buildId() });
  appendAll(result.violations, ratchet.violations);
  appendAll(result.notices, ratchet.notices);

  let since: SinceSummary | undefined;
  let existing: Findings = { violations: [], debt: [] };
  if (args.since !== undefined) {
    const base = await analyseSinceBase(session.reportRoot, args.since, projects.map((project) => project.config), session.reportRoot, {
      // Files the merge base shares with the working tree are not parsed again: their facts are in
      // memory, or in the --cache folder the live analysis used.
      today: session.today, factsCache: sharedFacts ?? new TextFactsCache(session.cachedFacts()), workers,
    });
    if (!base.ok) {
      workers.close();
      io.stderr.write(`guardrails: --since ${args.since}: ${base.message}\n`);
      return 2;
    }
    // Checked again knowing the merge base: a tangle keeps the cut it had there, and new cycles go
    // on the imports the change added, so old imports are not reported as new.
    session.compareWithBase(base.base.result);
    const again = session.result();
    result = { ...again, violations: [...again.violations, ...ratchet.violations], notices: [...again.notices, ...ratchet.notices] };
    // A window that had already regressed at the merge base is not something the change did.
    const atBase = { ...base.base, result: { ...base.base.result, violations: [...base.base.result.violations, ...ratchet.at(base.base.result)] } };
    ({ result, since, existing } = keepNewSince(result, atBase));
    result.durationMs = Math.round(performance.now() - started);
  }
  if (missingBaseline !== undefined) {
    // Most likely a typo: every known violation would count as new.
    result.notices.push({ level: 'warning', file: path.resolve(io.cwd, missingBaseline), message: `--baseline ${missingBaseline} does not exist, so no finding is baselined; check the path, or create it with --update-baseline` });
  }
  workers.close();
  // `check DIR` below the rules folder, or `check FILE`: everything was analysed, the report keeps what was asked.
  result = narrowResult(result, target, () => session.filesUnder(session.reportRoot));
  if (since) since = narrowSince(since, result.root, target, existing);

  const rules = projects[0]?.config;
  const report =
    format === 'json' ? JSON.stringify(toJsonReport(result, { version: VERSION, since }), null, 2)
    : format === 'sarif' ? JSON.stringify(toSarif(result, { version: VERSION, rules, since, baselineApplied: result.violations.some((v) => v.baselined) || Boolean(args.baseline) }), null, 2)
    : format === 'markdown' && since ? formatSinceMarkdown(result, since)
    : formatText(result, { color: args.color, rules, showDebt: true, since });
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

/**
 * The cache folder (`--cache-location`, or the default place with `--cache`), made if missing; a
 * place where it cannot be made (a file, /proc) is said and skipped.
 */
function usableCacheDir(args: CliArgs, io: CliIo, target: string, config: string | undefined): string | undefined {
  const dir = args.cacheLocation ? path.resolve(folderOf(target), args.cacheLocation) : args.cache ? defaultCacheDir(target, config) : undefined;
  if (dir === undefined) return undefined;
  const made = makeDirectories(dir);
  if (made.ok) return dir;
  io.stderr.write(`guardrails: cannot keep the cache in ${dir}: ${made.message}; running without it\n`);
  return undefined;
}

/** The folder `check` was pointed at, or the folder of the file it was pointed at. */
function folderOf(target: string): string {
  return fs.statSync(target, { throwIfNoEntry: false })?.isFile() ? path.dirname(target) : target;
}
