import { writeFileAtomic, type WriteResult } from '../util/writeFileAtomic';
// Snapshots: the records of each open window's scope on a day, for when git cannot tell how the code
// looked (no git, not a repository, a shallow clone). `guardrails snapshot` writes them to a file the
// team can commit; the extension keeps its own in its storage. One entry per day, sorted, one record
// per line so the file diffs well.
import type { FileSystem } from '../fs/fileSystem';
import { READ_LIMITS, readFailureText } from '../fs/textFile';
import { isCalendarDate } from '../util/calendarDate';
import type { RefactoringWindow } from '../model/ruleTypes';
import { compareBy } from '../util/relativePaths';
import { scopedState } from './measure';
import type { DebtRecord, MeasuredState, ViolationRecord } from './records';

export const SNAPSHOTS_VERSION = 1;
/** Where `guardrails snapshot` writes, relative to the rules file's folder. */
export const SNAPSHOTS_FILE = '.guardrails/snapshots.json';

export interface SnapshotDay {
  /** `YYYY-MM-DD` */
  date: string;
  /** Window id → the records in its scope that day. */
  windows: Record<string, MeasuredState>;
}

export interface SnapshotFile {
  version: typeof SNAPSHOTS_VERSION;
  snapshots: SnapshotDay[];
}

/**
 * `problems`: entries that are not well formed, one line each. They are never measured from, and
 * a file that has any is not rewritten (`recordSnapshot`), so nothing is dropped without a word.
 */
export type ReadSnapshotsResult = { ok: true; data: SnapshotFile; missing: boolean; problems: string[] } | { ok: false; message: string };

export function emptySnapshots(): SnapshotFile {
  return { version: SNAPSHOTS_VERSION, snapshots: [] };
}

/** Today's records for every window that has not ended (ended windows need no more points). */
export function takeSnapshot(windows: readonly RefactoringWindow[], state: MeasuredState, date: string): SnapshotDay {
  const day: SnapshotDay = { date, windows: {} };
  for (const window of windows) if (date <= window.end) day.windows[window.id] = sortedState(scopedState(state, window));
  return day;
}

/** `data` with `day` in it, replacing a snapshot of the same date; sorted by date. */
export function withSnapshot(data: SnapshotFile, day: SnapshotDay): SnapshotFile {
  const others = data.snapshots.filter((snapshot) => snapshot.date !== day.date);
  return { version: SNAPSHOTS_VERSION, snapshots: [...others, day].sort(compareBy((s) => s.date)) };
}

export function readSnapshots(file: string, fs: FileSystem): ReadSnapshotsResult {
  const read = fs.readText(file, READ_LIMITS.snapshots);
  if (!read.ok && read.reason === 'missing') return { ok: true, data: emptySnapshots(), missing: true, problems: [] };
  if (!read.ok) return { ok: false, message: `${file}: cannot read the snapshots: ${readFailureText(read)}` };
  const parsed = parseSnapshots(read.text);
  return parsed.ok
    ? { ok: true, data: parsed.data, missing: false, problems: parsed.problems.map((problem) => `${file}: ${problem}`) }
    : { ok: false, message: `${file}: ${parsed.message}` };
}

/** Most malformed entries named one by one; the rest are counted. */
const MAX_NAMED_PROBLEMS = 5;

/**
 * A file that is not JSON is an error; entries that are not well formed (a date that is no day, a
 * window whose records are not records) are left out and each is named in `problems`. A window's
 * state is taken whole or not at all: a half-read state would be a wrong start.
 */
export function parseSnapshots(text: string): { ok: true; data: SnapshotFile; problems: string[] } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(raw) || !Array.isArray(raw.snapshots)) return { ok: false, message: 'expected an object with a "snapshots" array' };
  if (raw.version !== SNAPSHOTS_VERSION) return { ok: false, message: `unsupported version ${String(raw.version)} (expected ${SNAPSHOTS_VERSION})` };
  const snapshots: SnapshotDay[] = [];
  const problems: string[] = [];
  raw.snapshots.forEach((entry: unknown, index: number) => {
    const where = `snapshot ${index + 1}${isObject(entry) && typeof entry.date === 'string' ? ` (${entry.date.slice(0, 40)})` : ''}`;
    if (!isObject(entry) || typeof entry.date !== 'string' || !isCalendarDate(entry.date)) {
      problems.push(`${where}: expected { "date": "YYYY-MM-DD", "windows": { … } } with a real date`);
      return;
    }
    if (!isObject(entry.windows)) {
      problems.push(`${where}: "windows" must be an object`);
      return;
    }
    const windows: Record<string, MeasuredState> = Object.create(null) as Record<string, MeasuredState>;
    for (const [id, state] of Object.entries(entry.windows)) {
      const wrong = stateProblem(state);
      if (wrong) problems.push(`${where}: window ${JSON.stringify(id)}: ${wrong}`);
      else windows[id] = state as MeasuredState;
    }
    snapshots.push({ date: entry.date, windows });
  });
  const named = problems.length > MAX_NAMED_PROBLEMS ? [...problems.slice(0, MAX_NAMED_PROBLEMS), `and ${problems.length - MAX_NAMED_PROBLEMS} more malformed entries`] : problems;
  return { ok: true, data: { version: SNAPSHOTS_VERSION, snapshots: snapshots.sort(compareBy((s) => s.date)) }, problems: named };
}

