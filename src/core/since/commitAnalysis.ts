// One commit analysed with the working tree's rules: its tree becomes an in-memory file system
// (blobs read from git objects, no checkout), and one analysis session checks it exactly as it
// checks the disk. `check --since` and the editor's `newSince` compare the live findings with it.
import * as path from 'node:path';
import { FileScope } from '../analysis/fileScope';
import { AnalysisSession, type SessionOptions } from '../analysis/session';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import { BlobStore } from '../git/blobStore';
import { GitTreeFileSystem } from '../git/gitTreeFileSystem';
import { lsTree, type TreeEntry } from '../git/lsTree';
import type { GitRepository } from '../git/repository';
import type { RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import type { LoadProgress } from '../analysis/project';

/** What the analysis of a past commit shares with the live one (the same overrides, date and caches). */
export type CommitAnalysisOptions = Pick<SessionOptions, 'today' | 'include' | 'exclude' | 'maxFiles' | 'factsCache' | 'workers'> & LoadProgress & {
  /** Serves what git does not track (node_modules, outside the repository); the disk by default. */
  fallback?: FileSystem;
};

export type CommitAnalysisResult = { ok: true; result: AnalysisResult } | { ok: false; message: string };

/** Files the engine reads besides sources: compiler options and package manifests. */
const CONFIG_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json)$/;

/**
 * The findings at `commit` under `configs` (the working tree's rules), paths as in the live
 * analysis. The commit's own baseline is not applied: comparisons match findings whether or not
 * a baseline softens them.
 */
export async function analyseCommit(repo: GitRepository, commit: string, configs: readonly RulesConfig[], reportRoot: string, options: CommitAnalysisOptions = {}): Promise<CommitAnalysisResult> {
  const listed = await lsTree(repo, commit);
  if (!listed.ok) return { ok: false, message: listed.failure.message };
  const blobs = new BlobStore(repo);
  const wanted = wantedBlobs(repo, listed.entries, configs, options);
  // One `git cat-file --batch` for every file the analysis will read; anything else is read on demand.
  const read = await blobs.prefetch(wanted.map((entry) => entry.oid));
  if (!read.ok) return { ok: false, message: read.failure.message };
  const tree = new GitTreeFileSystem(repo.top, listed.entries, blobs, { fallback: options.fallback ?? new NodeFileSystem() });
  const session = AnalysisSession.forConfigs(configs, reportRoot, {
    fs: tree,
    today: options.today,
    include: options.include,
    exclude: options.exclude,
    maxFiles: options.maxFiles,
    factsCache: options.factsCache,
    workers: options.workers,
    baseline: false,
  });
  if (!(await session.load(options))) return { ok: false, message: 'cancelled' };
  return { ok: true, result: session.result() };
}

/** Blobs the analysis reads: compiler options and manifests, and the sources some rules file governs. */
function wantedBlobs(repo: GitRepository, entries: readonly TreeEntry[], configs: readonly RulesConfig[], options: CommitAnalysisOptions): TreeEntry[] {
  const scopes = configs.map((config) => ({ config, scope: new FileScope(config, { include: options.include, exclude: options.exclude }) }));
  return entries.filter((entry) => {
    if (entry.type !== 'blob') return false;
    if (CONFIG_FILE.test(entry.path)) return true;
    const file = path.join(repo.top, ...entry.path.split('/'));
    return scopes.some(({ config, scope }) => (entry.size ?? 0) <= config.maxFileBytes && scope.governs(file));
  });
}
