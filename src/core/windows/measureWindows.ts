// Every refactoring window of one rules file: its starting state from git, or from snapshots when
// git cannot serve (the report says which and why), against the live state of the code; what
// each window bought (outcomes), and the rules file's weekly trend.
import type { FactsCache } from '../analysis/project';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import type { GitRepository } from '../git/repository';
import type { RefactoringWindow, RulesConfig } from '../model/ruleTypes';
import { relativeFile } from '../util/relativePaths';
import { daysBetween } from '../util/dates';
import { contributorsOf, estimateBurned } from './attribution';
import { changesSince, measureFromGit, finishContext, openGitContext, requestStates, windowNeeds, type GitContext, type OpenGitResult } from './gitSource';
import type { HistoryProgress } from './gitHistory';
import { HistoryCache } from './historyCache';
import { earliestOutcomeDay, windowOutcomes, type WindowOutcomes } from './outcomes';
import { windowTiming } from './progress';
import type { MeasuredState } from './records';
import { loadSnapshots, measureFromSnapshots, type LoadedSnapshots } from './snapshotSource';
import { measureTrend, trendFromDay, trendNeeds } from './trend';
import { assessGoals, holdOf, type TrendPoint, type BurndownPoint, type PaidDownItem, type StartState, type WindowProgress, type WindowSource } from './windowReport';

export interface MeasureWindowsOptions {
  /** `YYYY-MM-DD` */
  today: string;
  /** Records of the code now (the live analysis of this rules file; see `measureResult`). */
  now: MeasuredState;
  /** Root paths in the report are relative to (`rulesFile`); the rules file's folder by default. */
  reportRoot?: string;
  /** Folders of nested rules files, left out of past states as they are now. */
  excludeDirs?: string[];
  /** Snapshot files besides `<root>/.guardrails/snapshots.json` (the extension's own). */
  snapshotFiles?: string[];
  /** Reads snapshot files; the disk by default. */
  fs?: FileSystem;
  /** `false` never runs git (an untrusted workspace, a test of the fallback). */
  git?: false | { gitPath?: string; timeoutMs?: number };
  /** Why git is off, for the report's note (with `git: false`). */
  gitOffReason?: string;
  /** Facts of today's files (the live analysis's cache): past commits share most of them. */
  seedFacts?: Pick<FactsCache, 'get'>;
  /**
   * Where what past commits measured (see HistoryCache) and commits' changed files are kept
   * between runs; nothing is kept without it.
   */
  cacheDir?: string;
  /** Part of the history cache's key: numbers measured by another build of the engine are not reused. */
  engineVersion?: string;
  /** How far the analysis of past commits has come (nothing is told when the history cache has them all). */
  onHistoryProgress?: HistoryProgress;
  /** Git, opened (by `openWindowsGit`) while the code now was being analysed; opened here otherwise. */
  opened?: Promise<OpenGitResult | undefined>;
  /**
   * True once the measurement is no longer wanted (the editor's request was cancelled): past
   * states not analysed yet are skipped, and what is returned then is incomplete.
   */
  isCancelled?: () => boolean;
}

interface Measured {
  source: WindowSource;
  atStart: MeasuredState | undefined;
  now: MeasuredState;
  startState: StartState | null;
  burndown: BurndownPoint[];
  paidDown: PaidDownItem[];
  notes: string[];
  outcomes: WindowOutcomes | null;
}

export async function measureWindows(config: RulesConfig, options: MeasureWindowsOptions): Promise<WindowProgress[]> {
  return (await measureWindowsAndTrend(config, options)).windows;
}

/** The windows, and the trend when git can tell it (empty otherwise). */
export async function measureWindowsAndTrend(config: RulesConfig, options: MeasureWindowsOptions): Promise<{ windows: WindowProgress[]; trend: TrendPoint[] }> {
  const { today } = options;
  const started = config.windows.filter((window) => window.start <= today);
  const git = await (options.opened ?? openWindowsGit(config, options));
  if (git?.ok) {
    // Every past state any window or the trend needs, handed over oldest first.
    const needs = await Promise.all(started.map((window) => windowNeeds(git.context, window, today)));
    requestStates(git.context, [...needs.flat(), ...trendNeeds(git.context, today)]);
  }
  let snapshots: LoadedSnapshots | undefined;
  const snapshotsOnce = (): LoadedSnapshots => (snapshots ??= loadSnapshots(config.root, options.snapshotFiles ?? [], options.fs ?? new NodeFileSystem()));

  const cancelled = (): boolean => options.isCancelled?.() === true;
  const windows: WindowProgress[] = [];
  let trend: TrendPoint[] = [];
  try {
    for (const window of config.windows) {
      if (cancelled()) break;
      let measured: Measured;
      if (window.start > today) {
        measured = { source: 'none', atStart: undefined, now: options.now, startState: null, burndown: [], paidDown: [], outcomes: null, notes: [`opens on ${window.start}, in ${daysBetween(today, window.start)} day(s)`] };
      } else {
        measured = await measureStarted(window, config, git!, options, snapshotsOnce);
      }
      windows.push(progressOf(window, measured, config, options));
    }
    if (git?.ok && !cancelled()) {
      const measuredTrend = await measureTrend(git.context, options.now, today);
      if (measuredTrend.ok) trend = measuredTrend.trend;
    }
  } finally {
    // Also when stopped early: the cat-file process ends, and the states measured so far are kept.
    if (git?.ok) finishContext(git.context);
  }
  return { windows, trend };
}

