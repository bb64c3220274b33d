import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { DirectoryEntry, FileSystem } from '../fs/fileSystem';
import { readConfigText } from './compilerOptions';

/** TypeScript probes the same paths over and over; each answer is asked of the FileSystem once. */
export class CachingResolutionHost implements ts.ModuleResolutionHost {
  readonly useCaseSensitiveFileNames = ts.sys.useCaseSensitiveFileNames;
  private readonly files = new Map<string, boolean>();
  private readonly listings = new Map<string, { kinds: Map<string, DirectoryEntry['kind']>; lowerNames: Set<string> } | undefined>();
  private readonly directories = new Map<string, boolean>();
  private readonly realpaths = new Map<string, string>();
  private readonly packageNames = new Map<string, string | undefined>();

  /** While set, every path asked about is added (what a resolution depended on). */
  probes: string[] | undefined;

  constructor(private readonly fs: FileSystem, private readonly root: string) {}

  /**
   * In a command run (a tree that does not change meanwhile) answered from the directory's listing,
   * read once: resolution probes a few candidates for each import, and one directory read replaces
   * a stat per candidate. The editor's tree changes (a new asset is not a source event), so there
   * the file is asked itself, as it is for a link, an unreadable directory, and a name that differs
   * from a listed one only in case (a case-insensitive mount).
   */
  fileExists(file: string): boolean {
    this.probes?.push(file);
    return memo(this.files, file, () => {
      if (!this.fs.stableTree || !this.useCaseSensitiveFileNames) return this.fs.fileExists(file);
      const listing = memo(this.listings, path.dirname(file), () => {
        const entries = this.fs.readDirectory(path.dirname(file));
        if (entries.length === 0) return undefined;
        return { kinds: new Map(entries.map((entry) => [entry.name, entry.kind])), lowerNames: new Set(entries.map((entry) => entry.name.toLowerCase())) };
      });
      if (listing === undefined) return this.fs.fileExists(file);
      const name = path.basename(file);
      const kind = listing.kinds.get(name);
      if (kind === undefined) return listing.lowerNames.has(name.toLowerCase()) && this.fs.fileExists(file);
      return kind === 'file' || (kind === 'symlink' && this.fs.fileExists(file));
    });
  }

  directoryExists(directory: string): boolean {
    this.probes?.push(directory);
    return memo(this.directories, directory, () => this.fs.directoryExists(directory));
  }

  realpath(file: string): string {
    this.probes?.push(file);
    return memo(this.realpaths, file, () => this.fs.realpath(file));
  }

  /** Resolution reads manifests (package.json) only: bounded like every config read. */
  readFile(file: string): string | undefined {
    this.probes?.push(file);
    return readConfigText(this.fs, file);
  }

  getCurrentDirectory(): string {
    return this.root;
  }

  /** Name in the nearest package.json above a file (for files outside the workspace). */
  nearestPackageName(file: string): string | undefined {
    const directory = path.dirname(file);
    return memo(this.packageNames, directory, () => {
      const manifest = path.join(directory, 'package.json');
      const text = this.fileExists(manifest) ? this.readFile(manifest) : undefined;
      const name = text === undefined ? undefined : nameInPackageJson(text);
      if (name !== undefined) return name;
      return path.dirname(directory) === directory ? undefined : this.nearestPackageName(directory);
    });
  }

  /** Paths created or deleted: only their own answers (and their directories' listings) are dropped. */
  forget(paths: ReadonlySet<string>): void {
    for (const changed of paths) {
      this.files.delete(changed);
      this.directories.delete(changed);
      this.realpaths.delete(changed);
      this.listings.delete(changed);
      this.listings.delete(path.dirname(changed));
    }
    this.packageNames.clear();
  }

  clear(): void {
    this.files.clear();
    this.listings.clear();
    this.directories.clear();
    this.realpaths.clear();
    this.packageNames.clear();
  }
}

export function memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  const value = compute();
  map.set(key, value);
  return value;
}

function nameInPackageJson(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') return parsed.name;
  } catch {
    // a broken package.json names nothing
  }
  return undefined;
}
