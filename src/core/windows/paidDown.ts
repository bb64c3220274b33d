// What was paid down in a window: items a goal counted when the window opened that are gone now.
// Identities never include the line, so an item that only moved is not paid down; a debt note
// that left one file while the same note appeared in another counts as moved too.
import type { RefactoringWindow } from '../model/ruleTypes';
import { compareBy } from '../util/relativePaths';
import { countedDebt, countedViolations } from './measure';
import { debtIdentityWithoutFile, violationKey, type DebtRecord, type MeasuredState, type ViolationRecord } from './records';

export type PaidDownCandidate =
  | { kind: 'debt'; record: DebtRecord }
  /** `count`: how many findings with this rule, file and target went away. */
  | { kind: 'violation'; record: ViolationRecord; count: number };

export function paidDownBetween(start: MeasuredState, now: MeasuredState, window: RefactoringWindow): PaidDownCandidate[] {
  return [...paidDebt(start, now, window), ...paidViolations(start, now, window)];
}

function paidDebt(start: MeasuredState, now: MeasuredState, window: RefactoringWindow): PaidDownCandidate[] {
  const goals = window.goals.filter((goal) => goal.metric === 'debt' || goal.metric === 'estimate');
  const counted = new Map<string, DebtRecord>();
  for (const goal of goals) for (const item of countedDebt(start, window, goal)) counted.set(item.id, item);
  const nowIds = new Set(now.debt.map((item) => item.id));
  // Items that are new by id (a note in a file where it was not at the start): where moved items went.
  const startIds = new Set(start.debt.map((item) => item.id));
  const arrived = multiset(now.debt.filter((item) => !startIds.has(item.id)).map(debtIdentityWithoutFile));
  const paid: PaidDownCandidate[] = [];
  for (const item of [...counted.values()].sort(compareBy((d) => d.file, (d) => d.line, (d) => d.id))) {
    if (nowIds.has(item.id)) continue;
    const identity = debtIdentityWithoutFile(item);
    const moved = arrived.get(identity) ?? 0;
    if (moved > 0) {
      arrived.set(identity, moved - 1);
      continue;
    }
    paid.push({ kind: 'debt', record: item });
  }
  return paid;
}

function paidViolations(start: MeasuredState, now: MeasuredState, window: RefactoringWindow): PaidDownCandidate[] {
  const goals = window.goals.filter((goal) => goal.metric === 'violations');
  const counted = new Map<ViolationRecord, true>();
  for (const goal of goals) for (const v of countedViolations(start, window, goal)) counted.set(v, true);
  const before = new Map<string, ViolationRecord[]>();
  for (const v of counted.keys()) before.set(violationKey(v), [...(before.get(violationKey(v)) ?? []), v]);
  const after = multiset(now.violations.map(violationKey));
  const paid: PaidDownCandidate[] = [];
  for (const [key, records] of before) {
    const gone = records.length - (after.get(key) ?? 0);
    if (gone > 0) paid.push({ kind: 'violation', record: records[0], count: gone });
  }
  return paid.sort(compareBy((p) => p.record.file, (p) => p.record.line, (p) => (p.kind === 'violation' ? p.record.ruleId : '')));
}

function multiset(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
