import { createHash } from 'node:crypto';
import type { FileSystem } from '../fs/fileSystem';
import { CachedDirectoriesFileSystem } from '../fs/cachedDirectoriesFileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult, Violation } from '../model/types';
import { applyConfiguredBaseline } from './applyConfiguredBaseline';
import { DiskFactsCache } from './diskFactsCache';
import type { FactsWorkers } from './factsWorkers';
import { GuardrailsProject, type LoadProgress } from './project';
import { todayIso } from '../util/today';
import { nestedRoots, rulesForDirectory } from './loadConfigs';

export interface AnalyzeOptions extends LoadProgress {
  fs?: FileSystem;
  /** An explicit rules file (`--config`); otherwise the nearest above `dir` and any nested below. */
  config?: string;
  today?: string;
  /** A baseline file overriding the rules file's `baseline`; `false` to apply none. */
  baseline?: string | false;
  /** Keep each file's facts here between runs, keyed by content (`check --cache`). */
  cacheDir?: string;
  /** Part of the cache's key: facts from another engine version are not reused. */
  engineVersion?: string;
  /** Threads to parse part of a large workspace on. */
  workers?: FactsWorkers;
}

export type AnalyzeOutcome =
  | { ok: true; result: AnalysisResult; projects: GuardrailsProject[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

/**
 * The whole pipeline the CLI runs: find and load the rules, analyse every governed file, run the
 * checks, apply suppressions and the baseline. The extension drives `GuardrailsProject` itself.
 */
export async function analyzeDirectory(dir: string, options: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  const started = performance.now();
  const fs = options.fs ?? new CachedDirectoriesFileSystem(new NodeFileSystem());
  const rules = rulesForDirectory(dir, fs, options.config);
  if (!rules.ok) return rules;
  const { configs, partial, problems, reportRoot } = rules;
  const today = options.today ?? todayIso();
  const projects: GuardrailsProject[] = [];
  const result: AnalysisResult = { root: reportRoot, rulesFile: configs[0]?.file, files: 0, durationMs: 0, violations: [], debt: [], edges: [], notices: [] };
  result.violations.push(...problems.map(configProblemViolation));
  for (const config of configs) {
    const factsCache = options.cacheDir ? DiskFactsCache.open(options.cacheDir, config, today, options.engineVersion ?? '') : undefined;
    const project = new GuardrailsProject(config, fs, { today, excludeDirs: nestedRoots(config, [...configs, ...partial]), factsCache, workers: options.workers });
    if (!(await project.load(options))) return { ok: false, message: 'cancelled', problems: [] };
    projects.push(project);
    // With a cache and nothing changed since the last run, its findings stand as they were.
    const rulesKey = factsCache ? rulesFingerprint(config, fs) : '';
    const reused = factsCache?.reusableResult(rulesKey);
    const checked = reused ? { ...reused, files: project.fileCount, edges: project.allEdges() } : project.check();
    if (factsCache && !reused) factsCache.storeResult(rulesKey, { violations: checked.violations, debt: checked.debt, notices: checked.notices });
    factsCache?.save();
    const baselined = applyConfiguredBaseline(checked.violations, config, fs, { override: options.baseline, reportRoot: result.root });
    result.notices.push(...baselined.notices);
    result.files += checked.files;
    result.violations.push(...baselined.violations);
    result.debt.push(...checked.debt);
    result.edges.push(...checked.edges);
    result.notices.push(...checked.notices);
  }
  result.durationMs = Math.round(performance.now() - started);
  return { ok: true, result, projects };
}

/** The rules files' own text: findings from another version of the rules are never reused. */
function rulesFingerprint(config: RulesConfig, fs: FileSystem): string {
  const hash = createHash('sha1');
  for (const source of config.sources) hash.update(source).update('\0').update(fs.readFile(source) ?? '').update('\0');
  return hash.digest('hex');
}

function configProblemViolation(problem: ConfigProblem): Violation {
  return {
    ruleId: 'rules-file',
    severity: problem.severity,
    message: problem.message,
    location: problem.location,
    from: problem.location.file,
    to: '',
  };
}
