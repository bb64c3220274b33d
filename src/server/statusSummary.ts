// What the client's status bar shows after every analysis or change: counts of the findings that
// are live (not baselined, not already there with guardrails.newSince), debt, and the notices.
import type { NewCodeBases } from './newCode';
import type { StatusSummary } from './protocol';
import type { WindowHolds } from './windowHolds';
import type { WorkspaceAnalysis } from './workspaceAnalysis';

export function statusSummary(analysis: WorkspaceAnalysis, newCode: NewCodeBases, holds: WindowHolds, generation: number): StatusSummary {
  const results = analysis.results().map((entry) => entry.result);
  // With guardrails.newSince, findings that were already there count as the baselined ones do: not at all.
  const existing = newCode.existing();
  const live = [
    ...results.flatMap((result) => result.violations.filter((violation) => !violation.baselined && !existing?.violations.has(violation))),
    ...holds.regressed().filter((regressed) => !regressed.existing).map((regressed) => regressed.violation),
  ];
  return {
    state: analysis.state,
    errors: live.filter((violation) => violation.severity === 'error').length,
    warnings: live.filter((violation) => violation.severity === 'warning').length,
    debt: results.reduce((sum, result) => sum + result.debt.length, 0),
    overdue: results.reduce((sum, result) => sum + result.debt.filter((item) => item.overdue).length, 0),
    rulesBroken: analysis.folderAnalyses().some((folder) => folder.rulesProblems.some((problem) => problem.severity === 'error')),
    rulesFiles: results.length,
    files: results.reduce((sum, result) => sum + result.files, 0),
    notices: [...newCode.notices(), ...analysis.folderAnalyses().flatMap((folder) => folder.notices()).filter((notice) => notice.level === 'warning')],
    generation,
  };
}
