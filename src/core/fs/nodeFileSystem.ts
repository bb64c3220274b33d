import * as fs from 'node:fs';
import type { DirectoryEntry, FileStat, FileSystem } from './fileSystem';

/** The real disk. Errors (permissions, races with deletion) read as "not there". */
export class NodeFileSystem implements FileSystem {
  readFile(path: string): string | undefined {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
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
