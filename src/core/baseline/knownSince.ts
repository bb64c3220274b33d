// What the merge base of `check --since` (or the editor's `guardrails.newSince`) tells the checks
// that choose where a finding goes: its findings count as known, as a baseline's do, so a tangle
// keeps the cut it already had and a new import that needs cutting is what gets reported; an
// import that was not there is new, so a new cycle (and, among equal cuts, the cut) goes on it.
// Without this, a change to a big tangle could move its cut and show old imports as new findings.
import type { AnalysisResult, KnownFindings } from '../model/types';

const views = new WeakMap<AnalysisResult, Map<KnownFindings | undefined, KnownFindings>>();

/** `base`'s findings and imports, on top of what `baseline` knows (the same arguments, the same object). */
export function knownSince(base: AnalysisResult, baseline?: KnownFindings): KnownFindings {
  let byBaseline = views.get(base);
  if (!byBaseline) views.set(base, (byBaseline = new Map<KnownFindings | undefined, KnownFindings>()));
  let view = byBaseline.get(baseline);
  if (!view) {
    const counts = new Map<string, number>();
    for (const violation of base.violations) {
      const key = findingKey(violation.ruleId, violation.location.file, violation.to);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const imports = new Set(base.edges.map((edge) => importKey(edge.from, edge.to)));
    view = {
      count: (ruleId, file, to) => (counts.get(findingKey(ruleId, file, to)) ?? 0) + (baseline?.count(ruleId, file, to) ?? 0),
      existed: (file, to) => imports.has(importKey(file, to)),
    };
    byBaseline.set(baseline, view);
  }
  return view;
}

function findingKey(ruleId: string, file: string, to: string): string {
  return `${ruleId}\u0000${file}\u0000${to}`;
}

function importKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}
