// Commits along HEAD's first-parent line (the mainline: merges count on the day they land), with
// the calendar day each was committed on in the committer's own time zone, as `git log` shows it.
import { dayStartMs } from '../util/dates';
import { runGit, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export interface CommitInfo {
  oid: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  date: string;
  /** `YYYY-MM-DD` of `date` in the committer's time zone. */
  day: string;
  authorName: string;
  authorEmail: string;
  /** Author date, ISO 8601. */
  authorDate: string;
  subject: string;
}

export type CommitsResult = { ok: true; commits: CommitInfo[] } | { ok: false; failure: GitFailure };

/** The fields parseCommitLines reads, in its order. */
export const COMMIT_FORMAT = '--format=%H%x00%cI%x00%aN%x00%aE%x00%aI%x00%s';
const DAY_MS = 86_400_000;
/** Time zones run from UTC−12 to UTC+14: a local day lies within this slack of its UTC day. */
const ZONE_SLACK_MS = 14 * 3_600_000;

export function parseCommitLines(output: string): CommitInfo[] {
  return output.split('\n').filter((line) => line.includes('\0')).map((line) => {
    const [oid, date, authorName, authorEmail, authorDate, subject = ''] = line.split('\0');
    return { oid, date, day: date.slice(0, 10), authorName, authorEmail, authorDate, subject };
  });
}

export interface CommitRange {
  /** First day wanted (inclusive), `YYYY-MM-DD`. */
  fromDay: string;
  /** Last day wanted (inclusive), `YYYY-MM-DD`. */
  toDay: string;
  /** Where the walk starts; HEAD by default. */
  rev?: string;
}

/** First-parent commits committed on `fromDay`…`toDay`, newest first (walk order). */
export async function commitsInRange(repo: GitRepository, range: CommitRange): Promise<CommitsResult> {
  const since = Math.floor((dayStartMs(range.fromDay) - ZONE_SLACK_MS) / 1000);
  const until = Math.floor((dayStartMs(range.toDay) + DAY_MS + ZONE_SLACK_MS) / 1000);
  const result = await runGit(['log', '--first-parent', COMMIT_FORMAT, `--since=@${since}`, `--until=@${until}`, range.rev ?? 'HEAD', '--'], repo.git);
  if (!result.ok) return result;
  return { ok: true, commits: parseCommitLines(result.stdout).filter((c) => c.day >= range.fromDay && c.day <= range.toDay) };
}

export type LastCommitResult = { ok: true; commit: CommitInfo | undefined } | { ok: false; failure: GitFailure };

/**
 * The newest first-parent commit committed before `day` (`YYYY-MM-DD`): the state of the code
 * when a window opening on `day` opened. Undefined when history has none (or a shallow clone cut it off).
 */
export async function lastCommitBefore(repo: GitRepository, day: string, rev = 'HEAD'): Promise<LastCommitResult> {
  if (repo.head === undefined) return { ok: true, commit: undefined };
  const until = Math.floor((dayStartMs(day) + ZONE_SLACK_MS) / 1000);
  // Commits within the time-zone slack may still be on `day` locally; a few dozen cover them.
  const result = await runGit(['log', '--first-parent', '-n', '64', COMMIT_FORMAT, `--until=@${until}`, rev, '--'], repo.git);
  if (!result.ok) return result;
  return { ok: true, commit: parseCommitLines(result.stdout).find((commit) => commit.day < day) };
}

export type ReachableResult = { ok: true; oids: Set<string> } | { ok: false; failure: GitFailure };

/** Every commit reachable from `to` and not from `from`, branch commits merged in included. */
export async function commitsBetween(repo: GitRepository, from: string, to: string): Promise<ReachableResult> {
  const result = await runGit(['log', '--format=%H', `${from}..${to}`, '--'], repo.git);
  if (!result.ok) return result;
  return { ok: true, oids: new Set(result.stdout.split('\n').filter((line) => line !== '')) };
}
