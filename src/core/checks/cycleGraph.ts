// The graph one no-cycle rule looks at, kept between checks. For file-level rules each file's
// outgoing imports can be replaced alone; when some import now leads elsewhere, the strongly
// connected components are updated only where that edit can change them (ComponentTracker: a
// search of the whole graph per edit took up to 0.9 s at 50,000 files), and a tangle is worked out
// again (its cut, its cycles) only when its own imports changed. An edit that only moves lines
// rebuilds the findings' positions.
import { createHash } from 'node:crypto';
import { targetKind, type RuleScope } from './checkContext';
import { closingSteps } from './cycleClosers';
import { cutViolation, cycleViolation, stepOf, type RepresentativeOf } from './cycleFindings';
import { ComponentTracker, type Component } from './componentTracker';
import { shortestCycles, shortestPath, type Adjacency } from './cycles';
import { analyseTangle, type PairFacts, type TangleAnalysis } from './tangleAnalysis';
import type { NoCycleRule } from '../model/ruleTypes';
import type { Edge, KnownFindings, Notice, Tangle, Violation } from '../model/types';

export interface CycleFilter {
  applies(edge: Edge): boolean;
  inScope(file: string): boolean;
  /** The graph node of a file: itself, or its layer (undefined: in none). */
  nodeOf(file: string): string | undefined;
}

/** What a rule's graph found: findings, its tangles (file-level rules) and advice. */
export interface GraphFindings {
  violations: Violation[];
  tangles: Tangle[];
  notices: Notice[];
}

/** The first import between two nodes, and whether any import between them carries values. */
interface Pair {
  edge: Edge;
  carriesValues: boolean;
}

/** A component as last worked out: its analysis, where its cycles close, the cycle through each cut. */
interface Worked {
  analysis: TangleAnalysis;
  /** For `"report": "cycles"`: the closing step of each cycle. */
  closers: number[];
  /** For `"report": "tangles"`: per cut pair, a shortest cycle through it, the cut's importer first. */
  cutCycles: string[][];
}

/** Tangles remembered per rule: the current ones and the last few others (an undone edit, a history's steps back and forth). */
const RECENT_TANGLES = 64;

/**
 * What a compiled rule keeps across the graphs it builds (a graph is rebuilt when files come or
 * go): worked-out tangles by their signature (hashed: a large tangle's runs to hundreds of
 * kilobytes), and which imports are new since the first check.
 */
export class CycleRuleMemory {
  private readonly worked = new Map<string, Worked>();
  readonly fresh = new Map<string, Set<string>>();
  checked = false;
  constructor(readonly trackNewImports: boolean) {}

  /** The tangle with this signature as worked out before, or `work()`'s answer, kept as the most recent. */
  recall(signature: string, work: () => Worked): Worked {
    const key = createHash('sha1').update(signature).digest('base64');
    const entry = this.worked.get(key) ?? work();
    this.worked.delete(key);
    this.worked.set(key, entry);
    if (this.worked.size > RECENT_TANGLES) this.worked.delete(this.worked.keys().next().value!);
    return entry;
  }
}

export class CycleGraph {
  private readonly pairs = new Map<string, Map<string, Pair>>();
  /** The graph's nodes and targets, and its cyclic components kept up to date edit by edit. */
  private readonly tracker = new ComponentTracker();
  /** Each cyclic component as worked out, until it (or the baseline) changes. */
  private readonly worked = new Map<Component, Worked>();
  private checkedOnce = false;
  private known: KnownFindings | undefined;

  constructor(private readonly rule: NoCycleRule, private readonly filter: CycleFilter, private readonly scope: RuleScope, private readonly memory: CycleRuleMemory) {}

  /** Layers merge many files into one node, so a layer-level graph is rebuilt instead. */
  get incremental(): boolean {
    return this.rule.level !== 'layer';
  }

