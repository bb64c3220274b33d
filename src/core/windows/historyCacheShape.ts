// The history cache read back is input like any other (truncated, hand-edited, written by another
// version): checked field by field before anything counts with it, so a bad file means a cold
// run, never a crash halfway through a window or a number nobody measured.
import { count, decode, fail, list, object, optional, record, text, type Shape } from '../analysis/cacheCodec';
import type { DebtRecord, ImportRecord, MeasuredState, ViolationRecord } from './records';
import type { RemovedBy } from './windowReport';

/** An object used as a map, checked in place and kept as it is (the cache indexes it directly). */
function dictionary<T>(shape: Shape<T>): Shape<Record<string, T>> {
  const entries = record(shape);
  return (value, how) => {
    entries(value, how);
    return value as Record<string, T>;
  };
}

function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return (value, how) => (value === null ? null : shape(value, how));
}

/** Fields the cache never stores (they are rebuilt from git when needed). */
const absent: Shape<undefined> = (value) => (value === undefined ? undefined : fail('absent'));

const pair: Shape<[string, string]> = (value, how) => {
  const items = list(text)(value, how);
  return items.length === 2 ? [items[0], items[1]] : fail('a pair of paths');
};

const debtRecord = object<DebtRecord>({
  id: text, tag: text, file: text, line: count, text, estimateHours: optional(count), owner: optional(text), needle: optional(text),
});
const importRecord = object<ImportRecord>({ file: text, to: text, line: count, needle: optional(text) });
const violationRecord = object<ViolationRecord>({
  ruleId: text, file: text, to: text, line: count, needle: optional(text), steps: optional(list(importRecord)),
});
const measuredState = object<MeasuredState>({ debt: list(debtRecord), violations: list(violationRecord), imports: absent });
const removedBy = object<RemovedBy>({ name: text, email: text, commit: text, date: text, subject: text });

export interface StoredHistory {
  format: number;
  key: string;
  /** Commit → window key → one value per goal. */
  values: Record<string, Record<string, number[]>>;
  /** Commit → all violations and debt (the trend). */
  totals: Record<string, { violations: number; debt: number }>;
  /** `commit window-key` → the window's records at its start (full: needles and cycle steps). */
  starts: Record<string, MeasuredState>;
  /** `from..to` → `file NUL needle` → who removed it. */
  removals: Record<string, Record<string, RemovedBy | null>>;
  /** `from..to` → files git sees as moved (repository-relative). */
  moves: Record<string, [string, string][]>;
}

const storedHistory = object<StoredHistory>({
  format: count,
  key: text,
  values: dictionary(dictionary(list(count))),
  totals: dictionary(object({ violations: count, debt: count })),
  starts: dictionary(measuredState),
  removals: dictionary(dictionary(nullable(removedBy))),
  moves: dictionary(list(pair)),
});

/** The parsed file as the cache's contents, or why it is not (`format` and `key` are compared by the caller). */
export function decodeHistory(parsed: unknown): { ok: true; value: StoredHistory } | { ok: false; why: string } {
  return decode(storedHistory, parsed, (value) => value);
}
