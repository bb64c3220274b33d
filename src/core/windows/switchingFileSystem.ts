// The one file system a history's project reads through: it shows whichever commit is being
// analysed, and says which paths came or went at each step, so module resolution redoes only the
// imports those paths can change (see ImportResolver.clearCache).
import * as path from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../fs/fileSystem';

/** Steps remembered; a resolver further behind than this starts over (it never is in practice). */
const MAX_STEPS = 64;

export class SwitchingFileSystem implements FileSystem {
  private mark = 0;
  private readonly steps: { mark: number; paths: ReadonlySet<string> }[] = [];

  constructor(private current: FileSystem) {}

  get changeMark(): number {
    return this.mark;
  }

  /** Shows `next`; `created` and `deleted` are absolute paths of files that came or went. */
  switchTo(next: FileSystem, created: readonly string[], deleted: readonly string[]): void {
    const before = this.current;
    const paths = new Set<string>([...created, ...deleted]);
    // Folders that appeared or disappeared with them answer `directoryExists` differently now.
    for (const file of created) addChangedFolders(file, before, paths);
    for (const file of deleted) addChangedFolders(file, next, paths);
    this.current = next;
    if (paths.size === 0) return;
    this.mark++;
    this.steps.push({ mark: this.mark, paths });
    if (this.steps.length > MAX_STEPS) this.steps.shift();
  }

  pathsChangedSince(mark: number): ReadonlySet<string> | undefined {
    if (mark === this.mark) return new Set();
    const first = this.steps[0];
    if (mark > this.mark || !first || first.mark > mark + 1) return undefined;
    const union = new Set<string>();
    for (const step of this.steps) if (step.mark > mark) for (const changed of step.paths) union.add(changed);
    return union;
  }

  readFile(file: string): string | undefined {
    return this.current.readFile(file);
  }
  readText(file: string, maxBytes: number): TextRead {
    return this.current.readText(file, maxBytes);
  }
  fileExists(file: string): boolean {
    return this.current.fileExists(file);
  }
  directoryExists(dir: string): boolean {
    return this.current.directoryExists(dir);
  }
  readDirectory(dir: string): DirectoryEntry[] {
    return this.current.readDirectory(dir);
  }
  realpath(file: string): string {
    return this.current.realpath(file);
  }
  stat(file: string): FileStat | undefined {
    return this.current.stat(file);
  }
}

/** Adds the folders above `file` that do not exist in `other` (created ones, seen from before; deleted ones, from after). */
function addChangedFolders(file: string, other: FileSystem, paths: Set<string>): void {
  for (let dir = path.dirname(file); dir !== path.dirname(dir) && !other.directoryExists(dir); dir = path.dirname(dir)) paths.add(dir);
}
