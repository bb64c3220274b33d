import { compilePattern } from '../glob/pattern';
import type { NoCycleRule } from '../rules/ruleTypes';
import type { CycleStep, Edge, ReportedSeverity, Violation } from '../types';
import { targetKind, type CheckContext } from './checkContext';
import { cyclicComponents, shortestCycles } from './cycles';
import { edgeFilter } from './edgeFilter';

/**
 * `no-cycle`: each cycle is reported once, as the shortest cycle through an offending edge, on the
 * import that closes it (the step back to the cycle's first file), with every step attached.
 * `level: "layer"` looks for cycles between layers instead of files.
 */
export function checkNoCycle(rule: NoCycleRule, ctx: CheckContext): Violation[] {
  const applies = edgeFilter(rule, ctx);
  const scope = rule.scope.flatMap((ref) => {
    const compiled = compilePattern(ref.pattern);
    return compiled.ok ? [compiled.pattern] : [];
  });
  const scoped = new Map<string, boolean>();
  const inScope = (file: string): boolean => {
    if (scope.length === 0) return true;
    let inside = scoped.get(file);
    if (inside === undefined) {
      const rel = ctx.rel(file);
      inside = scope.some((pattern) => pattern.match(rel));
      scoped.set(file, inside);
    }
    return inside;
  };
  const nodeOf = rule.level === 'layer' ? (file: string) => ctx.layerOf(file) : (file: string) => file;

  // First edge between two nodes (in source order) stands for all of them in messages.
  const representative = new Map<string, Edge>();
  const adjacency = new Map<string, string[]>();
  for (const edge of ctx.edges) {
    if (targetKind(edge.to) !== 'file' || !applies(edge) || !inScope(edge.from) || !inScope(edge.to)) continue;
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === undefined || to === undefined || (rule.level === 'layer' && from === to)) continue;
    const key = `${from}\u0000${to}`;
    const known = representative.get(key);
    if (!known) {
      representative.set(key, edge);
      const list = adjacency.get(from);
      if (list) list.push(to);
      else adjacency.set(from, [to]);
    } else if (edge.from === known.from && edge.range.start.line < known.range.start.line) {
      representative.set(key, edge);
    }
  }
  for (const list of adjacency.values()) list.sort();

  const violations: Violation[] = [];
  for (const component of cyclicComponents(adjacency)) {
    for (const nodes of shortestCycles(component, adjacency)) {
      violations.push(cycleViolation(rule, nodes, representative, ctx));
    }
  }
  return violations;
}

function cycleViolation(rule: NoCycleRule, nodes: string[], representative: Map<string, Edge>, ctx: CheckContext): Violation {
  // Steps start at the closing import (last node → first node), then go round the cycle.
  const order = [nodes[nodes.length - 1], ...nodes];
  const edges: Edge[] = [];
  for (let i = 0; i < order.length - 1; i++) edges.push(representative.get(`${order[i]}\u0000${order[i + 1]}`)!);
  const steps: CycleStep[] = edges.map((edge) => ({ from: edge.from, to: edge.to, location: { file: edge.from, range: edge.range } }));
  const closing = edges[0];
  const names = rule.level === 'layer' ? order : order.map((file) => ctx.rel(file));
  const label = rule.level === 'layer' ? 'layer cycle' : 'import cycle';
  return {
    ruleId: rule.id,
    severity: rule.severity as ReportedSeverity,
    message: `${label}: ${names.join(' → ')}`,
    why: rule.why,
    location: { file: closing.from, range: closing.range },
    from: closing.from,
    to: closing.to,
    kind: closing.kind,
    cycle: steps,
  };
}
