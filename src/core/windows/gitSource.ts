// A window measured from git: the state at the last commit before it opened, one burndown point a
// day (the state at each day's last commit; the working tree today), and who paid down what.
// Numbers of past commits come from the history cache when a run before measured them; the
// commits still to analyse are handed to the history oldest first, so it steps forward once.
import { changeLog, type ChangeLogResult } from '../git/changeLog';
import { ChangeLogCache } from '../git/changeLogCache';
import { logPaths } from '../git/logPaths';
import { commitsBetween, commitsInRange, lastCommitBefore, type CommitInfo } from '../git/commits';
import { renamesBetween } from '../git/renames';
import { openRepository, type GitRepository } from '../git/repository';
import type { FactsCache } from '../analysis/project';
import type { RefactoringWindow, RulesConfig } from '../model/ruleTypes';
import { addDays, eachDay, minDay } from '../util/dates';
import { attributePaidDown } from './attribution';
import { GitHistory, type HistoryProgress } from './gitHistory';
import { HistoryCache, type Totals } from './historyCache';
import { scopedState } from './measure';
import { paidDownBetween, type Moves } from './paidDown';
import type { MeasuredState, RecordDetail } from './records';
import { burndownValues, type BurndownPoint, type PaidDownItem, type StartState } from './windowReport';

type Found<T> = { ok: true } & T | { ok: false; message: string };

export interface GitContext {
  repo: GitRepository;
  history: GitHistory;
  cache: HistoryCache;
  /** First-parent commits from the earliest day asked for to today, newest first. */
  commits: CommitInfo[];
  /** The last first-parent commit before the earliest day asked for (what days before the first listed commit show). */
  base: CommitInfo | undefined;
  /** The last commit on or before today. */
  nowCommit: CommitInfo | undefined;
  /** True when "now" is the working tree (today is not before the newest commit). */
  liveIsNow: boolean;
  /** Start day → the last commit before it (memo). */
  startCommits: Map<string, Promise<Found<{ commit: CommitInfo | undefined }>>>;
  /** Non-merge commits with their files, from the earliest day outcomes look at (memo). */
  changes?: Promise<ChangeLogResult>;
  /** Commits' files kept between runs (with a cache folder). */
  changeCache?: ChangeLogCache;
  /** What of the repository outcomes count: the folders the windows' scopes name (see logPaths). */
  changePaths: string[];
}

export interface GitContextOptions {
  today: string;
  /** Earliest day whose state is asked for (window starts, the trend's first week). */
  fromDay: string;
  excludeDirs?: string[];
  gitPath?: string;
  timeoutMs?: number;
  cache?: HistoryCache;
  seedFacts?: Pick<FactsCache, 'get'>;
  /** Where commits' changed files are kept between runs (see ChangeLogCache). */
  cacheDir?: string;
  /** How far the analysis of past commits has come. */
  onProgress?: HistoryProgress;
  /** True once the measurement is no longer wanted (see GitHistoryOptions). */
  isCancelled?: () => boolean;
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
  const [listed, base] = await Promise.all([
    commitsInRange(repo, { fromDay: options.fromDay, toDay: options.today }),
    lastCommitBefore(repo, options.fromDay),
  ]);
  if (!listed.ok) return { ok: false, message: listed.failure.message, repo };
  if (!base.ok) return { ok: false, message: base.failure.message, repo };
  const nowCommit: CommitInfo | undefined = listed.commits[0] ?? base.commit;
  const history = new GitHistory(repo, config, { today: options.today, excludeDirs: options.excludeDirs, seedFacts: options.seedFacts, onProgress: options.onProgress, isCancelled: options.isCancelled });
  const changePaths = logPaths(repo.prefix, config.windows.flatMap((window) => window.scope));
  return {
    ok: true,
    context: {
      repo, history, cache: options.cache ?? HistoryCache.none(), commits: listed.commits, base: base.commit, nowCommit,
      // The last commit before the earliest day is the start of the window that opened first: asked once.
      liveIsNow: nowCommit === undefined || nowCommit.oid === repo.head, startCommits: new Map([[options.fromDay, Promise.resolve(base)]]),
      changeCache: options.cacheDir ? ChangeLogCache.open(options.cacheDir, repo.top) : undefined,
      changePaths,
    },
  };
}

