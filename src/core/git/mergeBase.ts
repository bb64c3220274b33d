// Where a branch left another: a ref resolved to its commit, and the merge base of that commit and
// HEAD (what `check --since REF` compares against, as a pull request's diff does).
import { runGit, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export type RefResult = { ok: true; commit: string } | { ok: false; failure: GitFailure };

/** The commit `ref` names (a branch, a tag, `origin/main`, `HEAD~3`, an id); a failure naming it when none. */
export async function resolveCommit(repo: GitRepository, ref: string): Promise<RefResult> {
  // A ref is never an option: `--since --output=x` must not reach git as one.
  if (ref === '' || ref.startsWith('-')) return { ok: false, failure: { kind: 'failed', message: `"${ref}" is not a git ref` } };
  const result = await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo.git);
  if (result.ok && /^[0-9a-f]{40,64}$/.test(result.stdout.trim())) return { ok: true, commit: result.stdout.trim() };
  if (!result.ok && result.failure.kind !== 'failed') return result;
  return { ok: false, failure: { kind: 'failed', message: `unknown git ref "${ref}": no branch, tag or commit of that name${repo.shallow ? ' in this shallow clone (fetch it first)' : ''}` } };
}

/**
 * The best common ancestor of `a` and `b`; a failure saying why when they share no history (a
 * shallow clone whose boundary cuts it off, or unrelated histories).
 */
export async function mergeBase(repo: GitRepository, a: string, b: string, names: readonly [string, string] = [a, b]): Promise<RefResult> {
  const result = await runGit(['merge-base', a, b], repo.git);
  if (result.ok && /^[0-9a-f]{40,64}$/.test(result.stdout.trim())) return { ok: true, commit: result.stdout.trim() };
  if (!result.ok && result.failure.kind !== 'failed') return result;
  const why = repo.shallow
    ? 'this is a shallow clone that does not reach back to where they parted (git fetch --unshallow, or fetch-depth: 0 in CI, fetches it)'
    : 'their histories are unrelated';
  return { ok: false, failure: { kind: 'failed', message: `${names[0]} and ${names[1]} have no common ancestor: ${why}` } };
}
