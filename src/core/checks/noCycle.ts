import { compilePatterns } from '../glob/pattern';
import type { NoCycleRule } from '../model/ruleTypes';
import type { CycleStep, Edge, ReportedSeverity, Violation } from '../model/types';
import { targetKind, type CheckContext } from './checkContext';
import { cyclicComponents, shortestCycles } from './cycles';
import { edgeFilter } from './edgeFilter';

/**
 * `no-cycle`: each cycle is reported once, as the shortest cycle through an offending edge, on the
 * import that closes it (the step back to the cycle's first file), with every step attached.
 * `level: "layer"` looks for cycles between layers instead of files.
 *
 * The graph one no-cycle rule looks at, kept between checks: for file-level rules each file's
 * outgoing imports can be replaced alone, so an edit costs the cycle search, not a rebuild from
 * every import of the workspace.
 */
export class CycleIndex {
  // First edge between two nodes (in source order) stands for all of them in messages. Nested maps,
  // not joined string keys: these loops see every import of the workspace.
  private readonly representative: Representatives = new Map();
  private readonly applies: (edge: Edge) => boolean;
  private readonly inScope: (file: string) => boolean;

  constructor(private readonly rule: NoCycleRule, ctx: CheckContext) {
    this.applies = edgeFilter(rule, ctx);
    const scope = compilePatterns(rule.scope.map((ref) => ref.pattern));
    const scoped = new Map<string, boolean>();
    this.inScope = (file) => {
      if (scope.length === 0) return true;
      let inside = scoped.get(file);
      if (inside === undefined) {
        const rel = ctx.rel(file);
        inside = scope.some((pattern) => pattern.match(rel));
        scoped.set(file, inside);
      }
      return inside;
    };
    this.nodeOf = rule.level === 'layer' ? (file) => ctx.layerOf(file) : (file) => file;
  }

  private readonly nodeOf: (file: string) => string | undefined;

  /** True when single files can be replaced (file-level rules; layers merge many files into one node). */
  get incremental(): boolean {
    return this.rule.level !== 'layer';
  }

  addAll(edges: readonly Edge[]): void {
    for (const edge of edges) this.add(edge);
  }

  /** A file's imports changed (file-level rules only): its node's outgoing edges are rebuilt. */
  replaceFile(file: string, edges: readonly Edge[]): void {
    this.representative.delete(file);
    this.addAll(edges);
  }

  private add(edge: Edge): void {
    if (targetKind(edge.to) !== 'file' || !this.applies(edge) || !this.inScope(edge.from) || !this.inScope(edge.to)) return;
    const from = this.nodeOf(edge.from);
    const to = this.nodeOf(edge.to);
    if (from === undefined || to === undefined || (this.rule.level === 'layer' && from === to)) return;
    let targets = this.representative.get(from);
    if (!targets) {
      targets = new Map();
      this.representative.set(from, targets);
    }
    const known = targets.get(to);
    if (!known || (edge.from === known.from && edge.range.start.line < known.range.start.line)) targets.set(to, edge);
  }

  cycles(ctx: CheckContext): Violation[] {
    const adjacency = new Map<string, string[]>();
    for (const [from, targets] of this.representative) if (targets.size > 0) adjacency.set(from, [...targets.keys()].sort());
    const violations: Violation[] = [];
    for (const component of cyclicComponents(adjacency)) {
      for (const nodes of shortestCycles(component, adjacency)) violations.push(cycleViolation(this.rule, nodes, this.representative, ctx));
    }
    return violations;
  }
}

type Representatives = Map<string, Map<string, Edge>>;

function cycleViolation(rule: NoCycleRule, nodes: string[], representative: Representatives, ctx: CheckContext): Violation {
  // Steps start at the closing import (last node → first node), then go round the cycle.
  const order = [nodes[nodes.length - 1], ...nodes];
  const edges: Edge[] = [];
  for (let i = 0; i < order.length - 1; i++) edges.push(representative.get(order[i])!.get(order[i + 1])!);
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
