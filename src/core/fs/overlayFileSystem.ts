import * as nodePath from 'node:path';
import type { DirectoryEntry, FileStat, FileSystem, TextRead } from './fileSystem';

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

  readText(path: string, maxBytes: number): TextRead {
    const text = this.overlays.get(path);
    if (text === undefined) return this.base.readText(path, maxBytes);
    return Buffer.byteLength(text) > maxBytes ? { ok: false, reason: 'too-large', detail: `over the ${maxBytes} bytes limit` } : { ok: true, text };
  }

  fileExists(path: string): boolean {
    return this.overlays.has(path) || this.base.fileExists(path);
  }

  directoryExists(path: string): boolean {
    return this.base.directoryExists(path);
  }

  /** The directory as on disk, plus buffers in it that are not saved there yet (as `fileExists` says). */
  readDirectory(path: string): DirectoryEntry[] {
    const entries = this.base.readDirectory(path);
    const names = new Set(entries.map((entry) => entry.name));
    for (const file of this.overlays.keys()) {
      const name = nodePath.basename(file);
      if (nodePath.dirname(file) === path && !names.has(name)) entries.push({ name, kind: 'file' });
    }
    return entries;
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