  addAll(edges: readonly Edge[]): void {
    const touched = new Set<string>();
    for (const edge of edges) {
      const from = this.add(edge, this.pairs);
      if (from !== undefined) touched.add(from);
    }
    for (const node of touched) this.tracker.setTargets(node, this.pairs.get(node)!.keys());
  }

  replaceFile(file: string, edges: readonly Edge[]): void {
    const before = this.pairs.get(file);
    this.pairs.delete(file);
    for (const edge of edges) if (edge.from === file) this.add(edge, this.pairs);
    const after = this.pairs.get(file);
    if (!samePairs(before, after)) {
      // Told even when only the value/type-only mix changed: the file's tangle is worked out again.
      this.tracker.setTargets(file, after?.keys() ?? []);
      if (this.memory.trackNewImports && this.memory.checked) this.noteNew(file, before, after);
    }
  }

  private noteNew(file: string, before: Map<string, Pair> | undefined, after: Map<string, Pair> | undefined): void {
    const fresh = this.memory.fresh.get(file) ?? new Set<string>();
    for (const to of after?.keys() ?? []) if (!before?.has(to)) fresh.add(to);
    for (const to of fresh) if (!after?.has(to)) fresh.delete(to);
    if (fresh.size > 0) this.memory.fresh.set(file, fresh);
    else this.memory.fresh.delete(file);
  }

