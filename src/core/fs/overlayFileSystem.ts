import type { DirectoryEntry, FileStat, FileSystem } from './fileSystem';

/**
 * Unsaved editor buffers over another file system: the editor checks what the user typed,
 * not what is on disk.
 */
export class OverlayFileSystem implements FileSystem {
  private readonly overlays = new Map<string, string>();

  constructor(private readonly base: FileSystem) {}

  setOverlay(path: string, text: string): void {
    this.overlays.set(path, text);
  }

  clearOverlay(path: string): void {
    this.overlays.delete(path);
  }

  readFile(path: string): string | undefined {
    return this.overlays.get(path) ?? this.base.readFile(path);
  }

  fileExists(path: string): boolean {
    return this.overlays.has(path) || this.base.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return this.base.directoryExists(path);
  }

  readDirectory(path: string): DirectoryEntry[] {
    return this.base.readDirectory(path);
  }

  realpath(path: string): string {
    return this.overlays.has(path) ? path : this.base.realpath(path);
  }

  stat(path: string): FileStat | undefined {
    const text = this.overlays.get(path);
    if (text !== undefined) return { size: Buffer.byteLength(text), isFile: true, isDirectory: false };
    return this.base.stat(path);
  }
}
