import * as nodePath from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from './fileSystem';

/**
 * The disk as one command run sees it: each directory is listed, and each path's real path found,
 * once. A run walks the tree twice (for nested rules files, then for sources) and resolution lists
 * directories again; the tree is taken not to change while one command runs. Files are always read
 * and stat'ed afresh.
 */
export class CachedDirectoriesFileSystem implements FileSystem {
  readonly stableTree = true;
  private readonly listings = new Map<string, DirectoryEntry[]>();
  /** Kinds by name, for the listings `realpath` looked into. */
  private readonly kinds = new Map<string, Map<string, DirectoryEntry['kind']>>();
  private readonly realpaths = new Map<string, string>();

  constructor(private readonly base: FileSystem) {}

  readDirectory(path: string): DirectoryEntry[] {
    let entries = this.listings.get(path);
    if (entries === undefined) this.listings.set(path, (entries = this.base.readDirectory(path)));
    // A copy: callers may sort or extend what they get.
    return [...entries];
  }

  /**
   * A file or folder that its folder's listing (already taken) shows is no link lies where its
   * folder really lies: no system call for each of the thousands of files resolution places.
   */
  realpath(path: string): string {
    let real = this.realpaths.get(path);
    if (real === undefined) this.realpaths.set(path, (real = this.throughListing(path) ?? this.base.realpath(path)));
    return real;
  }

  private throughListing(path: string): string | undefined {
    const parent = nodePath.dirname(path);
    const listing = this.listings.get(parent);
    if (parent === path || listing === undefined || !isNormalAbsolute(path)) return undefined;
    let kinds = this.kinds.get(parent);
    if (kinds === undefined) this.kinds.set(parent, (kinds = new Map(listing.map((entry) => [entry.name, entry.kind]))));
    const name = nodePath.basename(path);
    const kind = kinds.get(name);
    if (kind !== 'file' && kind !== 'directory') return undefined;
    // Most folders are no link: the path is its own real path, with no joining to do.
    const realParent = this.realpath(parent);
    return realParent === parent ? path : nodePath.join(realParent, name);
  }

  readFile(path: string): string | undefined {
    return this.base.readFile(path);
  }

  readText(path: string, maxBytes: number): TextRead {
    return this.base.readText(path, maxBytes);
  }

  fileExists(path: string): boolean {
    return this.base.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return this.base.directoryExists(path);
  }

  stat(path: string): FileStat | undefined {
    return this.base.stat(path);
  }
}

/** `path.resolve(path) === path`, without normalising the paths resolution asks about by the ten thousand. */
function isNormalAbsolute(path: string): boolean {
  if (nodePath.sep !== '/') return nodePath.resolve(path) === path;
  return path.startsWith('/') && (path.length === 1 || !path.endsWith('/')) && !path.includes('//') && !/\/\.\.?(?:\/|$)/.test(path);
}
