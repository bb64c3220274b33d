// `check DIR` below the rules file's folder, or `check FILE`: everything the rules govern is
// analysed (a cycle needs the whole graph), and the report keeps what concerns what was asked.
import type { AnalysisResult, DebtItem, Violation } from '../model/types';
import { isInside, toRelative } from '../util/paths';

/** Findings of the rules file itself: about the rules every part is checked with, so always kept. */
const RULES_FILE_FINDING = 'rules-file';

/** True when `violation` is in `target` (a file or a folder), or is a cycle passing through it. */
export function violationConcerns(violation: Violation, target: string): boolean {
  if (violation.ruleId === RULES_FILE_FINDING || isInside(target, violation.location.file)) return true;
  return violation.cycle?.some((step) => isInside(target, step.from)) ?? false;
}

export function debtConcerns(item: DebtItem, target: string): boolean {
  return isInside(target, item.file);
}

/**
 * The findings, debt and imports of `result` in `target`, and the number of analysed files there
 * (`files`: every file analysed). Unchanged when `target` is the report's root (or not inside it).
 */
export function narrowResult(result: AnalysisResult, target: string, files: readonly string[] | (() => readonly string[])): AnalysisResult {
  if (target === result.root || !isInside(result.root, target)) return result;
  const shown = toRelative(result.root, target);
  return {
    ...result,
    // Asked only here: listing every analysed file costs a pass over 50,000 paths.
    files: (typeof files === 'function' ? files() : files).filter((file) => isInside(target, file)).length,
    violations: result.violations.filter((v) => violationConcerns(v, target)),
    debt: result.debt.filter((d) => debtConcerns(d, target)),
    edges: result.edges.filter((edge) => isInside(target, edge.from)),
    notices: [...result.notices, { level: 'info', message: `showing ${shown} only; everything its rules file governs was analysed (cycles need the whole graph)` }],
  };
}
