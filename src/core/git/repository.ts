// Finding the repository that holds a folder, and whether its history can be trusted to be whole.
import * as path from 'node:path';
import { runGit, type GitFailure, type GitOptions } from './gitRunner';

export interface GitRepository {
  /**
   * Top of the working tree as seen from the folder it was opened for (symlinks not resolved), so
   * paths built from it line up with the paths the engine already uses.
   */
  top: string;
  /** The folder's path inside the repository with `/` and a trailing `/`, or '' at the top. */
  prefix: string;
  /** A shallow clone: commits older than its boundary are missing. */
  shallow: boolean;
  /** The commit HEAD points at; undefined in a repository with no commit yet. */
  head: string | undefined;
  /** How to run git here (cwd is the top). */
  git: GitOptions;
}

export type OpenRepositoryResult = { ok: true; repo: GitRepository } | { ok: false; failure: GitFailure };

export interface OpenOptions {
  gitPath?: string;
  timeoutMs?: number;
}

/** The repository holding `dir`; a value saying why when there is none (no git, not a repo). */
export async function openRepository(dir: string, options: OpenOptions = {}): Promise<OpenRepositoryResult> {
  const here: GitOptions = { cwd: dir, gitPath: options.gitPath, timeoutMs: options.timeoutMs };
  const info = await runGit(['rev-parse', '--is-inside-work-tree', '--show-prefix', '--is-shallow-repository'], here);
  if (!info.ok) return info;
  const [insideWorkTree, prefix = '', shallow = 'false'] = info.stdout.split('\n');
  if (insideWorkTree.trim() !== 'true') {
    return { ok: false, failure: { kind: 'not-a-repository', message: 'not inside a git working tree' } };
  }
  const depth = prefix.split('/').filter((segment) => segment !== '').length;
  const top = path.resolve(dir, ...Array<string>(depth).fill('..'));
  const git: GitOptions = { ...here, cwd: top };
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], git);
  return {
    ok: true,
    repo: { top, prefix: prefix.trim(), shallow: shallow.trim() === 'true', head: head.ok ? head.stdout.trim() : undefined, git },
  };
}

/** Repository-relative path (with `/`) of an absolute path inside the working tree. */
export function repoPath(repo: GitRepository, file: string): string {
  return path.relative(repo.top, file).split(path.sep).join('/');
}
