// What a window bought, from git alone (DESIGN section 4): for the commits that change a file in
// its scope, before the window (as many days as it has run), during it, and after it ended.
// Merge commits never count; days are the committer date in UTC.
import type { ChangeCommit } from '../git/changeLog';
import type { RefactoringWindow } from '../model/ruleTypes';
import { addDays, daysBetween, minDay } from '../util/dates';
import { matchesAny } from './measure';

export interface OutcomePeriod {
  /** First and last day, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  /** Commits that change a file in scope. */
  commits: number;
  /** Of those, commits whose subject holds a fix word. */
  fixes: number;
  /** Lines added plus deleted in scope files. */
  churn: number;
  /** Median number of files (anywhere) the commits change; 0 without commits. */
  filesPerCommit: number;
  /** Distinct author e-mails. */
  authors: number;
}

export interface WindowOutcomes {
  before: OutcomePeriod;
  during: OutcomePeriod;
  /** Only once the window has ended. */
  after?: OutcomePeriod;
}

/** The periods of a window on `today`; undefined before it opens. */
export function outcomePeriods(window: RefactoringWindow, today: string): { before: [string, string]; during: [string, string]; after?: [string, string] } | undefined {
  if (today < window.start) return undefined;
  const duringTo = minDay(window.end, today);
  const days = daysBetween(window.start, duringTo) + 1;
  return {
    before: [addDays(window.start, -days), addDays(window.start, -1)],
    during: [window.start, duringTo],
    ...(today > window.end ? { after: [addDays(window.end, 1), today] as [string, string] } : {}),
  };
}

/** First day any of `windows` looks at (the earliest "before"), or undefined when none has opened. */
export function earliestOutcomeDay(windows: readonly RefactoringWindow[], today: string): string | undefined {
  return windows.map((window) => outcomePeriods(window, today)?.before[0]).filter((day): day is string => day !== undefined).sort()[0];
}

/**
 * `commits` from `changeLog` (repository-relative paths); `prefix` is the rules file's folder
 * inside the repository (`''` at its top), where the scope's globs start.
 */
export function windowOutcomes(window: RefactoringWindow, today: string, commits: readonly ChangeCommit[], prefix: string, fixWords: readonly string[]): WindowOutcomes | undefined {
  const periods = outcomePeriods(window, today);
  if (!periods) return undefined;
  const isFix = fixMatcher(fixWords);
  const inScope = (repoPath: string): boolean => repoPath.startsWith(prefix) && matchesAny(repoPath.slice(prefix.length), window.scope);
  const period = ([from, to]: [string, string]): OutcomePeriod => {
    const counted = commits.filter((commit) => commit.day >= from && commit.day <= to && commit.files.some((file) => inScope(file.path)));
    return {
      from,
      to,
      commits: counted.length,
      fixes: counted.filter((commit) => isFix(commit.subject)).length,
      churn: counted.reduce((sum, commit) => sum + commit.files.reduce((lines, file) => lines + (inScope(file.path) ? file.churn : 0), 0), 0),
      filesPerCommit: median(counted.map((commit) => commit.files.length)),
      authors: new Set(counted.map((commit) => commit.authorEmail.toLowerCase())).size,
    };
  };
  return {
    before: period(periods.before),
    during: period(periods.during),
    ...(periods.after ? { after: period(periods.after) } : {}),
  };
}

/** A fix word as a whole word, any case: "Fix:", "(bug)", "Revert \"…\"", not "fixture" or "debug". */
export function fixMatcher(words: readonly string[]): (subject: string) => boolean {
  const usable = words.filter((word) => word.trim() !== '');
  if (usable.length === 0) return () => false;
  const escaped = usable.map((word) => word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
  return (subject) => pattern.test(subject);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
