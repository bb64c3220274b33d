import * as path from 'node:path';
import { applyBaseline, fixedEntries, readBaseline } from '../baseline/baseline';
import { baselineFileOf } from '../baseline/baselineTarget';
import type { ReadBaselineResult } from '../baseline/baselineIo';
import type { Baseline } from '../baseline/baselineFormat';
import { knownFindings } from '../baseline/knownFindings';
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { KnownFindings, Notice, Violation } from '../model/types';

export interface BaselineChoice {
  /** Reads a baseline file; the editor passes a cached reader so keystrokes do not re-read it. */
  read?: (file: string) => ReadBaselineResult;
  /** An explicit baseline file (`--baseline`), whose paths are relative to `reportRoot`; `false` for none. */
  override?: string | false;
  reportRoot?: string;
}

/** The baseline a project's findings are matched against, read, with the root its paths are relative to. */
export interface ConfiguredBaseline {
  file: string;
  root: string;
  read: ReadBaselineResult;
}

export function configuredBaseline(config: RulesConfig, fs: FileSystem, choice: BaselineChoice = {}): ConfiguredBaseline | undefined {
  if (choice.override === false) return undefined;
  const root = choice.override ? choice.reportRoot ?? config.root : config.root;
  // With no "baseline" in the rules file, the default place is read: where --update-baseline and
  // Add to baseline write (unless `.guardrails` leads outside the rules folder: then it is not read,
  // and the rules file says why).
  const target = choice.override ? { ok: true as const, file: path.resolve(choice.override) } : baselineFileOf(config, fs);
  if (!target.ok) return { file: config.file, root, read: { ok: false, message: target.message, location: { file: config.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } } } };
  return { file: target.file, root, read: choice.read ? choice.read(target.file) : readBaseline(target.file, fs) };
}

/** What the baseline knows, for the checks that choose where a finding goes. */
export function knownOf(configured: ConfiguredBaseline | undefined): KnownFindings | undefined {
  if (!configured?.read.ok || configured.read.baseline.violations.length === 0) return undefined;
  return knownFindings(configured.read.baseline, configured.root);
}

/** Softens the violations a baseline lists; says when the baseline is unreadable or partly fixed. */
export function applyConfiguredBaseline(violations: Violation[], config: RulesConfig, fs: FileSystem, choice: BaselineChoice = {}): { violations: Violation[]; notices: Notice[] } {
  return applyBaselineRead(violations, configuredBaseline(config, fs, choice));
}

export function applyBaselineRead(violations: Violation[], configured: ConfiguredBaseline | undefined): { violations: Violation[]; notices: Notice[] } {
  if (!configured) return { violations, notices: [] };
  const { read, file, root } = configured;
  if (!read.ok) return { violations, notices: [{ level: 'warning', message: read.message, file }] };
  const baseline: Baseline = read.baseline;
  const notices: Notice[] = [];
  const fixed = fixedEntries(violations, baseline, root).reduce((sum, entry) => sum + entry.count, 0);
  if (fixed > 0) {
    notices.push({ level: 'info', file, message: `${fixed} known violation(s) in the baseline are fixed; run with --update-baseline to lock that in` });
  }
  return { violations: applyBaseline(violations, baseline, root), notices };
}
