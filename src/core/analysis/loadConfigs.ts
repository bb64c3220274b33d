import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import { compilePattern } from '../glob/pattern';
import { findRulesFile, findRulesFilesBelow } from '../rules/findRulesFile';
import { loadRules } from '../rules/loadRules';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import { isInside, toRelative } from '../util/paths';
import { appendAll } from '../util/arrays';

/**
 * The nearest rules file above `dir` and every rules file below that one's folder: the outer file
 * governs more than `dir`, and its other packages' own rules files must still take their folders.
 */
export function locateRulesFiles(dir: string, fs: FileSystem): string[] {
  const files = new Set<string>();
  const above = findRulesFile(dir, fs);
  if (above) files.add(above);
  for (const below of findRulesFilesBelow(above ? path.dirname(above) : dir, fs)) files.add(below);
  return [...files].sort();
}

export interface LoadedConfigs {
  configs: RulesConfig[];
  problems: ConfigProblem[];
  /** Rules files that have errors (their `configs` entry is missing). */
  failed: string[];
  /**
   * Best-effort readings of the failed files. They still decide which folders are excluded or
   * nested, so a typo in one rules file never hands its folder to another rules file.
   */
  partial: RulesConfig[];
}

/**
 * Loads rules files outer first, so a folder an enclosing rules file excludes (fixtures, examples,
 * vendored code) never has its own rules file loaded: the enclosing file said it is not part of
 * the project.
 */
export function loadConfigs(files: readonly string[], fs: FileSystem): LoadedConfigs {
  const loaded: LoadedConfigs = { configs: [], problems: [], failed: [], partial: [] };
  for (const file of [...files].sort((a, b) => a.length - b.length)) {
    if ([...loaded.configs, ...loaded.partial].some((outer) => excludesFolder(outer, path.dirname(file)))) continue;
    const result = loadRules(file, fs);
    appendAll(loaded.problems, result.problems);
    if (result.ok) loaded.configs.push(result.config);
    else {
      loaded.failed.push(file);
      if (result.partial) loaded.partial.push(result.partial);
    }
  }
  return loaded;
}

/** Roots of the other rules files below `config`'s root: their files are theirs, not its. */
export function nestedRoots(config: RulesConfig, all: readonly RulesConfig[]): string[] {
  return all.filter((other) => other !== config && other.root.startsWith(config.root + path.sep)).map((other) => other.root);
}

function excludesFolder(outer: RulesConfig, folder: string): boolean {
  if (!folder.startsWith(outer.root + path.sep)) return false;
  const sample = `${toRelative(outer.root, folder)}/guardrails.json`;
  return outer.exclude.some((ref) => {
    const compiled = compilePattern(ref.pattern);
    return compiled.ok && compiled.pattern.match(sample);
  });
}

export type RulesForDirectory =
  | { ok: true; root: string; reportRoot: string; configs: RulesConfig[]; partial: RulesConfig[]; problems: ConfigProblem[] }
  | { ok: false; message: string; problems: ConfigProblem[] };

/**
 * What every command does first: the folder must exist, a rules file must govern it (`config`, or
 * the nearest above and those below), and the rules must load. Report paths are relative to the
 * outermost rules root that holds the folder (a rules file above it governs it).
 */
export function rulesForDirectory(dir: string, fs: FileSystem, config?: string): RulesForDirectory {
  const root = path.resolve(dir);
  // A file asked for (`check src/a.ts`) is governed by the rules of its folder.
  const isFile = !fs.directoryExists(root) && fs.fileExists(root);
  if (!isFile && !fs.directoryExists(root)) return { ok: false, message: `${root}: no such file or directory`, problems: [] };
  const rulesFiles = config ? [path.resolve(config)] : locateRulesFiles(isFile ? path.dirname(root) : root, fs);
  if (rulesFiles.length === 0) {
    return { ok: false, message: `no guardrails.json found in ${root} or above it; create one (see the README) or pass --config FILE`, problems: [] };
  }
  const { configs, problems, partial } = loadConfigs(rulesFiles, fs);
  if (problems.some((problem) => problem.severity === 'error')) return { ok: false, message: 'the rules file has errors', problems };
  const reportRoot = configs.map((loaded) => loaded.root).sort((a, b) => a.length - b.length).find((configRoot) => isInside(configRoot, root)) ?? root;
  return { ok: true, root, reportRoot, configs, partial, problems };
}
