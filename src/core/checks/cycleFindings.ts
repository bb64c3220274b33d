// The findings of a no-cycle rule, built from the nodes of a cycle and the first import between
// each two of them: one per cycle (`"report": "cycles"`), or one per import to cut in a tangle.
import type { NoCycleRule } from '../model/ruleTypes';
import type { CycleStep, Edge, ReportedSeverity, Tangle, Violation } from '../model/types';

/** The first import (in source order) from one node to the other. */
export type RepresentativeOf = (from: string, to: string) => Edge;

/** The steps round a cycle, starting with the import from `nodes[start]` to the node after it. */
export function cycleSteps(nodes: readonly string[], start: number, representative: RepresentativeOf): CycleStep[] {
  const steps: CycleStep[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const edge = representative(nodes[(start + k) % nodes.length], nodes[(start + k + 1) % nodes.length]);
    steps.push(stepOf(edge));
  }
  return steps;
}

export function stepOf(edge: Edge): CycleStep {
  return { from: edge.from, to: edge.to, location: { file: edge.from, range: edge.range } };
}

/** A cycle's finding, on the import of step `start` (the closing import). */
export function cycleViolation(rule: NoCycleRule, nodes: readonly string[], start: number, representative: RepresentativeOf, nameOf: (node: string) => string, suffix = ''): Violation {
  const steps = cycleSteps(nodes, start, representative);
  const names = [...steps.map((_, k) => nodes[(start + k) % nodes.length]), nodes[start]].map(nameOf);
  const closing = representative(nodes[start], nodes[(start + 1) % nodes.length]);
  return {
    ruleId: rule.id,
    severity: rule.severity as ReportedSeverity,
    message: `${rule.level === 'layer' ? 'layer cycle' : 'import cycle'}: ${names.join(' → ')}${suffix}`,
    why: rule.why,
    location: { file: closing.from, range: closing.range },
    from: closing.from,
    to: closing.to,
    kind: closing.kind,
    cycle: steps,
  };
}

/**
 * A tangle's finding on one import to cut: the shortest cycle through it (`cycle`: that import's
 * importer first, ending with the step back to it), how big the tangle is, and the other cuts.
 */
export function cutViolation(rule: NoCycleRule, cycle: readonly string[], tangle: Tangle, nameOf: (node: string) => string, representative: RepresentativeOf): Violation {
  const own = representative(cycle[0], cycle[1 % cycle.length]);
  const others = tangle.cut.filter((step) => step.from !== own.from || step.to !== own.to);
  const violation = cycleViolation(rule, cycle, 0, representative, nameOf, tangleSuffix(tangle, cycle.length));
  violation.tangle = { files: tangle.files.length, cycles: tangle.cycles, cut: [stepOf(own), ...others] };
  return violation;
}

/** Nothing for a lone cycle; otherwise how much this cut is part of. */
function tangleSuffix(tangle: Tangle, cycleLength: number): string {
  const files = tangle.files.length;
  const cut = tangle.cut.length;
  if (cut === 1 && tangle.cycles <= 1 && files === cycleLength) return '';
  const what = `${files} files with ${tangle.cycles} ${tangle.cycles === 1 ? 'cycle' : 'cycles'}`;
  return cut === 1 ? ` (cutting this import untangles ${what})` : ` (cut 1 of ${cut} imports to untangle ${what})`;
}
