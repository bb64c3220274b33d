import type { FileSystem } from '../fs/fileSystem';
import type { Violation } from '../model/types';
import { normalizeBaseline } from './baselineFormat';
import { writeBaselineAtomic } from './baselineIo';
import { createBaseline } from './baselineMatch';
import { baselineToReplace } from './baselineTarget';

/**
 * Records one more known violation in a baseline file (created when missing), atomically; like
 * `--update-baseline`, only a missing, empty or Guardrails-written file is replaced.
 */
export function addToBaseline(file: string, violation: Violation, root: string, fs: FileSystem): { ok: true } | { ok: false; message: string } {
  const read = baselineToReplace(file, fs);
  if (!read.ok) return read;
  const added = createBaseline([{ ...violation, baselined: false }], root);
  if (added.violations.length === 0) return { ok: false, message: `${violation.ruleId} findings are not kept in a baseline` };
  const merged = normalizeBaseline({ version: read.previous.version, violations: [...read.previous.violations, ...added.violations] });
  return writeBaselineAtomic(file, merged);
}
