// A goal's number in one state: debt items, rule findings or estimated hours inside the window's
// scope (narrowed by the goal's own scope), optionally one tag or one rule.
import { compilePattern, type CompiledPattern } from '../glob/pattern';
import type { RefactoringWindow, WindowGoal } from '../model/ruleTypes';
import type { DebtRecord, MeasuredState, ViolationRecord } from './records';

const compiled = new Map<string, CompiledPattern | undefined>();

function patternOf(glob: string): CompiledPattern | undefined {
  if (!compiled.has(glob)) {
    const result = compilePattern(glob);
    compiled.set(glob, result.ok ? result.pattern : undefined);
  }
  return compiled.get(glob);
}

/** True when the root-relative `file` matches one of `globs`. */
export function matchesAny(file: string, globs: readonly string[]): boolean {
  return globs.some((glob) => patternOf(glob)?.match(file) ?? false);
}

/** In the window's scope and, when the goal has one, in the goal's. */
export function inGoalScope(file: string, window: RefactoringWindow, goal?: WindowGoal): boolean {
  return matchesAny(file, window.scope) && (goal?.scope === undefined || matchesAny(file, goal.scope));
}

/** The debt items a `debt` or `estimate` goal counts. */
export function countedDebt(state: MeasuredState, window: RefactoringWindow, goal: WindowGoal): DebtRecord[] {
  return state.debt.filter((item) => (goal.tag === undefined || item.tag === goal.tag) && inGoalScope(item.file, window, goal));
}

/** The findings a `violations` goal counts. */
export function countedViolations(state: MeasuredState, window: RefactoringWindow, goal: WindowGoal): ViolationRecord[] {
  return state.violations.filter((v) => (goal.rule === undefined || v.ruleId === goal.rule) && inGoalScope(v.file, window, goal));
}

/** Estimated hours, rounded to hundredths so sums do not show floating-point noise. */
export function sumHours(items: readonly DebtRecord[]): number {
  return Math.round(items.reduce((sum, item) => sum + (item.estimateHours ?? 0), 0) * 100) / 100;
}

/** The goal's metric in `state`. */
export function measureState(state: MeasuredState, window: RefactoringWindow, goal: WindowGoal): number {
  switch (goal.metric) {
    case 'debt':
      return countedDebt(state, window, goal).length;
    case 'estimate':
      return sumHours(countedDebt(state, window, goal));
    case 'violations':
      return countedViolations(state, window, goal).length;
  }
}

/** Only the records of `state` inside the window's scope (what a snapshot keeps for it). */
export function scopedState(state: MeasuredState, window: RefactoringWindow): MeasuredState {
  return {
    debt: state.debt.filter((item) => inGoalScope(item.file, window)),
    violations: state.violations.filter((v) => inGoalScope(v.file, window)),
  };
}
