// Where rules files are: the one governing a file is the nearest guardrails.json above it
// (so a monorepo package can have its own), and a workspace may hold several.
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';

export const RULES_FILE_NAME = 'guardrails.json';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** The nearest guardrails.json in `startPath` (a file or a directory) or any directory above it. */
export function findRulesFile(startPath: string, fs: FileSystem): string | undefined {
  const start = path.resolve(startPath);
  let dir = fs.directoryExists(start) ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, RULES_FILE_NAME);
    if (fs.fileExists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Every guardrails.json in the tree below `dir`, sorted; skips node_modules and .git, follows symlinks once. */
export function findRulesFilesBelow(dir: string, fs: FileSystem): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const walk = (current: string): void => {
    const real = fs.realpath(current);
    if (visited.has(real)) return; // a symlink back up the tree, or a second link to the same place
    visited.add(real);
    for (const entry of fs.readDirectory(current)) {
      const child = path.join(current, entry.name);
      const kind = entry.kind === 'symlink' ? symlinkTarget(child, fs) : entry.kind;
      if (kind === 'directory' && !SKIPPED_DIRECTORIES.has(entry.name)) walk(child);
      else if (kind === 'file' && entry.name === RULES_FILE_NAME) found.push(child);
    }
  };
  walk(path.resolve(dir));
  return found.sort();
}

function symlinkTarget(file: string, fs: FileSystem): 'file' | 'directory' | 'other' {
  const stat = fs.stat(file);
  return stat?.isDirectory ? 'directory' : stat?.isFile ? 'file' : 'other';
}
