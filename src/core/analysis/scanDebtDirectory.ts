import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { compilePattern } from '../glob/pattern';
import { discoverFiles } from '../graph/discoverFiles';
import type { ConfigProblem } from '../rules/ruleTypes';
import type { AnalysisResult } from '../types';
import { isInside } from '../util/paths';
import { scanFileComments } from './fileAnalysis';
import { loadConfigs, locateRulesFiles, nestedRoots } from './loadConfigs';
import { todayIso } from './today';

export interface ScanDebtOptions {
  fs?: FileSystem;
  config?: string;
  today?: string;
}

export type ScanDebtOutcome = { ok: true; result: AnalysisResult } | { ok: false; message: string; problems: ConfigProblem[] };

/**
 * `guardrails debt`: the debt of every governed file and nothing else. No import is resolved, no
 * rule is checked, and only files that contain a tag word are parsed, so listing debt costs about
 * what reading the files costs.
 */
export function scanDebtDirectory(dir: string, options: ScanDebtOptions = {}): ScanDebtOutcome {
  const started = performance.now();
  const fs = options.fs ?? new NodeFileSystem();
  const root = path.resolve(dir);
  if (!fs.directoryExists(root)) return { ok: false, message: `${root}: no such directory`, problems: [] };
  const rulesFiles = options.config ? [path.resolve(options.config)] : locateRulesFiles(root, fs);
  if (rulesFiles.length === 0) return { ok: false, message: `no guardrails.json found in ${root} or above it; create one (see the README) or pass --config FILE`, problems: [] };
  const { configs, problems, partial } = loadConfigs(rulesFiles, fs);
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, message: 'the rules file has errors', problems };

  const today = options.today ?? todayIso();
  const reportRoot = configs.map((config) => config.root).sort((a, b) => a.length - b.length).find((configRoot) => isInside(configRoot, root)) ?? root;
  const result: AnalysisResult = { root: reportRoot, rulesFile: configs[0]?.file, files: 0, durationMs: 0, violations: [], debt: [], edges: [], notices: [] };
  for (const config of configs) {
    const matches = (patterns: string[]) => {
      const compiled = patterns.flatMap((pattern) => {
        const outcome = compilePattern(pattern);
        return outcome.ok ? [outcome.pattern] : [];
      });
      return (rel: string) => compiled.some((pattern) => pattern.match(rel));
    };
    const discovered = discoverFiles(config.root, fs, {
      include: matches(config.include.map((ref) => ref.pattern)),
      exclude: matches(config.exclude.map((ref) => ref.pattern)),
      excludeDirs: nestedRoots(config, [...configs, ...partial]),
      maxFileBytes: config.maxFileBytes,
      keepTexts: true,
    });
    result.notices.push(...discovered.notices);
    result.files += discovered.files.length;
    for (const file of discovered.files) {
      const text = discovered.texts?.get(file) ?? fs.readFile(file);
      if (text === undefined) continue;
      const facts = scanFileComments(file, text, { root: config.root, policy: config.debt, today });
      result.debt.push(...facts.debt);
      result.violations.push(...facts.problems.filter((problem) => problem.ruleId === 'debt-metadata'));
    }
  }
  result.durationMs = Math.round(performance.now() - started);
  return { ok: true, result };
}