/** The state a day shows: its last first-parent commit (or the last before, on a day without one). */
export function commitOn(ctx: GitContext, day: string): CommitInfo | undefined {
  return ctx.commits.find((c) => c.day <= day) ?? (ctx.base && ctx.base.day <= day ? ctx.base : undefined);
}

export interface StateNeed {
  commit: CommitInfo;
  detail: RecordDetail;
}

/** The past states a window needs that the cache does not have. */
export async function windowNeeds(ctx: GitContext, window: RefactoringWindow, today: string): Promise<StateNeed[]> {
  const start = await startCommit(ctx, window.start);
  if (!start.ok || !start.commit) return [];
  const needs: StateNeed[] = [];
  if (!ctx.cache.start(start.commit.oid, window)) needs.push({ commit: start.commit, detail: 'full' });
  if (!ctx.liveIsNow && ctx.nowCommit) needs.push({ commit: ctx.nowCommit, detail: 'full' });
  for (const day of eachDay(window.start, minDay(today, window.end))) {
    if (day === today && ctx.liveIsNow) continue;
    const commit = commitOn(ctx, day) ?? start.commit;
    if (!ctx.cache.values(commit.oid, window)) needs.push({ commit, detail: 'counts' });
  }
  return needs;
}

/** Asks the history for every state needed, oldest commit first: one walk forward through time. */
export function requestStates(ctx: GitContext, needs: readonly StateNeed[]): void {
  const byCommit = new Map<string, StateNeed>();
  for (const need of needs) {
    const known = byCommit.get(need.commit.oid);
    if (!known || need.detail === 'full') byCommit.set(need.commit.oid, need);
  }
  const ordered = [...byCommit.values()].sort((a, b) => Date.parse(a.commit.date) - Date.parse(b.commit.date));
  // Failures surface where each state is awaited.
  for (const need of ordered) void ctx.history.stateAt(need.commit.oid, need.detail);
}

/** One value per goal of `window` at `commit`. */
export async function valuesAt(ctx: GitContext, commit: string, window: RefactoringWindow): Promise<Found<{ values: number[] }>> {
  const cached = ctx.cache.values(commit, window);
  if (cached) return { ok: true, values: cached };
  const state = await ctx.history.stateAt(commit, 'counts');
  if (!state.ok) return { ok: false, message: state.failure.message };
  const values = burndownValues(window, state.state);
  ctx.cache.setValues(commit, window, values);
  return { ok: true, values };
}

/** All violations and debt at `commit` (the trend). */
export async function totalsAt(ctx: GitContext, commit: string): Promise<Found<{ totals: Totals }>> {
  const cached = ctx.cache.totals(commit);
  if (cached) return { ok: true, totals: cached };
  const state = await ctx.history.stateAt(commit, 'counts');
  if (!state.ok) return { ok: false, message: state.failure.message };
  const totals = totalsOf(state.state);
  ctx.cache.setTotals(commit, totals);
  return { ok: true, totals };
}

