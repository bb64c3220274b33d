// What `check` runs for the ratchet: for every ended window that holds (`hold` is not off), its
// goals' values at the last commit on or before its end (from the history cache, else analysed
// once from git and kept), compared with the values now.
import { DiskFactsCache } from '../analysis/diskFactsCache';
import { nestedRoots } from '../analysis/loadConfigs';
import type { GuardrailsProject } from '../analysis/project';
import type { AnalysisSession } from '../analysis/session';
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult, Notice, Violation } from '../model/types';
import { endCommit, finishContext, openGitContext, valuesAt } from './gitSource';
import { HistoryCache } from './historyCache';
import { measureResult } from './projectState';
import { ratchetFindings, type HeldValues } from './ratchet';
import { appendAll } from '../util/arrays';

export interface RatchetOptions {
  /** `YYYY-MM-DD` */
  today: string;
  /** Folders of nested rules files (left out as in the live analysis). */
  excludeDirs?: string[];
  /** Where the windows keep what they measured (see HistoryCache); nothing is kept without it. */
  cacheDir?: string;
  engineVersion?: string;
  git?: { gitPath?: string; timeoutMs?: number };
}

export interface WindowRatchets {
  /** `window-regressed` findings now (the session's findings are the values now). */
  violations: Violation[];
  /** Why a window's hold could not be checked. */
  notices: Notice[];
  /**
   * The findings the same windows give for another state of the code (the merge base `check
   * --since` compares with): a regression that was already there is not new.
   */
  at(result: AnalysisResult): Violation[];
}

/** The ratchet of every rules file a loaded session checked. */
export async function windowRatchets(session: AnalysisSession, options: Omit<RatchetOptions, 'excludeDirs'>): Promise<WindowRatchets> {
  const violations: Violation[] = [];
  const notices: Notice[] = [];
  const entries = session.results();
  const held: { project: GuardrailsProject; values: Map<string, HeldValues> }[] = [];
  for (const { project, result } of entries) {
    const config = project.config;
    const found = await heldValues(config, { ...options, excludeDirs: nestedRoots(config, entries.map((entry) => entry.project.config)) });
    appendAll(notices, found.notices);
    if (found.values.size === 0) continue;
    held.push({ project, values: found.values });
    appendAll(violations, ratchetFindings(config, measureResult(result, config, session.fs, 'counts'), found.values));
  }
  const at = (other: AnalysisResult): Violation[] => held.flatMap(({ project, values }) => ratchetFindingsAt(project, other, values, session.fs));
  return { violations, notices, at };
}

/**
 * A rules file's `window-regressed` findings for a state of the code whose analysis may hold other
 * rules files' findings too (a merge base's): only its own files' findings count.
 */
export function ratchetFindingsAt(project: GuardrailsProject, other: AnalysisResult, values: ReadonlyMap<string, HeldValues>, fs: FileSystem): Violation[] {
  const mine: AnalysisResult = {
    ...other,
    violations: other.violations.filter((v) => project.governs(v.location.file)),
    debt: other.debt.filter((item) => project.governs(item.file)),
    edges: [],
  };
  return ratchetFindings(project.config, measureResult(mine, project.config, fs, 'counts'), values);
}

/** Window id → its values at its end, for the ended windows that hold. */
export async function heldValues(config: RulesConfig, options: RatchetOptions): Promise<{ values: Map<string, HeldValues>; notices: Notice[] }> {
  const values = new Map<string, HeldValues>();
  const notices: Notice[] = [];
  const ended = config.windows.filter((window) => window.hold !== 'off' && window.end < options.today);
  if (ended.length === 0) return { values, notices };
  const cannot = (id: string, why: string): void => void notices.push({ level: 'info', file: config.file, message: `window "${id}" ended; whether it holds is not checked: ${why}` });
  const engineVersion = options.engineVersion ?? '';
  const cache = options.cacheDir ? HistoryCache.open(options.cacheDir, config, engineVersion, options.excludeDirs) : HistoryCache.none();
  const opened = await openGitContext(config, {
    today: options.today,
    fromDay: ended.map((window) => window.end).sort()[0],
    excludeDirs: options.excludeDirs,
    cache,
    seedFacts: options.cacheDir ? DiskFactsCache.open(options.cacheDir, config, options.today, engineVersion) : undefined,
    ...options.git,
  });
  if (!opened.ok) {
    for (const window of ended) cannot(window.id, opened.message);
    return { values, notices };
  }
  const ctx = opened.context;
  for (const window of ended) {
    const end = await endCommit(ctx, window);
    if (!end.ok) cannot(window.id, end.message);
    else if (!end.commit) cannot(window.id, `git has no commit on or before ${window.end}`);
    else {
      const found = await valuesAt(ctx, end.commit.oid, window);
      if (found.ok) values.set(window.id, { commit: end.commit.oid, values: found.values });
      else cannot(window.id, found.message);
    }
  }
  finishContext(ctx);
  return { values, notices };
}
