// The progress of a refactoring window as plain data: what `guardrails windows --format json`
// prints and the panel draws. Fields follow DESIGN.md section 5; more may be added, none renamed.
import type { GoalMetric, RefactoringWindow, WindowGoal } from '../model/ruleTypes';
import { goalMet, goalProgress, goalStatus, windowStatus, windowTiming, type WindowStatus } from './progress';
import { measureState } from './measure';
import type { WindowOutcomes } from './outcomes';
import type { MeasuredState } from './records';

/** Where the state at the window's opening came from; `none` when neither git nor a snapshot had it. */
export type WindowSource = 'git' | 'snapshot' | 'none';

export interface GoalProgress {
  metric: GoalMetric;
  rule?: string;
  tag?: string;
  scope?: string[];
  /** `debt`, `debt (FIXME)`, `violations of domain-pure`, `estimate (hours)`. */
  label: string;
  /** Null before the window opens, or when no state from its opening is known. */
  atStart: number | null;
  now: number;
  target: number;
  /** 0..1; null when `atStart` is unknown. */
  progress: number | null;
  met: boolean;
  status: WindowStatus;
}

export interface BurndownPoint {
  date: string;
  /** One value per goal, in the goals' order. */
  values: number[];
  /** The commit whose state the point shows; absent for the working tree or a snapshot. */
  commit?: string;
}

export interface RemovedBy {
  name: string;
  email: string;
  commit: string;
  /** Author date, ISO 8601. */
  date: string;
  subject: string;
}

export type PaidDownItem =
  | {
      kind: 'debt';
      id: string;
      tag: string;
      file: string;
      /** Line when the window opened. */
      line: number;
      text: string;
      owner: string | null;
      estimateHours: number | null;
      removedBy: RemovedBy | null;
    }
  | {
      kind: 'violation';
      ruleId: string;
      file: string;
      line: number;
      to: string;
      /** Imports removed: one item is one import, credited once. */
      count: number;
      /** Findings counted at the start that this import took part in (cycles share imports). */
      findings: number;
      removedBy: RemovedBy | null;
    };

export type StartState =
  | { kind: 'commit'; commit: string; date: string; subject: string }
  | { kind: 'snapshot'; date: string; file: string };

export interface Contributor {
  name: string;
  email: string;
  items: number;
  estimateHours: number;
}

/** Violations and debt of one week of the trend (the state at its last commit). */
export interface TrendPoint {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  violations: number;
  debt: number;
}

/** An ended window keeps what it reached: each goal now against its value at the end. */
export interface WindowHold {
  /** The window's last day (the values are the state then). */
  since: string;
  /** The commit they were read from; null for a snapshot. */
  commit: string | null;
  status: 'held' | 'regressed';
  /** One per goal, in the goals' order; `regressedBy` is how far "now" is above the end (0 when held). */
  goals: { atEnd: number; now: number; regressedBy: number }[];
}

export interface WindowProgress {
  id: string;
  title: string;
  start: string;
  end: string;
  today: string;
  scope: string[];
  /** Rules file that declares the window, relative to the report's root. */
  rulesFile: string;
  daysTotal: number;
  daysLeft: number;
  /** Share of the window's days passed, 0..1. */
  elapsed: number;
  status: WindowStatus;
  source: WindowSource;
  /** Where the starting state came from and anything a reader should know (fallbacks); null when all is plain. */
  note: string | null;
  startState: StartState | null;
  goals: GoalProgress[];
  burndown: BurndownPoint[];
  paidDown: PaidDownItem[];
  /** Estimated hours of the debt items paid down. */
  estimateBurned: number;
  /** Who removed what, most items first. */
  contributors: Contributor[];
  /** What the window bought (from git); null before it opens or without git. */
  outcomes: WindowOutcomes | null;
  /** Once ended: whether it holds what it reached; null while running or when its end is unknown. */
  hold: WindowHold | null;
}

export interface WindowsReport {
  version: string;
  root: string;
  today: string;
  durationMs: number;
  windows: WindowProgress[];
  /** Violations and debt per week, the last 12 weeks, of the rules files that have windows (from git; absent where not measured). */
  trend?: TrendPoint[];
}

export function goalLabel(goal: WindowGoal): string {
  const base = goal.metric === 'violations' ? (goal.rule ? `violations of ${goal.rule}` : 'violations')
    : goal.metric === 'estimate' ? 'estimate (hours)' : 'debt';
  const tag = goal.tag && goal.metric !== 'violations' ? ` (${goal.tag})` : '';
  const scope = goal.scope ? ` in ${goal.scope.join(', ')}` : '';
  return `${base}${tag}${scope}`;
}

/** Goals, time and verdicts of a window from its starting state (when known) and its state now. */
export function assessGoals(window: RefactoringWindow, atStart: MeasuredState | undefined, now: MeasuredState, today: string): { goals: GoalProgress[]; status: WindowStatus } {
  const timing = windowTiming(window.start, window.end, today);
  const goals = window.goals.map((goal): GoalProgress => {
    const nowValue = measureState(now, window, goal);
    const startValue = timing.phase === 'before' || !atStart ? null : measureState(atStart, window, goal);
    const met = goalMet(nowValue, goal.target);
    const progress = timing.phase === 'before' ? 0 : startValue === null ? null : goalProgress(startValue, nowValue, goal.target);
    return {
      metric: goal.metric,
      ...(goal.rule !== undefined ? { rule: goal.rule } : {}),
      ...(goal.tag !== undefined ? { tag: goal.tag } : {}),
      ...(goal.scope !== undefined ? { scope: goal.scope } : {}),
      label: goalLabel(goal),
      atStart: startValue,
      now: nowValue,
      target: goal.target,
      progress: progress === null ? null : Math.round(progress * 10_000) / 10_000,
      met,
      status: goalStatus(progress, met, timing),
    };
  });
  return { goals, status: windowStatus(goals.map((goal) => goal.status), timing) };
}

export function burndownValues(window: RefactoringWindow, state: MeasuredState): number[] {
  return window.goals.map((goal) => measureState(state, window, goal));
}

/** The hold of an ended window: its last burndown point (the state on its last day) against now. */
export function holdOf(window: RefactoringWindow, burndown: readonly BurndownPoint[], goals: readonly GoalProgress[], today: string): WindowHold | null {
  if (today <= window.end) return null;
  const last = burndown[burndown.length - 1];
  if (!last || last.date !== window.end) return null;
  const held = goals.map((goal, i) => ({ atEnd: last.values[i], now: goal.now, regressedBy: Math.max(0, Math.round((goal.now - last.values[i]) * 100) / 100) }));
  return { since: window.end, commit: last.commit ?? null, status: held.some((goal) => goal.regressedBy > 0) ? 'regressed' : 'held', goals: held };
}
