// Where `check --cache` keeps file facts when `--cache-location` does not say: beside the other
// tools' caches in the project's node_modules/.cache when the project has a node_modules, and in
// the user's cache folder otherwise, so the cache never creates a folder in a repository that has
// none of its own. What `windows`, `hotspots` and the ratchet read of git history goes to the user's
// cache folder unless told otherwise.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliArgs } from '../args';
import type { CliIo } from '../output';
import { findRulesFile, NodeFileSystem } from '../../core';

/** The user's cache folder for Guardrails (the same the CLI's compile cache uses). */
export function userCacheDir(): string {
  if (process.env.GUARDRAILS_CACHE_DIR) return process.env.GUARDRAILS_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' && process.env.LOCALAPPDATA) || path.join(os.homedir(), '.cache');
  return path.join(base, 'guardrails');
}

/** `<project>/node_modules/.cache/guardrails` when node_modules exists; `<user cache>/guardrails/facts` otherwise. */
export function defaultCacheDir(target: string, config?: string): string {
  const rulesFile = config ?? findRulesFile(target, new NodeFileSystem());
  const project = rulesFile ? path.dirname(rulesFile) : target;
  const modules = path.join(project, 'node_modules');
  if (fs.existsSync(modules) && fs.statSync(modules).isDirectory()) return path.join(modules, '.cache', 'guardrails');
  return path.join(userCacheDir(), 'facts');
}

/**
 * Where what was read from git history is kept (windows' past states, the ratchet's end values,
 * commits' changed files): `--cache-location` (relative to DIR), else `<user cache>/guardrails/history`;
 * nowhere with `--no-cache`.
 */
export function historyCacheDir(args: Pick<CliArgs, 'noCache' | 'cacheLocation' | 'dir'>, io: Pick<CliIo, 'cwd'>): string | undefined {
  if (args.noCache) return undefined;
  return args.cacheLocation ? path.resolve(io.cwd, args.dir, args.cacheLocation) : path.join(userCacheDir(), 'history');
}
