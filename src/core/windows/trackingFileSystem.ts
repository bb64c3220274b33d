// The one file system a history's project reads through: a commit's tree, updated in place from
// one commit to the next, and the record of which paths came or went at each step, so module
// resolution redoes only the imports those paths can change (see ImportResolver.clearCache).
import type { GitTreeFileSystem } from '../git/gitTreeFileSystem';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../fs/fileSystem';

/** Steps remembered; a resolver further behind than this starts over (it never is in practice). */
const MAX_STEPS = 64;

export class TrackingFileSystem implements FileSystem {
  private mark = 0;
  private readonly steps: { mark: number; paths: ReadonlySet<string> }[] = [];

  constructor(readonly tree: GitTreeFileSystem) {}

  get changeMark(): number {
    return this.mark;
  }

  /**
   * The tree became the next commit's (`GitTreeFileSystem.apply`): `created` and `deleted` are
   * absolute paths of files that came or went, `folders` those of folders that came or went with them.
   */
  changed(created: readonly string[], deleted: readonly string[], folders: readonly string[]): void {
    const paths = new Set<string>([...created, ...deleted, ...folders]);
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
    return this.tree.readFile(file);
  }
  readText(file: string, maxBytes: number): TextRead {
    return this.tree.readText(file, maxBytes);
  }
  fileExists(file: string): boolean {
    return this.tree.fileExists(file);
  }
  directoryExists(dir: string): boolean {
    return this.tree.directoryExists(dir);
  }
  readDirectory(dir: string): DirectoryEntry[] {
    return this.tree.readDirectory(dir);
  }
  realpath(file: string): string {
    return this.tree.realpath(file);
  }
  stat(file: string): FileStat | undefined {
    return this.tree.stat(file);
  }
}
