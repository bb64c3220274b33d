import * as path from 'node:path';
import { applyBaseline, fixedEntries, readBaseline } from '../baseline/baseline';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { findRulesFile, findRulesFilesBelow } from '../rules/findRulesFile';
import { loadRules } from '../rules/loadRules';
import type { ConfigProblem, RulesConfig } from '../rules/ruleTypes';
import type { AnalysisResult, Violation } from '../types';
import { GuardrailsProject, type LoadProgress } from './project';
import { todayIso } from './today';
import { isInside, toRelative } from '../util/paths';
import { compilePattern } from '../glob/pattern';

export interface AnalyzeOptions extends LoadProgress {
  fs?: FileSystem;
  /** An explicit rules file (`--config`); otherwise the nearest above `dir` and any nested below. */
  config?: string;
  today?: string;
  /** A baseline file overriding the rules file's `baseline`; `false` to apply none. */
  baseline?: string | false;
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
  const fs = options.fs ?? new NodeFileSystem();
  const root = path.resolve(dir);
  if (!fs.directoryExists(root)) {
    return { ok: false, message: `${root}: no such directory`, problems: [] };
  }
  const rulesFiles = options.config ? [path.resolve(options.config)] : locateRulesFiles(root, fs);
  if (rulesFiles.length === 0) {
    return {
      ok: false,
      message: `no guardrails.json found in ${root} or above it; create one (see the README) or pass --config FILE`,
      problems: [],
    };
  }

  const configs: RulesConfig[] = [];
  const problems: ConfigProblem[] = [];
  // Outer rules files first, so a folder they exclude never has its own rules file loaded.
  for (const file of [...rulesFiles].sort((a, b) => a.length - b.length)) {
    if (configs.some((outer) => excludesFolder(outer, path.dirname(file)))) continue;
    const loaded = loadRules(file, fs);
    problems.push(...loaded.problems);
    if (loaded.ok) configs.push(loaded.config);
  }
  if (problems.some((problem) => problem.severity === 'error')) {
    return { ok: false, message: 'the rules file has errors', problems };
  }

  const today = options.today ?? todayIso();
  const projects: GuardrailsProject[] = [];
  // Report paths relative to the outermost rules root that holds `dir` (a rules file above `dir` governs it).
  const reportRoot = configs.map((config) => config.root).sort((a, b) => a.length - b.length).find((configRoot) => isInside(configRoot, root)) ?? root;
  const result: AnalysisResult = { root: reportRoot, rulesFile: configs[0]?.file, files: 0, durationMs: 0, violations: [], debt: [], edges: [], notices: [] };
  result.violations.push(...problems.map(configProblemViolation));
  for (const config of configs) {
    const nested = configs.filter((other) => other !== config && other.root.startsWith(config.root + path.sep)).map((other) => other.root);
    const project = new GuardrailsProject(config, fs, { today, excludeDirs: nested });
    if (!(await project.load(options))) return { ok: false, message: 'cancelled', problems: [] };
    projects.push(project);
    const checked = project.check();
    const baselined = withBaseline(checked.violations, config, options.baseline, fs, result);
    result.files += checked.files;
    result.violations.push(...baselined);
    result.debt.push(...checked.debt);
    result.edges.push(...checked.edges);
    result.notices.push(...checked.notices);
  }
  result.durationMs = Math.round(performance.now() - started);
  return { ok: true, result, projects };
}

/**
 * A rules file inside a folder that an enclosing rules file excludes (fixtures, examples, vendored
 * code) governs nothing in this run: the enclosing file said that folder is not part of the project.
 */
function excludesFolder(outer: RulesConfig, folder: string): boolean {
  if (!folder.startsWith(outer.root + path.sep)) return false;
  const sample = `${toRelative(outer.root, folder)}/guardrails.json`;
  return outer.exclude.some((ref) => {
    const compiled = compilePattern(ref.pattern);
    return compiled.ok && compiled.pattern.match(sample);
  });
}

/** The nearest rules file above `dir`, and every rules file below it (a monorepo's packages). */
function locateRulesFiles(dir: string, fs: FileSystem): string[] {
  const files = new Set<string>();
  const above = findRulesFile(dir, fs);
  if (above) files.add(above);
  for (const below of findRulesFilesBelow(dir, fs)) files.add(below);
  return [...files].sort();
}

function withBaseline(violations: Violation[], config: RulesConfig, override: string | false | undefined, fs: FileSystem, result: AnalysisResult): Violation[] {
  if (override === false) return violations;
  const file = override ? path.resolve(override) : config.baseline;
  if (!file) return violations;
  // An explicit --baseline file holds paths relative to the report's root; a rules file's own, to its root.
  const root = override ? result.root : config.root;
  const read = readBaseline(file, fs);
  if (!read.ok) {
    result.notices.push({ level: 'warning', message: read.message, file });
    return violations;
  }
  const fixed = fixedEntries(violations, read.baseline, root).reduce((sum, entry) => sum + entry.count, 0);
  if (fixed > 0) {
    result.notices.push({ level: 'info', file, message: `${fixed} known violation(s) in the baseline are fixed; run with --update-baseline to lock that in` });
  }
  return applyBaseline(violations, read.baseline, root);
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
