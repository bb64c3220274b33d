import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { uriToFile } from './uris';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { SOURCE_FILE, type FileSystem } from '../core';

const TSCONFIG = /(?:^|[\\/])(?:tsconfig[^\\/]*|jsconfig)\.json$/;
/** Folders a copied-in folder's sources are never looked for in. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface OpenDocuments {
  /** The unsaved text of an open document, if it is open. */
  textOf(file: string): string | undefined;
}

/**
 * What changed on disk (`workspace/didChangeWatchedFiles`), told to the analysis: sources re-read,
 * a new rules file reloads everything, tsconfigs re-resolve, JSON may be a rules file or a
 * baseline, and a deleted folder takes its files with it.
 */
export function applyFileEvents(events: readonly FileEvent[], analysis: WorkspaceAnalysis, documents: OpenDocuments, fs: FileSystem): void {
  // Once for the whole batch (a checkout, a package's install): each reload resolves every import
  // again. Only edited (none created or deleted): only if what resolution reads changed.
  let tsconfigs: 'edited' | 'created or deleted' | undefined;
  for (const event of events) {
    const file = uriToFile(event.uri);
    if (!file) continue;
    const open = documents.textOf(file);
    if (SOURCE_FILE.test(file)) {
      // An open buffer is what the user sees; the disk only matters once it is closed.
      if (event.type === FileChangeType.Deleted) analysis.fileChanged(file, { deleted: true });
      else analysis.fileChanged(file, { text: open });
    } else if (path.basename(file) === 'guardrails.json' && event.type !== FileChangeType.Changed) {
      void analysis.reload();
    } else if (TSCONFIG.test(file)) {
      if (event.type !== FileChangeType.Changed) tsconfigs = 'created or deleted';
      else tsconfigs ??= 'edited';
    } else if (file.endsWith('.json')) {
      analysis.jsonChanged(file, open !== undefined);
    } else if (event.type === FileChangeType.Deleted) {
      analysis.folderDeleted(file);
    } else if (event.type === FileChangeType.Created) {
      // A folder moved or copied in arrives as one event: its files are found here.
      for (const source of sourcesIn(file, fs)) analysis.fileChanged(source, {});
    }
  }
  if (tsconfigs) analysis.tsconfigChanged(tsconfigs === 'edited');
}

/** Source files below a path that turned out to be a folder; none when it is a file. */
function sourcesIn(dir: string, fs: FileSystem, depth = 0, found: string[] = []): string[] {
  if (depth > 64 || !fs.directoryExists(dir)) return found;
  for (const entry of fs.readDirectory(dir)) {
    const full = path.join(dir, entry.name);
    // Into one list: a folder of a whole workspace's files, spread into push(), overflows the stack.
    if (entry.kind === 'directory' && !SKIPPED_FOLDERS.has(entry.name)) sourcesIn(full, fs, depth + 1, found);
    else if (entry.kind === 'file' && SOURCE_FILE.test(entry.name)) found.push(full);
  }
  return found;
}
