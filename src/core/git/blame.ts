import { runGit } from './gitRunner';
import { repoPath, type GitRepository } from './repository';

/**
 * When each line of a file was last written (`YYYY-MM-DD`, author time), from `git blame`.
 * Lines not yet committed are missing from the map. Undefined when git cannot tell.
 */
export async function lineDates(repo: GitRepository, file: string): Promise<Map<number, string> | undefined> {
  const result = await runGit(['blame', '--line-porcelain', '--', repoPath(repo, file)], repo.git);
  if (!result.ok) return undefined;
  const dates = new Map<number, string>();
  let line = 0;
  let uncommitted = false;
  for (const row of result.stdout.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      line = Number(header[2]);
      uncommitted = /^0+$/.test(header[1]);
    } else if (row.startsWith('author-time ') && !uncommitted) {
      dates.set(line, new Date(Number(row.slice(12)) * 1000).toISOString().slice(0, 10));
    }
  }
  return dates;
}
