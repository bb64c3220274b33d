// What `check` runs for the ratchet: for every ended window that holds (`hold` is not off), its
// goals' values at the last commit on or before its end (from the history cache, else analysed
// once from git and kept), compared with the values now.
import { DiskFactsCache } from '../analysis/diskFactsCache';
import { nestedRoots } from '../analysis/loadConfigs';
import type { AnalysisSession } from '../analysis/session';
import type { RulesConfig } from '../model/ruleTypes';
import type { Notice, Violation } from '../model/types';
import { endCommit, finishContext, openGitContext, valuesAt } from './gitSource';
import { HistoryCache } from './historyCache';
import { measureResult } from './projectState';
import { ratchetFindings, type HeldValues } from './ratchet';

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

/**
 * The `window-regressed` findings of every rules file a loaded session checked (its findings are
 * the values now), and why a window's hold could not be checked.
 */
export async function windowRatchets(session: AnalysisSession, options: Omit<RatchetOptions, 'excludeDirs'>): Promise<{ violations: Violation[]; notices: Notice[] }> {
  const violations: Violation[] = [];
  const notices: Notice[] = [];
  const entries = session.results();
  for (const { project, result } of entries) {
    const config = project.config;
    const held = await heldValues(config, { ...options, excludeDirs: nestedRoots(config, entries.map((entry) => entry.project.config)) });
    notices.push(...held.notices);
    if (held.values.size > 0) violations.push(...ratchetFindings(config, measureResult(result, config, session.fs, 'counts'), held.values));
  }
  return { violations, notices };
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
