import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDirectories } from './makeDirectories';

export type WriteResult = { ok: true } | { ok: false; message: string };

/** A temporary file of ours left by a run that was killed before it could rename it is removed after this long. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Writes a temporary file beside `file` and renames it over, so a reader (or an interrupted run)
 * never sees half a file. Creates the directory when needed; failures are values, not throws.
 * Temporary files that an earlier, killed run left for the same file are cleaned up first.
 */
export function writeFileAtomic(file: string, text: string, what = 'file'): WriteResult {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const made = makeDirectories(dir);
  if (!made.ok) return { ok: false, message: `cannot write ${what} ${file}: ${made.message}` };
  try {
    removeStaleTemps(file);
    fs.writeFileSync(temp, text, 'utf8');
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more to clean up.
    }
    return { ok: false, message: `cannot write ${what} ${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Removes `.<name>.<pid>.<hex>.tmp` files beside `file` whose writer is gone (no such process on
 * this machine) or that are older than an hour. Only names of exactly our making are touched.
 */
export function removeStaleTemps(file: string, now = Date.now()): void {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(file))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const temp = path.join(dir, name);
    try {
      const stat = fs.lstatSync(temp);
      if (!stat.isFile()) continue;
      const pid = Number(match[1]);
      if (pid !== process.pid && (!isRunning(pid) || now - stat.mtimeMs > STALE_TEMP_MS)) fs.rmSync(temp, { force: true });
    } catch {
      // Gone already, or not ours to remove: the write goes on.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
