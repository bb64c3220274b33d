// Files git sees as moved between two commits (or a commit and the working tree): an import whose
// file or target only moved is still there, not paid down.
import { runGit, splitNul, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export type RenamesResult = { ok: true; renames: Map<string, string> } | { ok: false; failure: GitFailure };

/**
 * Old repository-relative path → new one, for files renamed from commit `from` to commit `to`.
 * Two commits, never the working tree: `diff-tree` compares stored trees only, so no clean filter
 * or fsmonitor of the repository runs (a move not yet committed is not seen).
 */
export async function renamesBetween(repo: GitRepository, from: string, to: string): Promise<RenamesResult> {
  const result = await runGit(['diff-tree', '-r', '-M', '--name-status', '-z', '--diff-filter=R', from, to, '--'], repo.git);
  if (!result.ok) return result;
  return { ok: true, renames: parseRenames(result.stdout) };
}

/** `R<score> NUL old NUL new NUL` records. */
export function parseRenames(output: string): Map<string, string> {
  const parts = splitNul(output);
  const renames = new Map<string, string>();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    if (parts[i].startsWith('R')) renames.set(parts[i + 1], parts[i + 2]);
  }
  return renames;
}