export function totalsOf(state: MeasuredState): Totals {
  return { violations: state.violations.length, debt: state.debt.length };
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
  let atStart = ctx.cache.start(start.commit.oid, window);
  if (!atStart) {
    const state = await ctx.history.stateAt(start.commit.oid, 'full');
    if (!state.ok) return { ok: false, message: state.failure.message };
    atStart = scopedState(state.state, window);
    ctx.cache.setStart(start.commit.oid, window, atStart);
  }

  const notes: string[] = [];
  let now = live;
  if (!ctx.liveIsNow && ctx.nowCommit) {
    const past = await ctx.history.stateAt(ctx.nowCommit.oid, 'full');
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
    const commit = commitOn(ctx, day) ?? start.commit;
    const values = await valuesAt(ctx, commit.oid, window);
    if (!values.ok) return values;
    burndown.push({ date: day, values: values.values, commit: commit.oid });
  }

  const to = ctx.liveIsNow ? ctx.repo.head : ctx.nowCommit?.oid;
  const moves = await movesBetween(ctx, start.commit.oid, to);
  const rangeKey = `${start.commit.oid}..${to ?? ''}`;
  const attributed = await attributePaidDown(paidDownBetween(atStart, now, window, moves), { repo: ctx.repo, from: start.commit.oid, to }, ctx.cache.removals(rangeKey));
  if (attributed.note) notes.push(attributed.note);
  else ctx.cache.setRemovals(rangeKey, attributed.found);
  let paidDown = attributed.items;
  if (window.end < today) {
    const kept = await landedByEnd(ctx, start.commit, commitOn(ctx, window.end) ?? start.commit, paidDown);
    if (kept.ok) paidDown = kept.items;
    else notes.push(`what was paid down after ${window.end} may be listed too: ${kept.message}`);
  }
  const c = start.commit;
  return {
    ok: true,
    measured: {
      atStart,
      now,
      startState: { kind: 'commit', commit: c.oid, date: c.date, subject: c.subject },
      burndown,
      paidDown,
      notes,
    },
  };
}

/**
 * An ended window paid down what its removal commit had brought onto the mainline by its last day
 * (the commit its burndown ends on), not what was removed after it ended. What it paid down and
 * lost again since is not listed: its hold reports that as a regression. An item git could not
 * credit to a commit stays, as there is no telling when it went.
 */
async function landedByEnd(ctx: GitContext, start: CommitInfo, end: CommitInfo, items: PaidDownItem[]): Promise<Found<{ items: PaidDownItem[] }>> {
  if (!items.some((item) => item.removedBy)) return { ok: true, items };
  const landed = await commitsBetween(ctx.repo, start.oid, end.oid);
  if (!landed.ok) return { ok: false, message: landed.failure.message };
  return { ok: true, items: items.filter((item) => !item.removedBy || landed.oids.has(item.removedBy.commit)) };
}

/** Non-merge commits since `fromDay` with their files in the windows' scopes (one `git log --numstat` per context). */
export function changesSince(ctx: GitContext, fromDay: string): Promise<ChangeLogResult> {
  ctx.changes ??= changeLog(ctx.repo, fromDay, { store: ctx.changeCache, paths: ctx.changePaths });
  return ctx.changes;
}

/** Keeps what this run learnt for the next one, and ends the history's git process. */
export function finishContext(ctx: GitContext): void {
  ctx.history.close();
  ctx.cache.save();
  ctx.changeCache?.save();
}

/**
 * Files moved between two commits, root-relative (none when git cannot say: then a move reads as
 * paid down). "Now" may be the working tree: moves not committed yet are not seen.
 */
async function movesBetween(ctx: GitContext, from: string, to: string | undefined): Promise<Moves> {
  const { repo } = ctx;
  if (to === undefined) return new Map();
  const range = `${from}..${to}`;
  let renames = ctx.cache.moves(range);
  if (!renames) {
    const found = await renamesBetween(repo, from, to);
    if (!found.ok) return new Map();
    renames = [...found.renames];
    ctx.cache.setMoves(range, renames);
  }
  const moves = new Map<string, string>();
  for (const [before, after] of renames) {
    if (before.startsWith(repo.prefix) && after.startsWith(repo.prefix)) moves.set(before.slice(repo.prefix.length), after.slice(repo.prefix.length));
  }
  return moves;
}

export function startCommit(ctx: GitContext, day: string): Promise<Found<{ commit: CommitInfo | undefined }>> {
  let found = ctx.startCommits.get(day);
  if (!found) {
    found = lastCommitBefore(ctx.repo, day).then((result) => (result.ok ? result : { ok: false as const, message: result.failure.message }));
    ctx.startCommits.set(day, found);
  }
  return found;
}

/** The commit a window's end state is read from: the last first-parent commit on or before its last day. */
export function endCommit(ctx: GitContext, window: RefactoringWindow): Promise<Found<{ commit: CommitInfo | undefined }>> {
  return startCommit(ctx, addDays(window.end, 1));
}
