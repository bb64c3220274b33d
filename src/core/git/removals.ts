// Who removed a line: the newest commit in a range whose diff of the line's file takes away more
// copies of the line's text than it adds. A line moved within its file is taken away and added
// back in the same commit, so a move is never mistaken for a removal; commits on merged branches
// are searched too (merges show no diff), so the credit goes to the author of the change, not to
// whoever merged it. One `git log -p` answers every line of a window at once.
import { COMMIT_FORMAT, parseCommitLines, type CommitInfo } from './commits';
import { runGit, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export interface RemovalQuery {
  /** Text the removed line held (a debt comment, an import specifier), matched literally. */
  needle: string;
  /** Repository-relative path of the file that held it. */
  file: string;
}

export interface RemovalRange {
  /** Commit the lines were present in; commits after it are searched. */
  from?: string;
  /** Commit they were gone in (HEAD by default). */
  to?: string;
  /** Without `from`: only commits since this day (`YYYY-MM-DD`). */
  sinceDay?: string;
}

/** The commit that removed each query's line (by index), or undefined when none in the range did. */
export type RemovalsResult = { ok: true; commits: (CommitInfo | undefined)[] } | { ok: false; failure: GitFailure };

const COMMIT_MARK = '\u0001commit ';

export async function findRemovals(repo: GitRepository, queries: readonly RemovalQuery[], range: RemovalRange): Promise<RemovalsResult> {
  const wanted = queries.map((query, index) => ({ ...query, index })).filter((query) => query.needle.trim() !== '');
  const commits: (CommitInfo | undefined)[] = queries.map(() => undefined);
  if (wanted.length === 0 || repo.head === undefined) return { ok: true, commits };
  const to = range.to ?? 'HEAD';
  const revisions = range.from ? [`${range.from}..${to}`] : [to, ...(range.sinceDay ? [`--since=${range.sinceDay}T00:00:00`] : [])];
  const files = [...new Set(wanted.map((query) => query.file))];
  const result = await runGit(
    ['log', '-p', '-U0', '--no-renames', '--no-color', COMMIT_FORMAT.replace('--format=', `--format=${COMMIT_MARK}`), ...revisions, '--', ...files],
    repo.git,
  );
  if (!result.ok) return result;
  const byFile = new Map<string, typeof wanted>();
  for (const query of wanted) byFile.set(query.file, [...(byFile.get(query.file) ?? []), query]);
  // Newest first: the first commit that took a line away is the one that removed it for good.
  for (const { commit, diffs } of parseLog(result.stdout)) {
    for (const [file, lines] of diffs) {
      for (const query of byFile.get(file) ?? []) {
        if (commits[query.index] === undefined && occurrences(lines.removed, query.needle) > occurrences(lines.added, query.needle)) commits[query.index] = commit;
      }
    }
  }
  return { ok: true, commits };
}

interface CommitDiff {
  commit: CommitInfo;
  /** File → its removed and added lines (joined). */
  diffs: Map<string, { removed: string; added: string }>;
}

/** Splits `git log -p` output into commits and, per file, the lines taken away and put in. */
export function parseLog(output: string): CommitDiff[] {
  const result: CommitDiff[] = [];
  for (const chunk of output.split(COMMIT_MARK).slice(1)) {
    const newline = chunk.indexOf('\n');
    const [commit] = parseCommitLines(newline < 0 ? chunk : chunk.slice(0, newline));
    if (!commit) continue;
    const diffs = new Map<string, { removed: string[]; added: string[] }>();
    let current: { removed: string[]; added: string[] } | undefined;
    // Inside a hunk its header says how many lines follow: a removed line reading "-- x" is not a header.
    let removing = 0;
    let adding = 0;
    for (const line of (newline < 0 ? '' : chunk.slice(newline + 1)).split('\n')) {
      if (removing > 0 && line.startsWith('-')) {
        removing--;
        current?.removed.push(line.slice(1));
      } else if (adding > 0 && line.startsWith('+')) {
        adding--;
        current?.added.push(line.slice(1));
      } else if (line.startsWith('@@ ')) {
        const hunk = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
        removing = hunk ? Number(hunk[1] ?? 1) : 0;
        adding = hunk ? Number(hunk[2] ?? 1) : 0;
      } else if (line.startsWith('diff --git ')) {
        current = undefined;
        removing = adding = 0;
      } else if (line.startsWith('--- ') || line.startsWith('+++ ')) {
        const name = line.slice(4).replace(/\t$/, '');
        if (name !== '/dev/null') {
          const file = name.replace(/^[ab]\//, '');
          current = diffs.get(file) ?? { removed: [], added: [] };
          diffs.set(file, current);
        }
      }
    }
    result.push({ commit, diffs: new Map([...diffs].map(([file, lines]) => [file, { removed: lines.removed.join('\n'), added: lines.added.join('\n') }])) });
  }
  return result;
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}
