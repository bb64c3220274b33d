// The merge base of a ref and HEAD kept current for a long-lived analysis (the editor's
// `guardrails.newSince`): asking where HEAD and the ref point is cheap (a few git commands), and
// the merge base is analysed again only when it moved or the rules changed.
import type { RulesConfig } from '../model/ruleTypes';
import { analyseCommit, type CommitAnalysisOptions } from './commitAnalysis';
import { sinceCommits, type SinceBase } from './sinceBase';
import { TextFactsCache } from '../windows/factsCache';

export class SinceTracker {
  private current: SinceBase | undefined;
  private failure: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Facts of the files of past merge bases: after HEAD moves, only files that differ are parsed. */
  private readonly facts = new TextFactsCache();

  constructor(readonly dir: string, readonly ref: string) {}

  /** The merge base and its findings, once known (and while git can tell). */
  get base(): SinceBase | undefined {
    return this.current;
  }

  /** Why there is no base (an unknown ref, not a git repository …); undefined when there is one. */
  get problem(): string | undefined {
    return this.failure;
  }

  /**
   * Looks where HEAD and the ref point; analyses the merge base under `configs` when it moved, or
   * always with `force` (the rules or what is analysed changed). Updates run one at a time.
   * Resolves true when `base` or `problem` changed.
   */
  update(configs: readonly RulesConfig[], reportRoot: string, options: CommitAnalysisOptions, force = false): Promise<boolean> {
    const next = this.queue.then(() => this.run(configs, reportRoot, options, force));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(configs: readonly RulesConfig[], reportRoot: string, options: CommitAnalysisOptions, force: boolean): Promise<boolean> {
    const commits = await sinceCommits(this.dir, this.ref);
    if (!commits.ok) return this.fail(commits.message);
    if (!force && this.current?.commit === commits.commit) {
      this.current = { ...this.current, head: commits.head, refCommit: commits.refCommit };
      return false;
    }
    const analysed = await analyseCommit(commits.repo, commits.commit, configs, reportRoot, { ...options, factsCache: this.facts });
    if (!analysed.ok) return this.fail(`cannot analyse ${this.ref} (${commits.commit.slice(0, 12)}): ${analysed.message}`);
    this.current = { ref: this.ref, refCommit: commits.refCommit, head: commits.head, commit: commits.commit, result: analysed.result };
    this.failure = undefined;
    return true;
  }

  private fail(message: string): boolean {
    const changed = this.failure !== message || this.current !== undefined;
    this.current = undefined;
    this.failure = message;
    return changed;
  }
}
