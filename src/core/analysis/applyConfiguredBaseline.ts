import * as path from 'node:path';
import { applyBaseline, fixedEntries, readBaseline } from '../baseline/baseline';
import { baselineFileOf } from '../baseline/baselineTarget';
import type { ReadBaselineResult } from '../baseline/baselineIo';
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { Notice, Violation } from '../model/types';

export interface BaselineChoice {
  /** Reads a baseline file; the editor passes a cached reader so keystrokes do not re-read it. */
  read?: (file: string) => ReadBaselineResult;
  /** An explicit baseline file (`--baseline`), whose paths are relative to `reportRoot`; `false` for none. */
  override?: string | false;
  reportRoot?: string;
}

/** Softens the violations a baseline lists; says when the baseline is unreadable or partly fixed. */
export function applyConfiguredBaseline(violations: Violation[], config: RulesConfig, fs: FileSystem, choice: BaselineChoice = {}): { violations: Violation[]; notices: Notice[] } {
  if (choice.override === false) return { violations, notices: [] };
  // With no "baseline" in the rules file, the default place is read: where --update-baseline and
  // Add to baseline write (unless `.guardrails` leads outside the rules folder: then it is not read).
  const target = choice.override ? { ok: true as const, file: path.resolve(choice.override) } : baselineFileOf(config, fs);
  if (!target.ok) return { violations, notices: [{ level: 'warning', message: target.message, file: config.file }] };
  const file = target.file;
  const root = choice.override ? choice.reportRoot ?? config.root : config.root;
  const read = choice.read ? choice.read(file) : readBaseline(file, fs);
  if (!read.ok) return { violations, notices: [{ level: 'warning', message: read.message, file }] };
  const notices: Notice[] = [];
  const fixed = fixedEntries(violations, read.baseline, root).reduce((sum, entry) => sum + entry.count, 0);
  if (fixed > 0) {
    notices.push({ level: 'info', file, message: `${fixed} known violation(s) in the baseline are fixed; run with --update-baseline to lock that in` });
  }
  return { violations: applyBaseline(violations, read.baseline, root), notices };
}
