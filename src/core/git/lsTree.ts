// The files of one commit, from `git ls-tree` (paths, modes, blob ids and sizes; no contents).
import { runGit, splitNul, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  /** Repository-relative path with `/`. */
  path: string;
  /** `100644`, `100755`, `120000` (symlink), `160000` (submodule). */
  mode: string;
  type: TreeEntryType;
  oid: string;
  /** Size in bytes for blobs. */
  size: number | undefined;
}

export type LsTreeResult = { ok: true; entries: TreeEntry[] } | { ok: false; failure: GitFailure };

/**
 * Every file of `commit`, recursively, or only those under `dir` (repository-relative, `/`).
 * Paths are always relative to the top of the repository.
 */
export async function lsTree(repo: GitRepository, commit: string, dir?: string): Promise<LsTreeResult> {
  const args = ['ls-tree', '-r', '-l', '-z', '--full-tree', commit];
  if (dir !== undefined && dir !== '' && dir !== '.') args.push('--', dir.replace(/\/$/, ''));
  const result = await runGit(args, repo.git);
  if (!result.ok) return result;
  const entries: TreeEntry[] = [];
  for (const record of splitNul(result.stdout)) {
    const entry = parseTreeRecord(record);
    if (entry) entries.push(entry);
  }
  return { ok: true, entries };
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path>` */
export function parseTreeRecord(record: string): TreeEntry | undefined {
  const tab = record.indexOf('\t');
  if (tab < 0) return undefined;
  const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
  if (type !== 'blob' && type !== 'tree' && type !== 'commit') return undefined;
  return { path: record.slice(tab + 1), mode, type, oid, size: size === undefined || size === '-' ? undefined : Number(size) };
}
