// The state new code is measured against: the merge base of a ref and HEAD (where the branch left
// it, as a pull request's diff sees it), analysed from git objects with the working tree's rules.
// The CLI (`check --since`) computes it once; the language server (`guardrails.newSince`) keeps it
// and computes it again when HEAD or the ref moves.
import type { AnalysisResult } from '../model/types';
import type { RulesConfig } from '../model/ruleTypes';
import { mergeBase, resolveCommit } from '../git/mergeBase';
import { openRepository, type GitRepository } from '../git/repository';
import { analyseCommit, type CommitAnalysisOptions } from './commitAnalysis';

export interface SinceBase {
  /** The ref as the user wrote it. */
  ref: string;
  /** The commit the ref names now. */
  refCommit: string;
  /** HEAD when the base was computed. */
  head: string;
  /** The merge base of the ref and HEAD: the commit the findings are compared with. */
  commit: string;
  /** Its findings under today's rules (no baseline applied). */
  result: AnalysisResult;
}

export type SinceCommitsResult =
  | { ok: true; repo: GitRepository; refCommit: string; head: string; commit: string }
  | { ok: false; message: string };

/** The repository holding `dir`, the ref's commit, HEAD and their merge base; a message naming what is wrong otherwise. */
export async function sinceCommits(dir: string, ref: string): Promise<SinceCommitsResult> {
  const opened = await openRepository(dir);
  if (!opened.ok) {
    const message = opened.failure.kind === 'not-a-repository'
      ? `${dir} is not in a git repository; --since compares with git history (run it in a clone)`
      : opened.failure.message;
    return { ok: false, message };
  }
  const repo = opened.repo;
  if (repo.head === undefined) return { ok: false, message: `the git repository at ${repo.top} has no commit yet; nothing to compare with "${ref}"` };
  const target = await resolveCommit(repo, ref);
  if (!target.ok) return { ok: false, message: target.failure.message };
  const base = await mergeBase(repo, target.commit, repo.head, [ref, 'HEAD']);
  if (!base.ok) return { ok: false, message: base.failure.message };
  return { ok: true, repo, refCommit: target.commit, head: repo.head, commit: base.commit };
}

export type SinceBaseResult = { ok: true; base: SinceBase } | { ok: false; message: string };

/** The findings at the merge base of `ref` and HEAD, under `configs` (the working tree's rules). */
export async function analyseSinceBase(dir: string, ref: string, configs: readonly RulesConfig[], reportRoot: string, options: CommitAnalysisOptions = {}): Promise<SinceBaseResult> {
  const commits = await sinceCommits(dir, ref);
  if (!commits.ok) return commits;
  const analysed = await analyseCommit(commits.repo, commits.commit, configs, reportRoot, options);
  if (!analysed.ok) return { ok: false, message: `cannot analyse ${ref} (${commits.commit.slice(0, 12)}): ${analysed.message}` };
  return { ok: true, base: { ref, refCommit: commits.refCommit, head: commits.head, commit: commits.commit, result: analysed.result } };
}