/**
 * Git for `config`'s windows: the repository, the commits from the earliest day any window or the
 * trend looks at, and the commit log outcomes count, asked for at once. Needs nothing of the code
 * now, so a caller can open it while that is analysed (git answers in processes of its own).
 * Undefined for a rules file without windows.
 */
export function openWindowsGit(config: RulesConfig, options: Omit<MeasureWindowsOptions, 'now' | 'opened'>): Promise<OpenGitResult | undefined> | undefined {
  if (config.windows.length === 0) return undefined;
  const { today } = options;
  if (options.git === false) return Promise.resolve({ ok: false, message: options.gitOffReason ?? 'git is turned off' });
  const started = config.windows.filter((window) => window.start <= today);
  return openGitContext(config, {
    today,
    fromDay: [trendFromDay(today), ...started.map((w) => w.start)].sort()[0],
    excludeDirs: options.excludeDirs,
    gitPath: options.git?.gitPath,
    timeoutMs: options.git?.timeoutMs,
    cache: options.cacheDir ? HistoryCache.open(options.cacheDir, config, options.engineVersion ?? '', options.excludeDirs) : undefined,
    seedFacts: options.seedFacts,
    cacheDir: options.cacheDir,
    onProgress: options.onHistoryProgress,
    isCancelled: options.isCancelled,
  }).then((opened) => {
    const from = earliestOutcomeDay(config.windows, today);
    // The log outcomes count runs beside whatever comes next (memoized: outcomesOf takes it up).
    if (opened.ok && from !== undefined) void changesSince(opened.context, from);
    return opened;
  });
}

async function measureStarted(window: RefactoringWindow, config: RulesConfig, git: OpenGitResult, options: MeasureWindowsOptions, snapshots: () => LoadedSnapshots): Promise<Measured> {
  let why: string;
  let repo: GitRepository | undefined;
  const outcomes = git.ok ? await outcomesOf(git.context, window, config, options.today) : null;
  if (git.ok) {
    const fromGit = await measureFromGit(git.context, window, options.now, options.today);
    if (fromGit.ok) return { source: 'git', ...fromGit.measured, outcomes };
    why = fromGit.message;
    repo = git.context.repo;
  } else {
    why = git.message;
    repo = git.repo;
  }
  const fromSnapshots = await measureFromSnapshots(window, options.now, options.today, snapshots(), config.root, repo);
  return {
    source: fromSnapshots.atStart ? 'snapshot' : 'none',
    atStart: fromSnapshots.atStart,
    now: options.now,
    startState: fromSnapshots.startState,
    burndown: fromSnapshots.burndown,
    paidDown: fromSnapshots.paidDown,
    notes: [`${why}; ${fromSnapshots.notes[0] ?? ''}`.replace(/; $/, ''), ...fromSnapshots.notes.slice(1)],
    outcomes,
  };
}

/** Outcomes need only the commit log, so a shallow clone or a missing start state still has them (as far as history reaches). */
async function outcomesOf(ctx: GitContext, window: RefactoringWindow, config: RulesConfig, today: string): Promise<WindowOutcomes | null> {
  const from = earliestOutcomeDay(config.windows, today);
  if (from === undefined) return null;
  const changes = await changesSince(ctx, from);
  if (!changes.ok) return null;
  return windowOutcomes(window, today, changes.commits, ctx.repo.prefix, config.history.fixWords) ?? null;
}

function progressOf(window: RefactoringWindow, measured: Measured, config: RulesConfig, options: MeasureWindowsOptions): WindowProgress {
  const timing = windowTiming(window.start, window.end, options.today);
  const { goals, status } = assessGoals(window, measured.atStart, measured.now, options.today);
  return {
    id: window.id,
    title: window.title,
    start: window.start,
    end: window.end,
    today: options.today,
    scope: window.scope,
    rulesFile: relativeFile(options.reportRoot ?? config.root, config.file),
    daysTotal: timing.daysTotal,
    daysLeft: timing.daysLeft,
    elapsed: Math.round(timing.elapsed * 10_000) / 10_000,
    status,
    source: measured.source,
    note: measured.notes.length ? measured.notes.map((note) => note.replace(/\.$/, '')).join('. ') + '.' : null,
    startState: measured.startState,
    goals,
    burndown: measured.burndown,
    paidDown: measured.paidDown,
    estimateBurned: estimateBurned(measured.paidDown),
    contributors: contributorsOf(measured.paidDown),
    outcomes: measured.outcomes,
    hold: holdOf(window, measured.burndown, goals, options.today),
  };
}
