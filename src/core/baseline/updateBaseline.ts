import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { Notice, Violation } from '../model/types';
import { isInside, toRelative } from '../util/paths';
import { normalizeBaseline } from './baselineFormat';
import { writeBaselineAtomic } from './baselineIo';
import { createBaseline } from './baselineMatch';
import { baselineFileOf, baselineToReplace } from './baselineTarget';

/** One baseline file to (re)write: the findings it records, with paths relative to `root`. */
export interface BaselineTarget {
  file: string;
  root: string;
  violations: readonly Violation[];
  ruleIds: string[];
}

export type BaselineWritten =
  | { ok: true; file: string; count: number; kept: number; unreadFiles: number }
  | { ok: false; file: string; message: string };

/** A rules file's own baseline (its `baseline`, or the default place inside its folder), for its findings. */
export function projectBaselineTarget(config: RulesConfig, violations: readonly Violation[], fs: FileSystem): { ok: true; target: BaselineTarget } | { ok: false; message: string } {
  const file = baselineFileOf(config, fs);
  if (!file.ok) return file;
  return { ok: true, target: { file: file.file, root: config.root, violations, ruleIds: config.rules.map((rule) => rule.id) } };
}

/**
 * Records every current rule finding as known (`--update-baseline`, the editor's Set Baseline).
 * Only a missing, empty or Guardrails-written baseline is replaced, and the entries of files that
 * could not be read (`notices` say which) are kept as they were.
 */
export function writeBaselineFor(target: BaselineTarget, notices: readonly Notice[], fs: FileSystem): BaselineWritten {
  const replaceable = baselineToReplace(target.file, fs);
  if (!replaceable.ok) return { ok: false, file: target.file, message: replaceable.message };
  // A file that could not be read has unknown findings: its known ones stay known.
  const unreadable = notices.filter((notice) => notice.unreadable && notice.file !== undefined && isInside(target.root, notice.file)).map((notice) => toRelative(target.root, notice.file!));
  const unread = new Set(unreadable);
  const kept = replaceable.previous.violations.filter((entry) => unread.has(entry.file));
  const created = createBaseline([...target.violations], target.root, { ruleIds: target.ruleIds });
  const baseline = normalizeBaseline({ version: created.version, violations: [...created.violations, ...kept] });
  const written = writeBaselineAtomic(target.file, baseline);
  if (!written.ok) return { ok: false, file: target.file, message: `cannot write the baseline ${target.file}: ${written.message}` };
  const count = baseline.violations.reduce((sum, entry) => sum + entry.count, 0);
  return { ok: true, file: target.file, count, kept: kept.reduce((sum, entry) => sum + entry.count, 0), unreadFiles: unread.size };
}
