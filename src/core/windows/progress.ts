// The arithmetic of a refactoring window: how far each goal has come from where it started, how
// much of the time box is used up, and what that means (on track, behind, done). Pure functions.
import { daysBetween } from '../util/dates';

export type WindowStatus = 'not-started' | 'on-track' | 'behind' | 'done' | 'ended' | 'unknown';

export interface WindowTiming {
  /** Days in the window, start and end included. */
  daysTotal: number;
  /** Days of the window before today (today is not over): 0 on the first day. */
  daysPassed: number;
  /** Days left including today; all of them before the start, 0 after the end. */
  daysLeft: number;
  /** Share of the window's days passed (0 before the start, 1 after the end). */
  elapsed: number;
  phase: 'before' | 'running' | 'after';
}

export function windowTiming(start: string, end: string, today: string): WindowTiming {
  const daysTotal = daysBetween(start, end) + 1;
  if (today < start) return { daysTotal, daysPassed: 0, daysLeft: daysTotal, elapsed: 0, phase: 'before' };
  if (today > end) return { daysTotal, daysPassed: daysTotal, daysLeft: 0, elapsed: 1, phase: 'after' };
  const daysPassed = daysBetween(start, today);
  return { daysTotal, daysPassed, daysLeft: daysTotal - daysPassed, elapsed: daysPassed / daysTotal, phase: 'running' };
}

/** Goals bring a number down to a target: met once it is at or below it. */
export function goalMet(now: number, target: number): boolean {
  return now <= target;
}

/**
 * (at start − now) / (at start − target), clamped to 0..1. A goal whose target was already met when
 * the window opened is complete while it stays met, and at 0 if it slipped back above the target.
 */
export function goalProgress(atStart: number, now: number, target: number): number {
  if (atStart <= target) return goalMet(now, target) ? 1 : 0;
  return Math.min(1, Math.max(0, (atStart - now) / (atStart - target)));
}

/** A goal's verdict: done when met; otherwise its progress against the share of time elapsed. */
export function goalStatus(progress: number | null, met: boolean, timing: WindowTiming): WindowStatus {
  if (timing.phase === 'before') return 'not-started';
  if (met) return 'done';
  if (timing.phase === 'after') return 'ended';
  if (progress === null) return 'unknown';
  return progress >= timing.elapsed ? 'on-track' : 'behind';
}

/**
 * The window's verdict: not started before its first day; done when every goal is met; ended after
 * its last day otherwise; behind when any goal is; unknown when a starting value is missing.
 */
export function windowStatus(goals: readonly WindowStatus[], timing: WindowTiming): WindowStatus {
  if (timing.phase === 'before') return 'not-started';
  if (goals.length > 0 && goals.every((status) => status === 'done')) return 'done';
  if (timing.phase === 'after') return 'ended';
  if (goals.includes('behind')) return 'behind';
  if (goals.includes('unknown')) return 'unknown';
  return 'on-track';
}
