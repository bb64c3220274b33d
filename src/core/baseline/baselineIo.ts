import { writeFileAtomic, type WriteResult } from '../util/writeFileAtomic';
// Reading the baseline through the engine's FileSystem, writing it atomically to disk.
import type { FileSystem } from '../fs/fileSystem';
import { READ_LIMITS, readFailureText } from '../fs/textFile';
import { fileStartLocation } from '../json/jsonDocument';
import type { Location } from '../model/types';
import { emptyBaseline, parseBaseline, serializeBaseline, type Baseline } from './baselineFormat';

export type ReadBaselineResult =
  /** `missing`: no file yet; the empty baseline is used (first run before `--update-baseline`). */
  | { ok: true; baseline: Baseline; missing: boolean }
  | { ok: false; message: string; location: Location };

export function readBaseline(file: string, fs: FileSystem): ReadBaselineResult {
  const read = fs.readText(file, READ_LIMITS.baseline);
  if (!read.ok && read.reason === 'missing') return { ok: true, baseline: emptyBaseline(), missing: true };
  if (!read.ok) return { ok: false, message: `${file}: cannot read the baseline: ${readFailureText(read)}`, location: fileStartLocation(file) };
  const parsed = parseBaseline(read.text, file);
  return parsed.ok ? { ok: true, baseline: parsed.baseline, missing: false } : parsed;
}

export type WriteBaselineResult = WriteResult;

/** Sorted and stable (reviewable diffs), written atomically (no reader sees half a baseline). */
export function writeBaselineAtomic(file: string, baseline: Baseline): WriteBaselineResult {
  return writeFileAtomic(file, serializeBaseline(baseline), 'baseline');
}
