// Reading the baseline through the engine's FileSystem, writing it atomically to disk.
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import type { Location } from '../types';
import { emptyBaseline, parseBaseline, serializeBaseline, type Baseline } from './baselineFormat';

export type ReadBaselineResult =
  /** `missing`: no file yet; the empty baseline is used (first run before `--update-baseline`). */
  | { ok: true; baseline: Baseline; missing: boolean }
  | { ok: false; message: string; location: Location };

export function readBaseline(file: string, fs: FileSystem): ReadBaselineResult {
  const text = fs.readFile(file);
  if (text === undefined) return { ok: true, baseline: emptyBaseline(), missing: true };
  const parsed = parseBaseline(text, file);
  return parsed.ok ? { ok: true, baseline: parsed.baseline, missing: false } : parsed;
}

export type WriteBaselineResult = { ok: true } | { ok: false; message: string };

/**
 * Writes to a temporary file in the same directory, then renames it over `file`, so a reader (or
 * an interrupted run) never sees half a baseline. Creates the directory when needed.
 */
export function writeBaselineAtomic(file: string, baseline: Baseline): WriteBaselineResult {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    nodeFs.mkdirSync(dir, { recursive: true });
    nodeFs.writeFileSync(temp, serializeBaseline(baseline), 'utf8');
    nodeFs.renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    try {
      nodeFs.rmSync(temp, { force: true });
    } catch {
      // Nothing more to clean up.
    }
    return { ok: false, message: `cannot write baseline ${file}: ${(error as Error).message}` };
  }
}
