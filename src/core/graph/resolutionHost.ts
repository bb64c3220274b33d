import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { DirectoryEntry, FileSystem } from '../fs/fileSystem';
import { readConfigText } from './compilerOptions';
import { appendAll } from '../util/arrays';
import type { WorkspacePackages } from './workspacePackages';
import { nameInPackageJson } from './workspaceManifest';

/**
 * TypeScript probes the same paths over and over; each answer is asked of the FileSystem once.
 * In a monorepo the host also shows TypeScript the workspace's packages linked into node_modules
 * and their build outputs, whether or not an install or a build made them (see WorkspacePackages).
 */
export class CachingResolutionHost implements ts.ModuleResolutionHost {
  readonly useCaseSensitiveFileNames = ts.sys.useCaseSensitiveFileNames;
  private readonly files = new Map<string, boolean>();
  private readonly realFiles = new Map<string, boolean>();
  private readonly listings = new Map<string, { kinds: Map<string, DirectoryEntry['kind']>; lowerNames: Set<string> } | undefined>();
  private readonly directories = new Map<string, boolean>();
  private readonly realpaths = new Map<string, string>();
  private readonly packageNames = new Map<string, string | undefined>();

  /** While set, every path asked about is added (what a resolution depended on). */
  probes: string[] | undefined;
  /**
   * With workspace packages, an answer about one path can rest on others (where a missing link
   * leads, the source a build output stands for): those, by question and path, so that a
   * resolution answered from the memo depends on them too.
   */
  private readonly underlying = new Map<string, readonly string[]>();

  constructor(private readonly fs: FileSystem, private readonly root: string, private packages?: WorkspacePackages) {}

  /** See WorkspacePackages.outputsChanged. */
  packageOutputsChanged(): boolean {
    return this.packages?.outputsChanged() ?? false;
  }

  /** The workspace's packages as they are now (files came or went: `clear` was called). */
  usePackages(packages: WorkspacePackages | undefined): void {
    this.packages = packages;
  }

  /** A file on disk, or one a workspace package's link or build output would make (see WorkspacePackages). */
  fileExists(file: string): boolean {
    this.probes?.push(file);
    if (!this.packages) return this.realFileExists(file);
    const packages = this.packages;
    return this.derived('f', this.files, file, () => {
      if (this.realFileExists(file)) return true;
      const linked = packages.linked(file);
      if (linked !== undefined) return this.fileExists(linked);
      return this.sourceOfOutput(file) !== undefined;
    });
  }

  /**
   * The source a workspace package's build output stands for (see WorkspacePackages.sourceOf),
   * also when the output is reached through an installed link (`node_modules/@acme/core/dist/…`).
   */
  sourceOfOutput(file: string): string | undefined {
    if (!this.packages) return undefined;
    const exists = (source: string): boolean => {
      this.probes?.push(source);
      return this.realFileExists(source);
    };
    const direct = this.packages.sourceOf(file, exists);
    // Through an installed link only: real paths of missing files cost a failed system call each.
    if (direct !== undefined || !file.includes(`${path.sep}node_modules${path.sep}`)) return direct;
    return this.packages.sourceOf(this.realpathOfMissing(file), exists);
  }

  /** The real path of a file that may not exist: its nearest existing folder's real path, and the rest. */
  private realpathOfMissing(file: string): string {
    const real = this.realpath(file);
    if (real !== file) return real;
    const parent = path.dirname(file);
    if (parent === file) return file;
    const realParent = this.realpathOfMissing(parent);
    return realParent === parent ? file : path.join(realParent, path.basename(file));
  }

  /**
   * `memo`, and while resolutions are recorded (`probes`), the paths the answer rested on besides
   * `key` are kept with it and added again whenever it is answered from the memo.
   */
  private derived<T>(question: string, map: Map<string, T>, key: string, compute: () => T): T {
    const outer = this.probes;
    if (map.has(key)) {
      const underlying = outer && this.underlying.get(`${question}\0${key}`);
      if (underlying) appendAll(outer, underlying);
      return map.get(key) as T;
    }
    if (!outer) return memo(map, key, compute);
    const inner: string[] = [];
    this.probes = inner;
    let value: T;
    try {
      value = compute();
    } finally {
      this.probes = outer;
    }
    map.set(key, value);
    if (inner.length > 0) {
      this.underlying.set(`${question}\0${key}`, inner);
      appendAll(outer, inner);
    }
    return value;
  }

  /**
   * In a command run (a tree that does not change meanwhile) answered from the directory's listing,
   * read once: resolution probes a few candidates for each import, and one directory read replaces
   * a stat per candidate. The editor's tree changes (a new asset is not a source event), so there
   * the file is asked itself, as it is for a link, an unreadable directory, and a name that differs
   * from a listed one only in case (a case-insensitive mount).
   */
  private realFileExists(file: string): boolean {
    return memo(this.realFiles, file, () => {
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
    return this.derived('d', this.directories, directory, () => {
      if (this.fs.directoryExists(directory)) return true;
      if (!this.packages) return false;
      if (this.packages.isLinkFolder(directory)) return true;
      const linked = this.packages.linked(directory);
      return linked !== undefined && this.directoryExists(linked);
    });
  }

  realpath(file: string): string {
    this.probes?.push(file);
    return this.derived('r', this.realpaths, file, () => {
      const linked = this.packages?.linked(file);
      if (linked !== undefined) this.probes?.push(linked);
      return this.fs.realpath(linked ?? file);
    });
  }

  /** Resolution reads manifests (package.json) only: bounded like every config read. */
  readFile(file: string): string | undefined {
    this.probes?.push(file);
    const linked = this.packages?.linked(file);
    if (linked !== undefined) this.probes?.push(linked);
    return readConfigText(this.fs, linked ?? file);
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
      this.realFiles.delete(changed);
      this.directories.delete(changed);
      this.realpaths.delete(changed);
      this.listings.delete(changed);
      this.listings.delete(path.dirname(changed));
    }
    // Answers that rested on a changed path (a link's target, an output's source) are asked again.
    const maps: Record<string, Map<string, unknown>> = { f: this.files, d: this.directories, r: this.realpaths };
    for (const [key, underlying] of this.underlying) {
      if (!underlying.some((probe) => paths.has(probe))) continue;
      const split = key.indexOf('\0');
      maps[key.slice(0, split)].delete(key.slice(split + 1));
      this.underlying.delete(key);
    }
    this.packageNames.clear();
  }

  clear(): void {
    this.underlying.clear();
    this.files.clear();
    this.realFiles.clear();
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
