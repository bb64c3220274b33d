import * as fs from 'node:fs';
import type { DirectoryEntry, FileStat, FileSystem } from './fileSystem';
import { readDiskText, type TextRead } from './textFile';

/**
 * The real disk. `readFile` reads regular files only, bounded, and decodes them by their BOM;
 * errors (permissions, races with deletion) read as "not there" (`readText` says which).
 */
export class NodeFileSystem implements FileSystem {
  readFile(path: string): string | undefined {
    const read = readDiskText(path);
    return read.ok ? read.text : undefined;
  }

  readText(path: string, maxBytes: number): TextRead {
    return readDiskText(path, maxBytes);
  }

  fileExists(path: string): boolean {
    return this.stat(path)?.isFile ?? false;
  }

  directoryExists(path: string): boolean {
    return this.stat(path)?.isDirectory ?? false;
  }

  readDirectory(path: string): DirectoryEntry[] {
    try {
      return fs.readdirSync(path, { withFileTypes: true }).map((entry) => ({
        name: entry.name,
        kind: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
      }));
    } catch {
      return [];
    }
  }

  realpath(path: string): string {
    try {
      return fs.realpathSync.native(path);
    } catch {
      return path;
    }
  }

  stat(path: string): FileStat | undefined {
    try {
      // Resolution asks about many paths that do not exist: no exception for those.
      const stat = fs.statSync(path, { throwIfNoEntry: false });
      if (!stat) return undefined;
      return { size: stat.size, isFile: stat.isFile(), isDirectory: stat.isDirectory(), mtimeMs: stat.mtimeMs };
    } catch {
      return undefined;
    }
  }
}
