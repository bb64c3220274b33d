// Every non-merge commit since a day with the files it changed and how many lines: one
// `git log --numstat` for a repository, or for the folders a rules file counts in, which outcomes,
// hotspots and debt's change counts all read. Days are the committer date in UTC.
import { addDays, dayStartMs } from '../util/dates';
import { runGit, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';
import { appendAll } from '../util/arrays';

/** Commits read before (a commit never changes): see ChangeLogCache. */
export interface ChangeStore {
  get(oid: string): ChangeCommit | undefined;
  set(commit: ChangeCommit): void;
}

export interface ChangedFile {
  /** Repository-relative with `/`. */
  path: string;
  /** Lines added plus deleted (0 for a binary file). */
  churn: number;
}

export interface ChangeCommit {
  oid: string;
  /** `YYYY-MM-DD` of the committer date in UTC. */
  day: string;
  authorEmail: string;
  subject: string;
  files: ChangedFile[];
}

export type ChangeLogResult = { ok: true; commits: ChangeCommit[] } | { ok: false; failure: GitFailure };

const MARK = '\u0001';
const FIELDS = '%H%x00%ct%x00%aE%x00%s';
/** Commit dates on merged branches may run a little behind: git's `--since` walk is given this slack. */
const SLACK_DAYS = 7;

export interface ChangeLogOptions {
  /** Where to start walking back (HEAD by default). */
  rev?: string;
  store?: ChangeStore;
  /**
   * Repository-relative paths (see logPaths): only commits that change something under them, each
   * with all its files as without paths. None: the whole repository.
   */
  paths?: readonly string[];
}

/**
 * Non-merge commits reachable from `rev` (HEAD) committed on `fromDay` or later (UTC), newest
 * first. With a `store`, commits it knows are not diffed again: only the list is asked of git.
 */
export async function changeLog(repo: GitRepository, fromDay: string, options: ChangeLogOptions = {}): Promise<ChangeLogResult> {
  if (repo.head === undefined) return { ok: true, commits: [] };
  const since = `--since=@${Math.floor(dayStartMs(addDays(fromDay, -SLACK_DAYS)) / 1000)}`;
  const rev = options.rev ?? 'HEAD';
  const store = options.store;
  const paths = options.paths ?? [];
  // With paths, git would follow one side of a merge that left them as they were, and skip the
  // other side's commits that changed them and were undone before the merge: every commit counts.
  // A commit keeps all its files (a commit's size counts them all), so the store serves any paths.
  const limited = paths.length > 0 ? ['--full-history', '--full-diff'] : [];
  if (store) {
    const listed = await runGit(['log', '--no-merges', ...limited, `--format=${MARK}${FIELDS}`, since, rev, '--', ...paths], repo.git);
    if (!listed.ok) return listed;
    const commits = parseChangeLog(listed.stdout).filter((commit) => commit.day >= fromDay);
    const unknown = commits.filter((commit) => !store.get(commit.oid));
    // Most commits unknown (a first run): one walk with diffs is cheaper than naming each.
    if (unknown.length <= commits.length / 2) {
      if (unknown.length > 0) {
        const diffed = await runGit(['log', '--no-walk=unsorted', ...limited, '--numstat', '--no-renames', '--no-color', `--format=${MARK}${FIELDS}`, ...unknown.map((commit) => commit.oid), '--', ...paths], repo.git);
        if (!diffed.ok) return diffed;
        for (const commit of parseChangeLog(diffed.stdout)) store.set(commit);
      }
      return { ok: true, commits: commits.map((commit) => store.get(commit.oid) ?? commit) };
    }
  }
  const result = await runGit(['log', '--no-merges', ...limited, '--numstat', '--no-renames', '--no-color', `--format=${MARK}${FIELDS}`, since, rev, '--', ...paths], repo.git);
  if (!result.ok) return result;
  const commits = parseChangeLog(result.stdout).filter((commit) => commit.day >= fromDay);
  for (const commit of commits) store?.set(commit);
  return { ok: true, commits };
}

export function parseChangeLog(output: string): ChangeCommit[] {
  const commits: ChangeCommit[] = [];
  for (const chunk of output.split(MARK).slice(1)) {
    const lines = chunk.split('\n');
    const [oid, time, authorEmail = '', subject = ''] = lines[0].split('\0');
    const files: ChangedFile[] = [];
    for (const line of lines.slice(1)) {
      const match = /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(line);
      if (!match) continue;
      const churn = match[1] === '-' ? 0 : Number(match[1]) + Number(match[2]);
      files.push({ path: unquote(match[3]), churn });
    }
    commits.push({ oid, day: new Date(Number(time) * 1000).toISOString().slice(0, 10), authorEmail, subject, files });
  }
  return commits;
}

/** Git quotes a path holding a tab, a newline, a quote or a backslash: `"a\tb"`. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { t: 9, n: 10, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && i + 1 < body.length) {
      const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += 3;
      } else {
        bytes.push(escapes[body[i + 1]] ?? body.charCodeAt(i + 1));
        i += 1;
      }
    } else {
      appendAll(bytes, Buffer.from(body[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
