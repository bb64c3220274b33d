// Paths as `check --cache` stores them: relative to the rules file's folder, so a cache restored
// with the workspace at another path (another CI runner, another clone) still describes it, and
// holds no absolute path of the machine that wrote it.
import * as path from 'node:path';
import { toRelative } from '../util/paths';

/** Absolute ↔ stored. Targets that are not paths (`pkg:x`, `node:x`, `unresolved:x`, '') pass as they are. */
export interface PathMap {
  (value: string): string;
}

/**
 * `./src/a.ts` below the root, `../x/y.ts` beside or above it, forward slashes. A stored path
 * always starts with `.`, which no absolute path and no symbolic target does; a path on another
 * drive (Windows) has no relative form and stays absolute.
 */
export function toStored(root: string): PathMap {
  return (value) => {
    if (!path.isAbsolute(value)) return value;
    const relative = toRelative(root, value);
    if (path.isAbsolute(relative)) return value;
    return relative === '' ? '.' : relative.startsWith('../') || relative === '..' ? relative : `./${relative}`;
  };
}

export function fromStored(root: string): PathMap {
  return (value) => {
    // Most paths lie below the root without a dot folder: joined without path.join's normalising.
    if (value.startsWith('./') && !value.includes('/.') && !root.endsWith(path.sep)) return path.sep === '/' ? `${root}/${value.slice(2)}` : `${root}${path.sep}${value.slice(2).split('/').join(path.sep)}`;
    return value === '.' || value === '..' || value.startsWith('../') ? path.join(root, value) : value;
  };
}

/**
 * What a run's view of the world outside the root depends on: how many folders lie above it (the
 * resolver looks for node_modules in each) and which of them are named node_modules (a path there
 * reads as a package's). Two roots of one shape see the same relative questions.
 */
export function rootShape(root: string): string {
  return path.resolve(root).split(path.sep).map((segment) => (segment === 'node_modules' ? segment : '*')).join('/');
}
