// Who removed a line: the newest commit in a range that changed how often the line's text occurs
// in its file (`git log -S`). A line moved within its file keeps its count, so a move is never
// mistaken for a removal; commits on merged branches are searched too, so the credit goes to the
// author of the change, not to whoever merged it.
import { COMMIT_FORMAT, parseCommitLines, type CommitInfo } from './commits';
import { runGit, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export interface RemovalQuery {
  /** Text the removed line held (a debt comment, an import specifier), searched literally. */
  needle: string;
  /** Repository-relative path of the file that held it. */
  file: string;
  /** Commit the line was present in; commits after it are searched. */
  from?: string;
  /** Commit it was gone in (HEAD by default). */
  to?: string;
  /** Without `from`: only commits since this day (`YYYY-MM-DD`). */
  sinceDay?: string;
}

export type RemovalResult = { ok: true; commit: CommitInfo | undefined } | { ok: false; failure: GitFailure };

export async function findRemovingCommit(repo: GitRepository, query: RemovalQuery): Promise<RemovalResult> {
  if (query.needle.trim() === '' || repo.head === undefined) return { ok: true, commit: undefined };
  const to = query.to ?? 'HEAD';
  const range = query.from ? [`${query.from}..${to}`] : [to, ...(query.sinceDay ? [`--since=${query.sinceDay}T00:00:00`] : [])];
  const result = await runGit(
    ['log', '-1', '--no-renames', `-S${query.needle}`, COMMIT_FORMAT, ...range, '--', query.file],
    repo.git,
  );
  if (!result.ok) return result;
  return { ok: true, commit: parseCommitLines(result.stdout)[0] };
}
