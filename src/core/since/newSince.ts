// `check --since REF`: the live findings narrowed to those the change added, with what it fixed.
import type { AnalysisResult, Notice, SinceSummary } from '../model/types';
import { debtConcerns, violationConcerns } from '../analysis/narrowResult';
import { isInside, toRelative } from '../util/paths';
import { compareFindings, type Findings } from './compareFindings';
import type { SinceBase } from './sinceBase';

/**
 * `result` holding only what is new against `base`, the summary the reports print beside it, and
 * the findings that were already there (counted in the summary; `narrowSince` counts them again).
 * Problems of the rules file are about the rules both sides are checked with, not about the
 * change: they become notices, so they are still seen but never fail a pull request.
 */
export function keepNewSince(result: AnalysisResult, base: SinceBase): { result: AnalysisResult; since: SinceSummary; existing: Findings } {
  const rulesProblems = result.violations.filter((v) => v.ruleId === 'rules-file');
  const findings = result.violations.filter((v) => v.ruleId !== 'rules-file');
  const compared = compareFindings({ violations: findings, debt: result.debt }, base.result);
  const notices: Notice[] = rulesProblems.map((problem) => ({
    level: problem.severity === 'info' ? 'info' : 'warning',
    message: `${toRelative(result.root, problem.location.file)}:${problem.location.range.start.line}:${problem.location.range.start.column}: ${problem.message}`,
    file: problem.location.file,
  }));
  return {
    result: { ...result, violations: compared.added.violations, debt: compared.added.debt, notices: [...notices, ...result.notices] },
    since: {
      ref: base.ref,
      commit: base.commit,
      fixed: compared.fixed,
      existing: { violations: compared.existing.violations.length, debt: compared.existing.debt.length },
    },
    existing: compared.existing,
  };
}

/**
 * What was fixed in `target` only (`check --since REF DIR`), and how many of `existing` were
 * there, as `narrowResult` narrows the findings.
 */
export function narrowSince(since: SinceSummary, root: string, target: string, existing: Findings): SinceSummary {
  if (target === root || !isInside(root, target)) return since;
  return {
    ...since,
    fixed: {
      violations: since.fixed.violations.filter((v) => violationConcerns(v, target)),
      debt: since.fixed.debt.filter((d) => debtConcerns(d, target)),
    },
    existing: {
      violations: existing.violations.filter((v) => violationConcerns(v, target)).length,
      debt: existing.debt.filter((d) => debtConcerns(d, target)).length,
    },
  };
}
