import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeDirectories } from './makeDirectories';

export type WriteResult = { ok: true } | { ok: false; message: string };

/**
 * Writes a temporary file beside `file` and renames it over, so a reader (or an interrupted run)
 * never sees half a file. Creates the directory when needed; failures are values, not throws.
 */
export function writeFileAtomic(file: string, text: string, what = 'file'): WriteResult {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const made = makeDirectories(dir);
  if (!made.ok) return { ok: false, message: `cannot write ${what} ${file}: ${made.message}` };
  try {
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