/** What is wrong with one window's recorded state, or undefined when it is well formed. */
function stateProblem(state: unknown): string | undefined {
  if (!isObject(state)) return 'expected { "debt": [...], "violations": [...] }';
  if (!Array.isArray(state.debt) || !Array.isArray(state.violations)) return '"debt" and "violations" must be arrays';
  const debt = state.debt.findIndex((record) => !isDebtRecord(record));
  if (debt >= 0) return `debt[${debt}] is not a debt record (id, tag, file, line, text)`;
  const violation = state.violations.findIndex((record) => !isViolationRecord(record));
  if (violation >= 0) return `violations[${violation}] is not a finding record (ruleId, file, to, line)`;
  return undefined;
}

export function serializeSnapshots(data: SnapshotFile): string {
  const list = (records: readonly object[], indent: string): string =>
    records.length === 0 ? '[]' : `[\n${records.map((r) => `${indent}  ${JSON.stringify(r)}`).join(',\n')}\n${indent}]`;
  const days = data.snapshots.map((day) => {
    const windows = Object.keys(day.windows).sort().map((id) => {
      const state = day.windows[id];
      return `        ${JSON.stringify(id)}: {\n          "debt": ${list(state.debt, '          ')},\n          "violations": ${list(state.violations, '          ')}\n        }`;
    });
    return `    {\n      "date": ${JSON.stringify(day.date)},\n      "windows": {${windows.length ? `\n${windows.join(',\n')}\n      ` : ''}}\n    }`;
  });
  return `{\n  "version": ${SNAPSHOTS_VERSION},\n  "snapshots": [${days.length ? `\n${days.join(',\n')}\n  ` : ''}]\n}\n`;
}

export type WriteSnapshotsResult = WriteResult;

/** Written atomically, so no reader sees half a file. */
export function writeSnapshotsAtomic(file: string, data: SnapshotFile): WriteSnapshotsResult {
  return writeFileAtomic(file, serializeSnapshots(data), 'snapshots');
}

/** Reads `file`, adds `day`, writes it back atomically; never rewrites a file with malformed entries. */
export function recordSnapshot(file: string, day: SnapshotDay, fs: FileSystem): WriteSnapshotsResult {
  const read = readSnapshots(file, fs);
  if (!read.ok) return { ok: false, message: `${read.message}; not overwriting it` };
  if (read.problems.length > 0) {
    return { ok: false, message: `${read.problems.join('; ')}; not rewriting the file, so that nothing in it is lost: fix or remove those entries` };
  }
  return writeSnapshotsAtomic(file, withSnapshot(read.data, day));
}

/** One window's snapshots from several files, by date (a later file wins a shared date). */
export function windowSnapshots(files: readonly { file: string; data: SnapshotFile }[], windowId: string): { date: string; file: string; state: MeasuredState }[] {
  const byDate = new Map<string, { date: string; file: string; state: MeasuredState }>();
  for (const { file, data } of files) {
    for (const day of data.snapshots) {
      const state = day.windows[windowId];
      if (state) byDate.set(day.date, { date: day.date, file, state });
    }
  }
  return [...byDate.values()].sort(compareBy((s) => s.date));
}

function sortedState(state: MeasuredState): MeasuredState {
  return {
    debt: [...state.debt].sort(compareBy((d) => d.file, (d) => d.line, (d) => d.id)),
    // A day's counts, kept small: cycles' steps are for the live paid-down comparison only.
    violations: state.violations.map(({ steps: _steps, ...record }) => record).sort(compareBy((v) => v.file, (v) => v.line, (v) => v.ruleId, (v) => v.to)),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDebtRecord(value: unknown): value is DebtRecord {
  return isObject(value) && typeof value.id === 'string' && typeof value.tag === 'string' && typeof value.file === 'string'
    && isLine(value.line) && typeof value.text === 'string' && optional(value.estimateHours, isHours)
    && optional(value.owner, isString) && optional(value.needle, isString);
}

function isViolationRecord(value: unknown): value is ViolationRecord {
  return isObject(value) && typeof value.ruleId === 'string' && typeof value.file === 'string' && typeof value.to === 'string'
    && isLine(value.line) && optional(value.needle, isString);
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isLine = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
const isHours = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const optional = (value: unknown, test: (value: unknown) => boolean): boolean => value === undefined || test(value);
