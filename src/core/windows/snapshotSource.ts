// A window measured from recorded snapshots, when git cannot say how the code looked: the snapshot
// at or before the opening (else the first one after it, said plainly), points on the days that
// have one, and today from the working tree. No value is made up for a day without a snapshot.
import * as path from 'node:path';
import { escapesRoot } from '../fs/confinePath';
import type { FileSystem } from '../fs/fileSystem';
import type { GitRepository } from '../git/repository';
import type { RefactoringWindow } from '../model/ruleTypes';
import { toRelative } from '../util/paths';
import { attributePaidDown } from './attribution';
import { eachDay, minDay } from '../util/dates';
import { paidDownBetween } from './paidDown';
import type { MeasuredState } from './records';
import { readSnapshots, SNAPSHOTS_FILE, windowSnapshots, type SnapshotFile } from './snapshots';
import { burndownValues, type BurndownPoint, type PaidDownItem, type StartState } from './windowReport';
import { appendAll } from '../util/arrays';

export interface LoadedSnapshots {
  files: { file: string; data: SnapshotFile }[];
  /** Files that could not be read (not JSON, wrong version, not a regular file) and malformed entries. */
  problems: string[];
}

/** `<root>/.guardrails/snapshots.json` (when it stays inside the root) and any further files (the extension's storage). */
export function loadSnapshots(root: string, extraFiles: readonly string[], fs: FileSystem): LoadedSnapshots {
  const loaded: LoadedSnapshots = { files: [], problems: [] };
  const own = path.join(root, ...SNAPSHOTS_FILE.split('/'));
  const outside = escapesRoot(root, own, fs);
  if (outside) loaded.problems.push(outside);
  for (const file of outside ? extraFiles : [own, ...extraFiles]) {
    const read = readSnapshots(file, fs);
    if (!read.ok) loaded.problems.push(read.message);
    else {
      appendAll(loaded.problems, read.problems);
      if (!read.missing) loaded.files.push({ file, data: read.data });
    }
  }
  return loaded;
}

export interface SnapshotMeasurement {
  atStart: MeasuredState | undefined;
  startState: StartState | null;
  burndown: BurndownPoint[];
  paidDown: PaidDownItem[];
  notes: string[];
}

export async function measureFromSnapshots(
  window: RefactoringWindow, live: MeasuredState, today: string, snapshots: LoadedSnapshots, root: string, repo: GitRepository | undefined,
): Promise<SnapshotMeasurement> {
  const days = windowSnapshots(snapshots.files, window.id);
  const notes = [...snapshots.problems];
  const before = days.filter((day) => day.date <= window.start).pop();
  const start = before ?? days.find((day) => day.date > window.start && day.date <= today);
  const todayPoint = today <= window.end ? [{ date: today, values: burndownValues(window, live) }] : [];
  if (!start) {
    notes.push('no snapshot either, so the starting values are unknown (`guardrails snapshot` records one; the extension does daily)');
    return { atStart: undefined, startState: null, burndown: todayPoint, paidDown: [], notes };
  }
  const where = toRelative(root, start.file).startsWith('..') ? start.file : toRelative(root, start.file);
  notes.push(before
    ? `measured from the snapshot of ${start.date} in ${where}`
    : `no snapshot from before ${window.start} either; measured from the first one, ${start.date} in ${where}, so earlier work is not counted`);

  const burndown: BurndownPoint[] = [];
  const byDate = new Map(days.map((day) => [day.date, day.state]));
  for (const day of eachDay(window.start, minDay(today, window.end))) {
    if (day === today) appendAll(burndown, todayPoint);
    else if (day >= start.date && byDate.has(day)) burndown.push({ date: day, values: burndownValues(window, byDate.get(day)!) });
  }
  // An ended window paid down what was gone by its last day (its last snapshot by then), not what
  // went after it ended; without such a snapshot, only today can tell.
  const atEnd = today > window.end ? days.filter((day) => day.date > start.date && day.date <= window.end).pop() : undefined;
  if (today > window.end && !atEnd) notes.push(`no snapshot after ${start.date} up to ${window.end}, so what was paid down after the window ended is listed too`);
  const attributed = await attributePaidDown(paidDownBetween(start.state, atEnd?.state ?? live, window), repo?.head ? { repo, sinceDay: start.date } : undefined);
  if (attributed.note) notes.push(attributed.note);
  return {
    atStart: start.state,
    startState: { kind: 'snapshot', date: start.date, file: where },
    burndown,
    paidDown: attributed.items,
    notes,
  };
}
