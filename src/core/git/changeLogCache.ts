// Commits' changed files and line counts, kept on disk: a commit never changes, and `git log
// --numstat` over months of a busy repository takes seconds, while listing the commits takes
// milliseconds. One file per repository; a cache that cannot be read or written only costs speed.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../util/writeFileAtomic';
import type { ChangeCommit, ChangeStore } from './changeLog';

const FORMAT = 1;
/** Commits kept at most (the newest by day); a few years of a busy repository. */
const MAX_COMMITS = 50_000;

type StoredCommit = [day: string, authorEmail: string, subject: string, files: [path: string, churn: number][]];

export class ChangeLogCache implements ChangeStore {
  private dirty = false;

  private constructor(private readonly file: string, private readonly commits: Map<string, StoredCommit>) {}

  static open(dir: string, repoTop: string): ChangeLogCache {
    const file = path.join(dir, `changes-${createHash('sha1').update(repoTop).digest('hex').slice(0, 12)}.json`);
    return new ChangeLogCache(file, readStored(file));
  }

  get(oid: string): ChangeCommit | undefined {
    const stored = this.commits.get(oid);
    if (!stored) return undefined;
    const [day, authorEmail, subject, files] = stored;
    return { oid, day, authorEmail, subject, files: files.map(([file, churn]) => ({ path: file, churn })) };
  }

  set(commit: ChangeCommit): void {
    this.commits.set(commit.oid, [commit.day, commit.authorEmail, commit.subject, commit.files.map((file) => [file.path, file.churn])]);
    this.dirty = true;
  }

  /**
   * Writes what this run learnt over what is on disk now, not over what it read: another store of
   * the same repository (another rules file's, another run) may have saved since.
   */
  save(): void {
    if (!this.dirty) return;
    for (const [oid, commit] of readStored(this.file)) if (!this.commits.has(oid)) this.commits.set(oid, commit);
    const newest = [...this.commits].sort((a, b) => (a[1][0] < b[1][0] ? 1 : a[1][0] > b[1][0] ? -1 : 0)).slice(0, MAX_COMMITS);
    writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, commits: Object.fromEntries(newest) }), 'change log cache');
    this.dirty = false;
  }
}

/** The commits stored in `file`, each checked (none when there is no file or it is unreadable). */
function readStored(file: string): Map<string, StoredCommit> {
  const commits = new Map<string, StoredCommit>();
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; commits?: unknown } | null;
    if (stored?.format === FORMAT && typeof stored.commits === 'object' && stored.commits !== null) {
      // Entries are checked one by one (the file is input: hand-edited, truncated by another
      // tool); one without its shape is asked of git again rather than counted.
      for (const [oid, commit] of Object.entries(stored.commits)) if (isStoredCommit(commit)) commits.set(oid, commit);
    }
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  return commits;
}

function isStoredCommit(value: unknown): value is StoredCommit {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [day, authorEmail, subject, files] = value as unknown[];
  return typeof day === 'string' && typeof authorEmail === 'string' && typeof subject === 'string' && Array.isArray(files)
    && files.every((file) => Array.isArray(file) && file.length === 2 && typeof file[0] === 'string' && typeof file[1] === 'number' && Number.isFinite(file[1]));
}
