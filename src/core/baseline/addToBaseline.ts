import type { FileSystem } from '../fs/fileSystem';
import type { Violation } from '../model/types';
import { normalizeBaseline } from './baselineFormat';
import { readBaseline, writeBaselineAtomic } from './baselineIo';
import { createBaseline } from './baselineMatch';

/** Records one more known violation in a baseline file (created when missing), atomically. */
export function addToBaseline(file: string, violation: Violation, root: string, fs: FileSystem): { ok: true } | { ok: false; message: string } {
  const read = readBaseline(file, fs);
  if (!read.ok) return { ok: false, message: read.message };
  const added = createBaseline([{ ...violation, baselined: false }], root);
  if (added.violations.length === 0) return { ok: false, message: `${violation.ruleId} findings are not kept in a baseline` };
  const merged = normalizeBaseline({ version: read.baseline.version, violations: [...read.baseline.violations, ...added.violations] });
  return writeBaselineAtomic(file, merged);
}
