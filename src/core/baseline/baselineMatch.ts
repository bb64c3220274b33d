// Matching findings against a baseline. Known findings are softened to `info` and flagged, not
// hidden (as dependency-cruiser's soften-known-violations): they stay visible but stop failing.
import type { Violation } from '../model/types';
import { compareBy, relativeFile, relativeTarget } from '../util/relativePaths';
import { BASELINE_VERSION, entryKey, normalizeBaseline, type Baseline, type BaselineEntry } from './baselineFormat';

/**
 * Findings of the engine itself, not of a rule: they are never written to a baseline, because a
 * baseline is for architecture debt, not for broken files, rules files or suppressions.
 */
// Literals rather than imports of the modules that emit them, to keep this module free of the
// parser and scanner; keep in step with src/core/{analysis,checks,debt,suppress,windows}.
export const ENGINE_FINDING_IDS: ReadonlySet<string> = new Set([
  'parse-error',
  'rules-file',
  'unmatched-pattern',
  'unused-suppression',
  'invalid-suppression',
  'debt-metadata',
  'window-regressed',
]);

export interface CreateBaselineOptions {
  /** Ids of the configured rules: when given, only their findings are baselined. */
  ruleIds?: Iterable<string>;
}

/** True for findings a baseline may hold (rule findings, not engine or debt findings). */
export function isBaselineable(v: Violation, ruleIds?: ReadonlySet<string>): boolean {
  if (ruleIds !== undefined) return ruleIds.has(v.ruleId);
  return !ENGINE_FINDING_IDS.has(v.ruleId) && !v.ruleId.startsWith('debt/') && !v.ruleId.startsWith('guardrails/');
}

export function violationKey(v: Violation, root: string): string {
  return entryKey({ ruleId: v.ruleId, file: relativeFile(root, v.location.file), to: relativeTarget(root, v.to) });
}

/** A baseline holding every current rule finding (already baselined ones included). */
export function createBaseline(violations: readonly Violation[], root: string, opts: CreateBaselineOptions = {}): Baseline {
  const ruleIds = opts.ruleIds === undefined ? undefined : new Set(opts.ruleIds);
  const entries: BaselineEntry[] = violations
    .filter((v) => isBaselineable(v, ruleIds))
    .map((v) => ({ ruleId: v.ruleId, file: relativeFile(root, v.location.file), to: relativeTarget(root, v.to), count: 1 }));
  return normalizeBaseline({ version: BASELINE_VERSION, violations: entries });
}

/**
 * Copies of `violations` (same order) where up to `count` findings per (rule, file, target) are
 * marked `baselined`, keep their `originalSeverity` and are lowered to `info`. Within a key the
 * earliest findings in the file are the known ones. Applying twice gives the same result.
 */
export function applyBaseline(violations: readonly Violation[], baseline: Baseline, root: string): Violation[] {
  const remaining = new Map(normalizeBaseline(baseline).violations.map((e) => [entryKey(e), e.count]));
  const out = violations.map(unbaselined);
  // No baseline file (the usual case, and every past commit of a history): nothing to match, so no
  // key is computed and nothing sorted; the copies are the same as below.
  if (remaining.size === 0) return out;
  const byPosition = compareBy<number>(
    (i) => out[i].location.range.start.line, (i) => out[i].location.range.start.column, (i) => out[i].message, (i) => i,
  );
  for (const i of out.map((_, i) => i).sort(byPosition)) {
    const key = violationKey(out[i], root);
    const left = remaining.get(key) ?? 0;
    if (left === 0) continue;
    remaining.set(key, left - 1);
    out[i] = { ...out[i], baselined: true, originalSeverity: out[i].severity, severity: 'info' };
  }
  return out;
}

/** Baseline entries (with the missing count) that no longer occur: fixed, and removable. */
export function fixedEntries(violations: readonly Violation[], baseline: Baseline, root: string): BaselineEntry[] {
  if (baseline.violations.length === 0) return [];
  const seen = new Map<string, number>();
  for (const v of violations) seen.set(violationKey(v, root), (seen.get(violationKey(v, root)) ?? 0) + 1);
  return normalizeBaseline(baseline).violations
    .map((e) => ({ ...e, count: e.count - (seen.get(entryKey(e)) ?? 0) }))
    .filter((e) => e.count > 0);
}

function unbaselined(v: Violation): Violation {
  const { baselined: _b, originalSeverity, ...rest } = v;
  return { ...rest, severity: originalSeverity ?? v.severity };
}
