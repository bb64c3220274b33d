// What was paid down in a window: what a goal counted when the window opened and that is gone
// now. Gone means the comment or the import itself, not a finding that changed shape: a cycle
// whose shortest path now runs another way is still there, and an import that took part in many
// cycle findings is one item. Identities never include the line, so an item that only moved is
// not paid down; a debt note that left one file while the same note appeared in another counts
// as moved too.
import type { RefactoringWindow } from '../model/ruleTypes';
import { compareBy } from '../util/relativePaths';
import { countedDebt, countedViolations, inGoalScope } from './measure';
import { debtIdentityWithoutFile, importKey, type DebtRecord, type MeasuredState, type ViolationRecord } from './records';

export type PaidDownCandidate =
  | { kind: 'debt'; record: DebtRecord }
  /** An import that is gone; `findings`: how many counted findings at the start it took part in. */
  | { kind: 'violation'; record: ViolationRecord; findings: number };

/** Root-relative path at the start → where git says the file is now (moved files only). */
export type Moves = ReadonlyMap<string, string>;

export function paidDownBetween(start: MeasuredState, now: MeasuredState, window: RefactoringWindow, moves: Moves = new Map()): PaidDownCandidate[] {
  return [...paidDebt(start, now, window), ...paidImports(start, now, window, moves)];
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

/**
 * Imports that made up a counted finding at the start (the reported import, and every step of a
 * cycle inside the goal's scope) and that no longer exist, also where their file or target moved. Without the imports of "now" (a
 * snapshot), a finding whose rule, file and target are all gone stands for its import.
 */
function paidImports(start: MeasuredState, now: MeasuredState, window: RefactoringWindow, moves: Moves): PaidDownCandidate[] {
  const goals = window.goals.filter((goal) => goal.metric === 'violations');
  const byImport = new Map<string, { record: ViolationRecord; findings: Set<ViolationRecord> }>();
  for (const goal of goals) {
    for (const finding of countedViolations(start, window, goal)) {
      const steps = finding.steps ?? [finding];
      for (const step of steps) {
        if (step !== finding && !inGoalScope(step.file, window, goal)) continue;
        const key = importKey(step.file, step.to);
        let entry = byImport.get(key);
        if (!entry) {
          const record: ViolationRecord = { ruleId: finding.ruleId, file: step.file, to: step.to, line: step.line };
          if (step.needle) record.needle = step.needle;
          entry = { record, findings: new Set() };
          byImport.set(key, entry);
        }
        entry.findings.add(finding);
      }
    }
  }
  const stillThere = now.imports ? (key: string) => now.imports!.has(key) : findingStillThere(now);
  const paid: PaidDownCandidate[] = [];
  for (const [key, { record, findings }] of byImport) {
    const moved = importKey(moves.get(record.file) ?? record.file, moves.get(record.to) ?? record.to);
    if (!stillThere(key) && !stillThere(moved)) paid.push({ kind: 'violation', record, findings: findings.size });
  }
  return paid.sort(compareBy((p) => p.record.file, (p) => p.record.line, (p) => (p.kind === 'violation' ? p.record.to : '')));
}

/** Without the imports themselves: an import is there while some finding still names it (or its file and target). */
function findingStillThere(now: MeasuredState): (key: string) => boolean {
  const named = new Set<string>();
  for (const finding of now.violations) {
    named.add(importKey(finding.file, finding.to));
    for (const step of finding.steps ?? []) named.add(importKey(step.file, step.to));
  }
  return (key) => named.has(key);
}

function multiset(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
