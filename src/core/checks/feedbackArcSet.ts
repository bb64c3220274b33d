// Which arcs to cut so a strongly connected graph has no cycle left, as few (as light) as a good
// heuristic finds: the minimum feedback arc set is NP-hard, so
//   - up to EXACT_NODE_LIMIT nodes, the exact minimum (dynamic programming over subsets);
//   - above, the greedy order of Eades, Lin and Smyth from the graph and from its reverse, each
//     settled by sifting, the better one improved by an iterated local search within a work budget;
//   - then every cut arc that closes no cycle with the kept arcs is put back (the cut is minimal:
//     no arc can be left out of it).
// The search is seeded and its budget counted in work, not time: the same graph, the same cut.
import { adjacencyOf, backwardArcs, type ArcGraph } from './arcGraph';
import { minimalCut } from './fasMinimal';
import { EXACT_NODE_LIMIT, exactOrder } from './fasExact';
import { greedyOrder } from './fasGreedy';
import { OrderSearch } from './fasSearch';

export interface CutOptions {
  /** Work units for the search (about one per arc looked at); scaled to the graph by default. */
  budget?: number;
  seed?: number;
  /** Solve exactly up to this many nodes (default EXACT_NODE_LIMIT; 0 always searches). */
  exactLimit?: number;
}

export interface Cut {
  /** Arc numbers to cut, ascending. */
  arcs: number[];
  /** How it was found: `exact` is a proven minimum. */
  method: 'exact' | 'search';
}

/** The default budget: generous for tangles of a few hundred files, bounded for the largest. */
export function defaultBudget(graph: ArcGraph): number {
  return Math.min(2_000_000, Math.max(20_000, 100 * (graph.n + graph.tail.length)));
}

export function feedbackArcSet(graph: ArcGraph, options: CutOptions = {}): Cut {
  const adjacency = adjacencyOf(graph);
  const budget = options.budget ?? defaultBudget(graph);
  const exact = graph.n <= Math.min(options.exactLimit ?? EXACT_NODE_LIMIT, EXACT_NODE_LIMIT) ? exactOrder(graph, adjacency, Math.max(budget, 2_000_000)) : undefined;
  if (exact) return { arcs: backwardArcs(graph, exact), method: 'exact' };

  const forward = new OrderSearch(graph, adjacency, greedyOrder(graph, adjacency), budget);
  forward.settle([...forward.order]);
  const reversed = reverseGraph(graph);
  const backwardOrder = greedyOrder(reversed, adjacencyOf(reversed)).reverse();
  const backward = new OrderSearch(graph, adjacency, backwardOrder, forward.work);
  backward.settle([...backward.order]);
  const better = backward.cost < forward.cost ? backward : forward;
  better.work = backward.work;
  better.iterate(options.seed ?? graph.n * 31 + graph.tail.length, (order) => minimalCut(graph, adjacency, order).order);
  return { arcs: minimalCut(graph, adjacency, better.order).arcs, method: 'search' };
}

/** The Eades–Lin–Smyth cut alone: the floor the search must beat (benchmarks and tests). */
export function greedyFeedbackArcSet(graph: ArcGraph): number[] {
  return backwardArcs(graph, greedyOrder(graph, adjacencyOf(graph)));
}

function reverseGraph(graph: ArcGraph): ArcGraph {
  return { n: graph.n, tail: graph.head, head: graph.tail, weight: graph.weight };
}
