// The folders that exist under a rules file's root, for hints that name real paths: a hint that
// suggests "src/server/**" in a repository without src/ sends the user the wrong way.
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';

export interface FolderHints {
  /** Globs (`dir/**`) of the folders named `name`, shallowest first, at most `limit`. */
  globsFor(name: string, limit?: number): string[];
  /** A top-level folder to show as an example, when there is one. */
  someFolder(): string | undefined;
}

const MAX_DEPTH = 4;
const MAX_FOLDERS = 5_000;

/** Listed on first use only (a hint is rare), bounded in depth and count. */
export function folderHints(root: string, fs: FileSystem): FolderHints {
  let folders: string[] | undefined;
  const list = (): string[] => {
    if (folders) return folders;
    folders = [];
    let level = [''];
    for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && folders.length < MAX_FOLDERS; depth++) {
      const next: string[] = [];
      for (const rel of level) {
        const entries = fs.readDirectory(path.join(root, rel)).filter((entry) => entry.kind === 'directory' && !entry.name.startsWith('.') && entry.name !== 'node_modules');
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const child = rel ? `${rel}/${entry.name}` : entry.name;
          folders.push(child);
          next.push(child);
        }
      }
      level = next;
    }
    return folders;
  };
  return {
    globsFor: (name, limit = 2) => list().filter((rel) => rel === name || rel.endsWith(`/${name}`)).slice(0, limit).map((rel) => `${rel}/**`),
    someFolder: () => list().find((rel) => !rel.includes('/')),
  };
}
