// The engine reads files only through this interface, so the same analysis runs on the disk
// (CLI, extension), on unsaved editor buffers, and on a past commit read from git objects.
import type { TextRead } from './textFile';

export type { TextRead, TextReadFailure } from './textFile';

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

export interface FileStat {
  size: number;
  isFile: boolean;
  isDirectory: boolean;
  /** Last modification, where the file system has one (the disk): lets a cache skip unchanged files. */
  mtimeMs?: number;
}

export interface FileSystem {
  /**
   * True when the tree does not change while this object is used (one command run): directory
   * listings may then answer whether a file exists.
   */
  readonly stableTree?: boolean;
  /**
   * For a tree whose files come and go while it is used (a git history stepping from commit to
   * commit): a number that grows with each such step. With `pathsChangedSince`, caches of lookups
   * (module resolution) drop only what the created or deleted paths can change.
   */
  readonly changeMark?: number;
  /** Files and directories created or deleted since `mark`; undefined when that is no longer known. */
  pathsChangedSince?(mark: number): ReadonlySet<string> | undefined;
  /** Text of the file, or undefined when it does not exist or cannot be read (see `readText`). */
  readFile(path: string): string | undefined;
  /**
   * Text of a regular file of at most `maxBytes`, or why not: missing, not a regular file (a
   * FIFO, a device, a directory), too large, or unreadable (permission denied). Never opens
   * anything but a regular file, never reads past the cap.
   */
  readText(path: string, maxBytes: number): TextRead;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Entries of a directory; empty when it does not exist. Symlinks are reported as `symlink`. */
  readDirectory(path: string): DirectoryEntry[];
  /** Follows symlinks; returns the path itself when it cannot. */
  realpath(path: string): string;
  /** Follows symlinks; undefined when the path does not exist. */
  stat(path: string): FileStat | undefined;
}
