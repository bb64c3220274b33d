// A commit's files as a FileSystem: the engine analyses a past state exactly as it analyses the
// disk, reading blobs from git objects. Directories are derived from the file paths.
import * as path from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../fs/fileSystem';
import type { BlobSource } from './blobStore';
import type { TreeEntry } from './lsTree';

export interface GitTreeFileSystemOptions {
  /**
   * Serves paths git does not track: outside the working tree, and `node_modules` (ignored, but
   * where a tsconfig's `extends` or a package's manifest may live). Absent: such paths do not exist.
   */
  fallback?: FileSystem;
}

const SYMLINK_MODE = '120000';
const MAX_LINK_HOPS = 8;

export class GitTreeFileSystem implements FileSystem {
  private readonly files = new Map<string, TreeEntry>();
  private readonly directories = new Map<string, Map<string, DirectoryEntry['kind']>>();

  /** Absolute path of the working tree the entries' paths are relative to. */
  readonly top: string;

  constructor(top: string, entries: readonly TreeEntry[], private readonly blobs: BlobSource, private readonly options: GitTreeFileSystemOptions = {}) {
    this.top = path.resolve(top);
    this.directories.set(this.top, new Map());
    for (const entry of entries) this.add(entry);
  }

  /**
   * Becomes the next commit's tree in place (the git history steps one commit to the next, and a
   * rebuild would cost the whole repository each step). Returns the absolute paths of folders
   * that appeared or disappeared with the files.
   */
  apply(changes: readonly { before?: TreeEntry; after?: TreeEntry }[]): string[] {
    const folders = new Set<string>();
    // Folders a new file brings are those missing before it comes; those a gone file takes, missing after.
    for (const { before, after } of changes) if (after && !before) this.addMissingFolders(after, folders);
    for (const { before } of changes) if (before) this.remove(before);
    for (const { after } of changes) if (after) this.add(after);
    for (const { before, after } of changes) if (before && !after) this.addMissingFolders(before, folders);
    return [...folders];
  }

  /** The absolute path of a repository-relative one. */
  absolute(repoPath: string): string {
    return path.join(this.top, ...repoPath.split('/'));
  }

  private add(entry: TreeEntry): void {
    if (entry.type === 'tree') return; // ls-tree -r lists blobs; trees arrive only without -r
    const file = this.absolute(entry.path);
    const kind: DirectoryEntry['kind'] = entry.type === 'commit' ? 'other' : entry.mode === SYMLINK_MODE ? 'symlink' : 'file';
    if (kind !== 'other') this.files.set(file, entry);
    this.addToParent(file, kind);
  }

  /** Takes a file out, and each folder above it that it leaves empty (git keeps no empty folder). */
  private remove(entry: TreeEntry): void {
    if (entry.type === 'tree') return;
    let child = this.absolute(entry.path);
    this.files.delete(child);
    for (;;) {
      const parent = path.dirname(child);
      const entries = this.directories.get(parent);
      entries?.delete(path.basename(child));
      if (!entries || entries.size > 0 || parent === this.top || parent === child) return;
      this.directories.delete(parent);
      child = parent;
    }
  }

  private addMissingFolders(entry: TreeEntry, folders: Set<string>): void {
    for (let dir = path.dirname(this.absolute(entry.path)); dir !== this.top && !this.directories.has(dir); dir = path.dirname(dir)) folders.add(dir);
  }

  readFile(file: string): string | undefined {
    if (this.isUntracked(file)) return this.options.fallback?.readFile(file);
    const target = this.resolveLinks(file);
    const entry = target === undefined ? undefined : this.files.get(target);
    return entry ? this.blobs.text(entry.oid) : undefined;
  }

  readText(file: string, maxBytes: number): TextRead {
    if (this.isUntracked(file)) return this.options.fallback?.readText(file, maxBytes) ?? { ok: false, reason: 'missing', detail: 'not in the commit' };
    const stat = this.stat(file);
    if (!stat) return { ok: false, reason: 'missing', detail: 'not in the commit' };
    if (!stat.isFile) return { ok: false, reason: 'not-a-file', detail: 'a directory' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', detail: `${stat.size} bytes, over the ${maxBytes} bytes limit` };
    const text = this.readFile(file);
    return text === undefined ? { ok: false, reason: 'unreadable', detail: 'git could not read the blob' } : { ok: true, text };
  }

  fileExists(file: string): boolean {
    return this.stat(file)?.isFile ?? false;
  }

  directoryExists(dir: string): boolean {
    return this.stat(dir)?.isDirectory ?? false;
  }

  readDirectory(dir: string): DirectoryEntry[] {
    if (this.isUntracked(dir)) return this.options.fallback?.readDirectory(dir) ?? [];
    const children = this.directories.get(path.resolve(dir));
    return children ? [...children].map(([name, kind]) => ({ name, kind })) : [];
  }

  realpath(file: string): string {
    if (this.isUntracked(file)) return this.options.fallback?.realpath(file) ?? file;
    return this.resolveLinks(file) ?? file;
  }

  stat(file: string): FileStat | undefined {
    if (this.isUntracked(file)) return this.options.fallback?.stat(file);
    const target = this.resolveLinks(file);
    if (target === undefined) return undefined;
    if (this.directories.has(target)) return { size: 0, isFile: false, isDirectory: true };
    const entry = this.files.get(target);
    return entry ? { size: entry.size ?? 0, isFile: true, isDirectory: false } : undefined;
  }

  /** Paths git never tracks: outside the tree, `.git`, and `node_modules` (served by the fallback). */
  private isUntracked(file: string): boolean {
    const rel = path.relative(this.top, path.resolve(file));
    if (rel.startsWith('..') || path.isAbsolute(rel)) return true;
    const segments = rel.split(path.sep);
    return segments.includes('node_modules') || segments[0] === '.git';
  }

  /** Follows a symlinked file (its blob holds the target) to what it names; undefined when dangling. */
  private resolveLinks(file: string): string | undefined {
    let current = path.resolve(file);
    for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
      const entry = this.files.get(current);
      if (!entry || entry.mode !== SYMLINK_MODE) return entry || this.directories.has(current) ? current : undefined;
      const target = this.blobs.text(entry.oid);
      if (target === undefined) return undefined;
      current = path.resolve(path.dirname(current), target);
      if (this.isUntracked(current)) return undefined;
    }
    return undefined;
  }

  private addToParent(file: string, kind: DirectoryEntry['kind']): void {
    let child = file;
    let childKind = kind;
    for (;;) {
      const parent = path.dirname(child);
      let entries = this.directories.get(parent);
      const existed = entries !== undefined;
      if (!entries) {
        entries = new Map();
        this.directories.set(parent, entries);
      }
      entries.set(path.basename(child), childKind);
      if (existed || parent === this.top || parent === child) return;
      child = parent;
      childKind = 'directory';
    }
  }
}
