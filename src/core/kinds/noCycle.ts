// `no-cycle`: each cycle is reported once, as the shortest cycle through an offending edge, on the
// import that closes it (the step back to the cycle's first file), with every step attached.
// `level: "layer"` looks for cycles between layers instead of files.
import { targetKind, type RuleScope } from '../checks/checkContext';
import { ComponentTracker, type Component } from '../checks/componentTracker';
import { shortestCycles } from '../checks/cycles';
import { edgeFilter } from '../checks/edgeFilter';
import { patternGlobs } from '../checks/unmatchedPatterns';
import { compilePatterns } from '../glob/pattern';
import { stringValue } from '../json/jsonDocument';
import { patternRefs } from '../json/readValues';
import type { NoCycleRule } from '../model/ruleTypes';
import type { CycleStep, Edge, ReportedSeverity, Violation } from '../model/types';
import type { RuleGraph, RuleKindModule } from './ruleKind';
import { plainGlobProblems } from './validation';
import { listOf } from './wording';
import { appendAll } from '../util/arrays';

export const noCycle: RuleKindModule<NoCycleRule> = {
  normalize(input) {
    const levelField = input.field('level');
    const level = stringValue(levelField?.node) === 'layer' ? 'layer' : 'file';
    if (level === 'layer' && input.layerNames.size === 0) {
      input.warning(`${input.label} checks cycles between layers, but no layers are defined`, levelField ?? input.entry);
    }
    return { ...input.base, kind: 'no-cycle', scope: patternRefs(input.field('scope')), level };
  },

  validate: (rule) => plainGlobProblems(rule.scope),

  globs: (rule) => patternGlobs(rule.scope, 'file'),

  describe: (rule) => `No dependency cycles between ${rule.level === 'layer' ? 'layers' : 'files'}${rule.scope.length > 0 ? ` in ${listOf(rule.scope)}` : ''}`,

  compile(rule, scope) {
    const applies = edgeFilter(rule, scope);
    const patterns = compilePatterns(rule.scope.map((ref) => ref.pattern));
    const scoped = new Map<string, boolean>();
    const inScope = (file: string): boolean => {
      if (patterns.length === 0) return true;
      let inside = scoped.get(file);
      if (inside === undefined) {
        const rel = scope.rel(file);
        inside = patterns.some((pattern) => pattern.match(rel));
        scoped.set(file, inside);
      }
      return inside;
    };
    const filter: CycleFilter = { applies, inScope, nodeOf: rule.level === 'layer' ? (file) => scope.layerOf(file) : (file) => file };
    return {
      on: 'graph',
      rule,
      // Only the importer is matched against the scope here, as hovers always did (the graph wants both ends).
      looksAt: (edge) => targetKind(edge.to) === 'file' && inScope(edge.from) && applies(edge),
      graph: () => new CycleGraph(rule, filter, scope),
    };
  },
};

interface CycleFilter {
  applies(edge: Edge): boolean;
  inScope(file: string): boolean;
  /** The graph node of a file: itself, or its layer (undefined: in none). */
  nodeOf(file: string): string | undefined;
}

/**
 * The graph one no-cycle rule looks at, kept between checks: for file-level rules each file's
 * outgoing imports can be replaced alone, and an edit costs the search of the components it can
 * change (ComponentTracker), not a search of every import of the workspace.
 */
class CycleGraph implements RuleGraph {
  // First edge between two nodes (in source order) stands for all of them in messages. Nested maps,
  // not joined string keys: these loops see every import of the workspace.
  private readonly representative: Representatives = new Map();
  private readonly tracker = new ComponentTracker();
  /** Each cyclic component's findings, until it changes. */
  private readonly found = new Map<Component, Violation[]>();

  constructor(private readonly rule: NoCycleRule, private readonly filter: CycleFilter, private readonly scope: RuleScope) {}

  /** Layers merge many files into one node, so a layer-level graph is rebuilt instead. */
  get incremental(): boolean {
    return this.rule.level !== 'layer';
  }

  addAll(edges: readonly Edge[]): void {
    const touched = new Set<string>();
    for (const edge of edges) {
      const from = this.add(edge);
      if (from !== undefined) touched.add(from);
    }
    for (const node of touched) this.tracker.setTargets(node, this.representative.get(node)!.keys());
  }

  replaceFile(file: string, edges: readonly Edge[]): void {
    this.representative.delete(file);
    this.addAll(edges);
    if (!this.representative.has(file)) this.tracker.setTargets(file, []);
  }

  /** Takes one import in; the node it leaves from, when the rule looks at it. */
  private add(edge: Edge): string | undefined {
    const { applies, inScope, nodeOf } = this.filter;
    if (targetKind(edge.to) !== 'file' || !applies(edge) || !inScope(edge.from) || !inScope(edge.to)) return undefined;
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === undefined || to === undefined || (this.rule.level === 'layer' && from === to)) return undefined;
    let targets = this.representative.get(from);
    if (!targets) {
      targets = new Map();
      this.representative.set(from, targets);
    }
    const known = targets.get(to);
    if (!known || (edge.from === known.from && edge.range.start.line < known.range.start.line)) targets.set(to, edge);
    return from;
  }

  findings(): Violation[] {
    const { added, removed } = this.tracker.update();
    for (const component of removed) this.found.delete(component);
    for (const component of added) {
      const adjacency = this.tracker.adjacency(component, new Set(component));
      this.found.set(component, shortestCycles(component, adjacency).map((nodes) => cycleViolation(this.rule, nodes, this.representative, this.scope)));
    }
    const violations: Violation[] = [];
    const components = [...this.found.keys()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const component of components) appendAll(violations, this.found.get(component)!);
    return violations;
  }
}

type Representatives = Map<string, Map<string, Edge>>;

function cycleViolation(rule: NoCycleRule, nodes: string[], representative: Representatives, scope: RuleScope): Violation {
  // Steps start at the closing import (last node → first node), then go round the cycle.
  const order = [nodes[nodes.length - 1], ...nodes];
  const edges: Edge[] = [];
  for (let i = 0; i < order.length - 1; i++) edges.push(representative.get(order[i])!.get(order[i + 1])!);
  const steps: CycleStep[] = edges.map((edge) => ({ from: edge.from, to: edge.to, location: { file: edge.from, range: edge.range } }));
  const closing = edges[0];
  const names = rule.level === 'layer' ? order : order.map((file) => scope.rel(file));
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
