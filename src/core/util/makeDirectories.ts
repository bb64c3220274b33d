// Creates a folder and its missing parents one level at a time. Node 20's
// mkdirSync(dir, { recursive: true }) never returns under /proc, where mkdir answers ENOENT for
// a parent that exists (it keeps creating that parent again): a cache or baseline path there held
// the process forever. Here every level is tried once, so the work is bounded by the path's depth.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type MakeDirectoriesResult = { ok: true } | { ok: false; message: string };

export function makeDirectories(dir: string): MakeDirectoriesResult {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const kind = entryKind(current);
    if (kind === 'directory') break;
    if (kind === 'other') return { ok: false, message: `${current} is not a folder` };
    const parent = path.dirname(current);
    if (parent === current) return { ok: false, message: `${current} does not exist` };
    missing.push(current);
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      // Another process may have made it in the meantime.
      if (entryKind(folder) === 'directory') continue;
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { ok: false, message: `cannot create the folder ${folder} (${reason})` };
    }
  }
  return { ok: true };
}

function entryKind(file: string): 'directory' | 'other' | 'missing' {
  try {
    return fs.statSync(file).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}
