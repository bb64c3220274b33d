// Paths a workspace names (a rules file's baseline, extends, tsconfig; the snapshots file) must
// stay inside that workspace: a cloned repository must not make Guardrails read or overwrite
// files elsewhere on the machine. Checked on the path as written and again after following
// symlinks, so `.guardrails -> /etc` cannot lead out either.
import * as path from 'node:path';
import { isInside } from '../util/paths';
import type { FileSystem } from './fileSystem';

export type Confined =
  | { ok: true; path: string }
  /** `path`: where the value leads (after symlinks when `throughSymlink`). */
  | { ok: false; path: string; throughSymlink: boolean };

export interface ConfineOptions {
  /**
   * Also accept a path through a `node_modules` folder of the root or of a folder above it (where
   * Node looks for packages): shared rules files come from packages, which may be links to
   * anywhere (workspaces, `npm link`, pnpm's store).
   */
  packages?: boolean;
}

/** `target` (absolute) when it lies inside `root`, also once symlinks are followed. */
export function confinePath(root: string, target: string, fs: FileSystem, options: ConfineOptions = {}): Confined {
  const wanted = path.resolve(target);
  const base = path.resolve(root);
  if (options.packages && inPackageFolder(base, wanted)) return { ok: true, path: wanted };
  if (!isInside(base, wanted)) return { ok: false, path: wanted, throughSymlink: false };
  const real = realPathOf(wanted, base, fs);
  if (!isInside(fs.realpath(base), real)) return { ok: false, path: real, throughSymlink: true };
  return { ok: true, path: wanted };
}

/**
 * A workspace file at a fixed place under `root` (`.guardrails/snapshots.json`): a message when
 * a committed symlink makes it lead outside, undefined when it stays inside.
 */
export function escapesRoot(root: string, file: string, fs: FileSystem): string | undefined {
  const confined = confinePath(root, file, fs);
  if (confined.ok) return undefined;
  const shown = path.relative(root, file).split(path.sep).join('/');
  return `${file}: ${shown} leads outside ${root} (to ${confined.path}); replace the symlink with a regular file or folder`;
}

/**
 * Where `file` really is: the real path of its nearest existing ancestor (or itself) with the rest
 * appended, so a file that does not exist yet (a baseline about to be written) is checked too.
 */
function realPathOf(file: string, root: string, fs: FileSystem): string {
  let existing = file;
  while (existing !== root && fs.stat(existing) === undefined) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(fs.realpath(existing), path.relative(existing, file));
}

/** True when `file` lies below `<dir>/node_modules/` for `root` or a folder above it. */
function inPackageFolder(root: string, file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules' && isInside(path.dirname(dir), root)) return true;
    if (path.dirname(dir) === dir) return false;
  }
}
