// One tangle of a file-level cycle graph (a strongly connected component with a cycle), worked out
// once and kept while its imports stay the same: the imports to cut, its shortest cycles, and how
// many of those would be left without type-only imports.
import type { ArcGraph } from './arcGraph';
import { cyclicComponents, shortestCycles, type Adjacency } from './cycles';
import { feedbackArcSet } from './feedbackArcSet';
import { knownCutStart } from './fasKnownStart';

/** What the tangle's analysis needs to know of the imports from one file to another. */
export interface PairFacts {
  /** Every import between the two files is type-only. */
  typeOnly: boolean;
  /** Findings the baseline lists on these imports. */
  known: number;
  /** Added since the editor's first check (the import a developer just wrote). */
  fresh: boolean;
}

export interface TangleAnalysis {
  /** Sorted. */
  nodes: string[];
  /** Pairs [from, to] to cut, sorted. */
  cut: [string, string][];
  /** The shortest cycles, each a list of nodes from its smallest (the step back to it implied), sorted. */
  cycles: string[][];
  cyclesWithoutTypeOnly: number;
  method: 'exact' | 'search';
}

/**
 * The cost of cutting the imports between two files: nothing for imports the baseline (or the
 * merge base of --since) lists, which are known findings, so a tangle keeps the cut it had and
 * only what is new is counted; the same for every other pair. Among cuts of the same cost,
 * the tie-break prefers imports just written (a new cycle is reported where it was made), then
 * imports that close a cycle in `"report": "cycles"` (the step back to its smallest file), so on a
 * simple tangle both modes report the same imports and a baseline taken in one still matches.
 */
export function cutCost(facts: PairFacts, closesACycle: boolean): { weight: number; tieBreak: number } {
  return { weight: facts.known > 0 ? 0 : 1_000, tieBreak: (facts.fresh ? 0 : 2) + (closesACycle ? 0 : 1) };
}

/**
 * The analysis of one tangle: `nodes` sorted, `adjacency` the rule's whole graph (sorted lists),
 * `facts` for each pair inside the tangle. `countTypeOnly`: type-only imports are in the graph,
 * so the count without them is worth knowing.
 */
export function analyseTangle(nodes: readonly string[], adjacency: Adjacency, facts: (from: string, to: string) => PairFacts, countTypeOnly: boolean): TangleAnalysis {
  const members = new Set(nodes);
  const index = new Map(nodes.map((node, i) => [node, i]));
  const graph = { n: nodes.length, tail: [] as number[], head: [] as number[], weight: [] as number[] } satisfies ArcGraph;
  const tieBreak: number[] = [];
  const inside: Map<string, string[]> = new Map();
  for (const from of nodes) inside.set(from, (adjacency.get(from) ?? []).filter((to) => members.has(to)));
  const cycles = shortestCycles(nodes, inside);
  const closers = new Set(cycles.map((cycle) => `${cycle[cycle.length - 1]}\u0000${cycle[0]}`));
  const withoutTypeOnly: Map<string, string[]> = new Map();
  for (const [from, targets] of inside) {
    const valueTargets: string[] = [];
    for (const to of targets) {
      const pair = facts(from, to);
      graph.tail.push(index.get(from)!);
      graph.head.push(index.get(to)!);
      const cost = cutCost(pair, closers.has(`${from}\u0000${to}`));
      graph.weight.push(cost.weight);
      tieBreak.push(cost.tieBreak);
      if (!pair.typeOnly) valueTargets.push(to);
    }
    withoutTypeOnly.set(from, valueTargets);
  }
  const found = feedbackArcSet(graph, { tieBreak, start: knownCutStart(graph, tieBreak) });
  const cut = found.arcs.map((arc): [string, string] => [nodes[graph.tail[arc]], nodes[graph.head[arc]]]);
  cut.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  let cyclesWithoutTypeOnly = cycles.length;
  if (countTypeOnly) {
    cyclesWithoutTypeOnly = 0;
    for (const component of cyclicComponents(withoutTypeOnly)) cyclesWithoutTypeOnly += shortestCycles(component, withoutTypeOnly).length;
  }
  return { nodes: [...nodes], cut, cycles, cyclesWithoutTypeOnly, method: found.method };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
