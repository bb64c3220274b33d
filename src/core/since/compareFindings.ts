// New code against old: which findings a change added, which were there before, which it fixed.
// Findings are matched as the baseline matches them, without line numbers (an edit above a
// finding does not make it new): a rule finding by rule, file and target, with counts (a second
// identical import in a file is new); a debt item by its id (tag, file, normalised text).
import type { DebtItem, Violation } from '../model/types';
import { compareBy } from '../util/relativePaths';

export interface Findings {
  violations: readonly Violation[];
  debt: readonly DebtItem[];
}

export interface FindingsComparison {
  /** In `now`, not in `before`. */
  added: { violations: Violation[]; debt: DebtItem[] };
  /** In both (as `now` has them). */
  existing: { violations: Violation[]; debt: DebtItem[] };
  /** In `before`, gone from `now` (as `before` had them). */
  fixed: { violations: Violation[]; debt: DebtItem[] };
}

/** Rule, file and target: what identifies a finding across versions of the code. */
export function findingKey(v: Violation): string {
  return `${v.ruleId}\u0000${v.location.file}\u0000${v.to}`;
}

const violationPosition = compareBy<Violation>(
  (v) => v.location.range.start.line, (v) => v.location.range.start.column, (v) => v.message,
);
const debtPosition = compareBy<DebtItem>((d) => d.range.start.line, (d) => d.range.start.column);

export function compareFindings(now: Findings, before: Findings): FindingsComparison {
  const violations = split(now.violations, before.violations, findingKey, violationPosition);
  const debt = split(now.debt, before.debt, (d) => d.id, debtPosition);
  return {
    added: { violations: violations.added, debt: debt.added },
    existing: { violations: violations.existing, debt: debt.existing },
    fixed: { violations: violations.fixed, debt: debt.fixed },
  };
}

/**
 * Per key, the first `min(now, before)` occurrences (in file order) are the ones that were there;
 * the rest of `now` was added, the rest of `before` fixed. Outputs keep their inputs' order.
 */
function split<T>(now: readonly T[], before: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): { added: T[]; existing: T[]; fixed: T[] } {
  const nowByKey = group(now, key, order);
  const beforeByKey = group(before, key, order);
  const existing = new Set<T>();
  const stillThere = new Set<T>();
  for (const [k, items] of nowByKey) {
    const old = beforeByKey.get(k) ?? [];
    const kept = Math.min(items.length, old.length);
    for (let i = 0; i < kept; i++) {
      existing.add(items[i]);
      stillThere.add(old[i]);
    }
  }
  return {
    added: now.filter((item) => !existing.has(item)),
    existing: now.filter((item) => existing.has(item)),
    fixed: before.filter((item) => !stillThere.has(item)),
  };
}

function group<T>(items: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  for (const list of groups.values()) if (list.length > 1) list.sort(order);
  return groups;
}
