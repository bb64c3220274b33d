import type { FileSystem } from '../fs/fileSystem';
import { CachedDirectoriesFileSystem } from '../fs/cachedDirectoriesFileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { compilePatterns } from '../glob/pattern';
import { discoverFiles } from '../graph/discoverFiles';
import type { ConfigProblem } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import { scanFileComments } from './fileAnalysis';
import { nestedRoots, rulesForDirectory } from './loadConfigs';
import { narrowResult } from './narrowResult';
import { todayIso } from '../util/today';
import { appendAll } from '../util/arrays';

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
  const fs = options.fs ?? new CachedDirectoriesFileSystem(new NodeFileSystem());
  const rules = rulesForDirectory(dir, fs, options.config);
  if (!rules.ok) return rules;
  const { configs, partial, reportRoot } = rules;
  const today = options.today ?? todayIso();
  const result: AnalysisResult = { root: reportRoot, rulesFile: configs[0]?.file, files: 0, durationMs: 0, violations: [], debt: [], edges: [], notices: [] };
  const scanned: string[] = [];
  for (const config of configs) {
    const matches = (patterns: string[]) => {
      const compiled = compilePatterns(patterns);
      return (rel: string) => compiled.some((pattern) => pattern.match(rel));
    };
    const discovered = discoverFiles(config.root, fs, {
      include: matches(config.include.map((ref) => ref.pattern)),
      exclude: matches(config.exclude.map((ref) => ref.pattern)),
      excludeDirs: nestedRoots(config, [...configs, ...partial]),
      maxFileBytes: config.maxFileBytes,
      keepTexts: true,
    });
    appendAll(result.notices, discovered.notices);
    result.files += discovered.files.length;
    for (const file of discovered.files) {
      scanned.push(file);
      const text = discovered.texts?.get(file) ?? fs.readFile(file);
      if (text === undefined) continue;
      const facts = scanFileComments(file, text, { root: config.root, policy: config.debt, today });
      appendAll(result.debt, facts.debt);
      appendAll(result.violations, facts.problems.filter((problem) => problem.ruleId === 'debt-metadata'));
    }
  }
  result.durationMs = Math.round(performance.now() - started);
  return { ok: true, result: narrowResult(result, rules.root, scanned) };
}