  /** Takes one import in; the node it leaves from, when the rule looks at it. */
  private add(edge: Edge, pairs: Map<string, Map<string, Pair>>): string | undefined {
    const { applies, inScope, nodeOf } = this.filter;
    if (targetKind(edge.to) !== 'file' || !applies(edge) || !inScope(edge.from) || !inScope(edge.to)) return undefined;
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === undefined || to === undefined || (this.rule.level === 'layer' && from === to)) return undefined;
    let targets = pairs.get(from);
    if (!targets) pairs.set(from, (targets = new Map<string, Pair>()));
    const known = targets.get(to);
    if (!known) targets.set(to, { edge, carriesValues: !edge.typeOnly });
    else {
      if (edge.from === known.edge.from && edge.range.start.line < known.edge.range.start.line) known.edge = edge;
      if (!edge.typeOnly) known.carriesValues = true;
    }
    return from;
  }

  /** The findings; `known` is what the baseline lists, for choosing where new findings go. */
  check(known?: KnownFindings): GraphFindings {
    const { added, removed } = this.tracker.update();
    const workOut = (nodes: Component): Worked => {
      if (this.rule.level === 'layer') return this.work(nodes);
      return this.memory.recall(this.signature(nodes), () => this.work(nodes));
    };
    if (!this.checkedOnce || known !== this.known || this.rule.level === 'layer') {
      // Every tangle again: the baseline decides where cuts go (layer graphs are small, and rebuilt).
      this.known = known;
      this.worked.clear();
      for (const nodes of this.tracker.components()) this.worked.set(nodes, workOut(nodes));
    } else {
      for (const nodes of removed) this.worked.delete(nodes);
      for (const nodes of added) this.worked.set(nodes, workOut(nodes));
    }
    this.checkedOnce = true;
    this.memory.checked = true;
    return this.findings();
  }

  /** A component's own edges: each member's targets inside it, sorted. */
  private inside(nodes: Component): Adjacency {
    return this.tracker.adjacency(nodes, new Set(nodes));
  }

  private facts(from: string, to: string): PairFacts {
    const pair = this.pairs.get(from)!.get(to)!;
    return {
      typeOnly: !pair.carriesValues,
      known: this.known?.count(this.rule.id, pair.edge.from, pair.edge.to) ?? 0,
      // New: typed since the editor's first check, or not there at the merge base of --since.
      fresh: (this.memory.fresh.get(from)?.has(to) ?? false) || this.known?.existed?.(pair.edge.from, pair.edge.to) === false,
    };
  }

  /** Everything a component's analysis depends on, as text: its nodes, imports and their facts. */
  private signature(nodes: readonly string[]): string {
    const index = new Map(nodes.map((node, i) => [node, i]));
    const parts: string[] = [nodes.join('\u0000')];
    for (const from of nodes) {
      for (const to of [...this.tracker.targetsOf(from)].sort()) {
        const target = index.get(to);
        if (target === undefined) continue;
        const facts = this.facts(from, to);
        parts.push(`${index.get(from)}>${target}:${facts.typeOnly ? 't' : ''}${facts.known}${facts.fresh ? 'n' : ''}`);
      }
    }
    return parts.join(' ');
  }

  private work(nodes: Component): Worked {
    const facts = (from: string, to: string): PairFacts => this.facts(from, to);
    const adjacency = this.inside(nodes);
    if (this.rule.level === 'layer') {
      const cycles = shortestCycles(nodes, adjacency);
      return { analysis: { nodes: [...nodes], cut: [], cycles, cyclesWithoutTypeOnly: cycles.length, method: 'exact' }, closers: closingSteps(cycles, facts), cutCycles: [] };
    }
    const analysis = analyseTangle(nodes, adjacency, facts, !this.rule.allowTypeOnly);
    if (this.rule.report === 'cycles') return { analysis, closers: closingSteps(analysis.cycles, facts), cutCycles: [] };
    const members = new Set(nodes);
    // The cut import, then the shortest way back to its importer.
    const cutCycles = analysis.cut.map(([from, to]) => (from === to ? [from] : [from, ...shortestPath(to, from, adjacency, members)!.slice(0, -1)]));
    return { analysis, closers: [], cutCycles };
  }

  private findings(): GraphFindings {
    const representative: RepresentativeOf = (from, to) => this.pairs.get(from)!.get(to)!.edge;
    const nameOf = this.rule.level === 'layer' ? (node: string) => node : (file: string) => this.scope.rel(file);
    const violations: Violation[] = [];
    const tangles: Tangle[] = [];
    // In the order of each component's first file, whatever order edits made them in.
    const components = [...this.worked.keys()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const nodes of components) {
      const worked = this.worked.get(nodes)!;
      const { analysis } = worked;
      const tangle: Tangle = {
        ruleId: this.rule.id,
        files: analysis.nodes,
        cycles: analysis.cycles.length,
        cyclesWithoutTypeOnly: analysis.cyclesWithoutTypeOnly,
        cut: analysis.cut.map(([from, to]) => stepOf(representative(from, to))),
      };
      if (this.rule.level === 'file') tangles.push(tangle);
      if (this.rule.report === 'cycles' || this.rule.level === 'layer') {
        analysis.cycles.forEach((cycle, c) => violations.push(cycleViolation(this.rule, cycle, worked.closers[c], representative, nameOf)));
      } else {
        for (const cycle of worked.cutCycles) violations.push(cutViolation(this.rule, cycle, tangle, nameOf, representative));
      }
    }
    return { violations, tangles, notices: this.typeOnlyNotice(tangles) };
  }

  /** Advice when most cycles would go away if type-only imports were allowed. */
  private typeOnlyNotice(tangles: readonly Tangle[]): Notice[] {
    if (this.rule.allowTypeOnly || this.rule.level === 'layer') return [];
    const all = tangles.reduce((sum, tangle) => sum + tangle.cycles, 0);
    const left = tangles.reduce((sum, tangle) => sum + tangle.cyclesWithoutTypeOnly, 0);
    if (all === 0 || left * 2 >= all) return [];
    return [{
      level: 'info',
      file: this.rule.location.file,
      message: `rule "${this.rule.id}": ${all - left} of its ${all} cycles run through type-only imports; with "allowTypeOnly": true, ${left} would be left`,
    }];
  }
}

/** True when a file's imports lead to the same nodes, with the same value/type-only mix. */
function samePairs(a: Map<string, Pair> | undefined, b: Map<string, Pair> | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [to, pair] of a ?? []) {
    const other = b!.get(to);
    if (!other || other.carriesValues !== pair.carriesValues) return false;
  }
  return true;
}
