import { writeFileAtomic, type WriteResult } from '../util/writeFileAtomic';
// Reading the baseline through the engine's FileSystem, writing it atomically to disk.
import type { FileSystem } from '../fs/fileSystem';
import type { Location } from '../model/types';
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

export type WriteBaselineResult = WriteResult;

/** Sorted and stable (reviewable diffs), written atomically (no reader sees half a baseline). */
export function writeBaselineAtomic(file: string, baseline: Baseline): WriteBaselineResult {
  return writeFileAtomic(file, serializeBaseline(baseline), 'baseline');
}
