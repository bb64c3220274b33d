// Files held in memory, for thousands of generated rules files without touching the disk.
import * as path from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from '../../../src/core/fs/fileSystem';

export class MemoryFileSystem implements FileSystem {
  constructor(private readonly files: Map<string, string>) {}
  readFile(p: string): string | undefined {
    return this.files.get(p);
  }
  readText(p: string): TextRead {
    const text = this.files.get(p);
    return text === undefined ? { ok: false, reason: 'missing', detail: 'no such file' } : { ok: true, text };
  }
  fileExists(p: string): boolean {
    return this.files.has(p);
  }
  directoryExists(p: string): boolean {
    return [...this.files.keys()].some((file) => file.startsWith(p + path.sep));
  }
  readDirectory(): DirectoryEntry[] {
    return [];
  }
  realpath(p: string): string {
    return p;
  }
  stat(p: string): FileStat | undefined {
    const text = this.files.get(p);
    return text === undefined ? undefined : { size: text.length, isFile: true, isDirectory: false };
  }
}
