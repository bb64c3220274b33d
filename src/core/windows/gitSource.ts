// A window measured from git: the state at the last commit before it opened, one burndown point a
// day (the state at each day's last commit; the working tree today), and who paid down what.
import { commitsInRange, lastCommitBefore, type CommitInfo } from '../git/commits';
import { openRepository, type GitRepository } from '../git/repository';
import type { RefactoringWindow, RulesConfig } from '../model/ruleTypes';
import { attributePaidDown } from './attribution';
import { addDays, eachDay, minDay } from '../util/dates';
import { GitHistory } from './gitHistory';
import { paidDownBetween } from './paidDown';
import type { MeasuredState } from './records';
import { burndownValues, type BurndownPoint, type PaidDownItem, type StartState } from './windowReport';

export interface GitContext {
  repo: GitRepository;
  history: GitHistory;
  /** First-parent commits from the earliest window start to today, newest first. */
  commits: CommitInfo[];
  /** The last commit on or before today. */
  nowCommit: CommitInfo | undefined;
  /** True when "now" is the working tree (today is not before the newest commit). */
  liveIsNow: boolean;
  /** Start day → the last commit before it (memo). */
  startCommits: Map<string, Promise<{ ok: true; commit: CommitInfo | undefined } | { ok: false; message: string }>>;
}

export interface GitContextOptions {
  today: string;
  /** Earliest start among the windows that have started. */
  fromDay: string;
  excludeDirs?: string[];
  gitPath?: string;
  timeoutMs?: number;
}

export type OpenGitResult = { ok: true; context: GitContext } | { ok: false; message: string; repo?: GitRepository };

export async function openGitContext(config: RulesConfig, options: GitContextOptions): Promise<OpenGitResult> {
  const opened = await openRepository(config.root, { gitPath: options.gitPath, timeoutMs: options.timeoutMs });
  if (!opened.ok) {
    const why = opened.failure.kind === 'not-a-repository' ? `${config.root} is not in a git repository` : opened.failure.message;
    return { ok: false, message: why };
  }
  const repo = opened.repo;
  if (repo.head === undefined) return { ok: false, message: 'the git repository has no commit yet', repo };
  const listed = await commitsInRange(repo, { fromDay: options.fromDay, toDay: options.today });
  if (!listed.ok) return { ok: false, message: listed.failure.message, repo };
  let nowCommit: CommitInfo | undefined = listed.commits[0];
  if (!nowCommit) {
    const before = await lastCommitBefore(repo, addDays(options.today, 1));
    if (!before.ok) return { ok: false, message: before.failure.message, repo };
    nowCommit = before.commit;
  }
  const history = new GitHistory(repo, config, { today: options.today, excludeDirs: options.excludeDirs });
  return {
    ok: true,
    context: { repo, history, commits: listed.commits, nowCommit, liveIsNow: nowCommit === undefined || nowCommit.oid === repo.head, startCommits: new Map() },
  };
}

export interface GitMeasurement {
  atStart: MeasuredState;
  now: MeasuredState;
  startState: StartState;
  burndown: BurndownPoint[];
  paidDown: PaidDownItem[];
  notes: string[];
}

export type GitMeasureResult = { ok: true; measured: GitMeasurement } | { ok: false; message: string };

/** Measures a window that has started. Fails (with why) when git cannot give its starting state. */
export async function measureFromGit(ctx: GitContext, window: RefactoringWindow, live: MeasuredState, today: string): Promise<GitMeasureResult> {
  const start = await startCommit(ctx, window.start);
  if (!start.ok) return start;
  if (!start.commit) {
    const message = ctx.repo.shallow
      ? `this is a shallow clone whose history does not reach back before ${window.start} (git fetch --unshallow fetches it)`
      : `git has no commit before ${window.start}`;
    return { ok: false, message };
  }
  const atStart = await ctx.history.stateAt(start.commit.oid);
  if (!atStart.ok) return { ok: false, message: atStart.failure.message };

  const notes: string[] = [];
  let now = live;
  if (!ctx.liveIsNow && ctx.nowCommit) {
    const past = await ctx.history.stateAt(ctx.nowCommit.oid);
    if (!past.ok) return { ok: false, message: past.failure.message };
    now = past.state;
    notes.push(`"now" is commit ${ctx.nowCommit.oid.slice(0, 7)} (${ctx.nowCommit.day}), the last on or before ${today}`);
  }

  const burndown: BurndownPoint[] = [];
  for (const day of eachDay(window.start, minDay(today, window.end))) {
    if (day === today && ctx.liveIsNow) {
      burndown.push({ date: day, values: burndownValues(window, live) });
      continue;
    }
    const commit = ctx.commits.find((c) => c.day <= day) ?? start.commit;
    const state = await ctx.history.stateAt(commit.oid, 'counts');
    if (!state.ok) return { ok: false, message: state.failure.message };
    burndown.push({ date: day, values: burndownValues(window, state.state), commit: commit.oid });
  }

  const attributed = await attributePaidDown(paidDownBetween(atStart.state, now, window), {
    repo: ctx.repo,
    from: start.commit.oid,
    to: ctx.liveIsNow ? ctx.repo.head : ctx.nowCommit?.oid,
  });
  if (attributed.note) notes.push(attributed.note);
  const c = start.commit;
  return {
    ok: true,
    measured: {
      atStart: atStart.state,
      now,
      startState: { kind: 'commit', commit: c.oid, date: c.date, subject: c.subject },
      burndown,
      paidDown: attributed.items,
      notes,
    },
  };
}

function startCommit(ctx: GitContext, day: string): Promise<{ ok: true; commit: CommitInfo | undefined } | { ok: false; message: string }> {
  let found = ctx.startCommits.get(day);
  if (!found) {
    found = lastCommitBefore(ctx.repo, day).then((result) => (result.ok ? result : { ok: false as const, message: result.failure.message }));
    ctx.startCommits.set(day, found);
  }
  return found;
}
