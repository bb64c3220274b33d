// Which paths of a repository a change log has to read for a rules file. `git log --numstat`
// diffs every commit; a rules file counts only commits that change something under its folder,
// and a window only those that change its scope, so git is asked for those folders alone (commits
// that change only a lock file or a sibling package are not diffed then).
import { globBase } from '../glob/globBase';

/**
 * Repository-relative paths that hold every file `globs` (relative to the folder at `prefix`, the
 * repository's `/`-ended prefix) can match, without one inside another; without globs, the folder
 * itself. An empty list is the whole repository.
 */
export function logPaths(prefix: string, globs: readonly string[] = []): string[] {
  const folder = prefix.replace(/\/$/, '');
  const bases = globs.map(globBase);
  if (bases.length === 0 || bases.includes('')) return folder === '' ? [] : [folder];
  const paths = [...new Set(bases.map((base) => (folder === '' ? base : `${folder}/${base}`)))].sort();
  return paths.filter((candidate) => !paths.some((other) => other !== candidate && candidate.startsWith(`${other}/`)));
}
