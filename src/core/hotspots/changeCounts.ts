// How often each file changed in the last N days, from one `git log --numstat`: what ranks
// hotspots and what debt items carry as `changes`.
import * as path from 'node:path';
import { changeLog } from '../git/changeLog';
import { ChangeLogCache } from '../git/changeLogCache';
import { logPaths } from '../git/logPaths';
import { openRepository } from '../git/repository';
import { addDays } from '../util/dates';

export const DEFAULT_DAYS = 90;

export interface FileChanges {
  /** Non-merge commits that touched the file. */
  changes: number;
  /** Lines added plus deleted by them. */
  churn: number;
}

export type ChangeCountsResult =
  | { ok: true; byFile: Map<string, FileChanges>; from: string; to: string }
  | { ok: false; message: string };

/**
 * Changes per file (absolute path) under `root` in the `days` days ending `today` (committer date
 * in UTC), reachable from HEAD; merges never count. With `cacheDir`, commits read once are kept.
 */
export async function changeCounts(
  root: string, today: string, days = DEFAULT_DAYS, options: { gitPath?: string; timeoutMs?: number; cacheDir?: string } = {},
): Promise<ChangeCountsResult> {
  const { cacheDir, ...git } = options;
  const opened = await openRepository(root, git);
  if (!opened.ok) return { ok: false, message: opened.failure.kind === 'not-a-repository' ? `${root} is not in a git repository` : opened.failure.message };
  const repo = opened.repo;
  const from = addDays(today, -(days - 1));
  // Only commits that change something under `root`: a package of a monorepo skips its siblings'.
  const paths = logPaths(repo.prefix);
  const store = cacheDir ? ChangeLogCache.open(cacheDir, repo.top) : undefined;
  const log = await changeLog(repo, from, { store, paths });
  if (!log.ok) return { ok: false, message: log.failure.message };
  store?.save();
  const byFile = new Map<string, FileChanges>();
  for (const commit of log.commits) {
    if (commit.day > today) continue;
    for (const file of commit.files) {
      if (!file.path.startsWith(repo.prefix)) continue;
      const absolute = path.join(repo.top, ...file.path.split('/'));
      const counts = byFile.get(absolute) ?? { changes: 0, churn: 0 };
      counts.changes++;
      counts.churn += file.churn;
      byFile.set(absolute, counts);
    }
  }
  return { ok: true, byFile, from, to: today };
}
