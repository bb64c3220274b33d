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
  private readonly realpaths = new Map<string, string>();

  constructor(private readonly base: FileSystem) {}

  readDirectory(path: string): DirectoryEntry[] {
    let entries = this.listings.get(path);
    if (entries === undefined) this.listings.set(path, (entries = this.base.readDirectory(path)));
    // A copy: callers may sort or extend what they get.
    return [...entries];
  }

  realpath(path: string): string {
    let real = this.realpaths.get(path);
    if (real === undefined) this.realpaths.set(path, (real = this.base.realpath(path)));
    return real;
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
