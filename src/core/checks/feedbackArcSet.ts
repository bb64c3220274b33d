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
  /**
   * Small costs per arc (below TIE_SCALE in total) that only choose between cuts of the same
   * weight. The search minimises the weight first and breaks ties after, from its best order, so a
   * preference never costs a larger cut.
   */
  tieBreak?: readonly number[];
  /** An order to start from besides the greedy ones (fasKnownStart); kept on a tie, so a cut stays put. */
  start?: readonly number[];
}

/** How much one unit of weight outweighs every tie-break together. */
export const TIE_SCALE = 1_000_000;

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
  const tie = options.tieBreak;
  const combined: ArcGraph = tie ? { ...graph, weight: graph.weight.map((weight, arc) => weight * TIE_SCALE + tie[arc]) } : graph;
  const exact = graph.n <= Math.min(options.exactLimit ?? EXACT_NODE_LIMIT, EXACT_NODE_LIMIT) ? exactOrder(combined, adjacency, Math.max(budget, 2_000_000)) : undefined;
  if (exact) return { arcs: backwardArcs(combined, exact), method: 'exact' };

  const seed = options.seed ?? graph.n * 31 + graph.tail.length;
  const searchBudget = tie ? Math.round(budget * 0.75) : budget;
  const forward = new OrderSearch(graph, adjacency, greedyOrder(graph, adjacency), searchBudget);
  forward.settle([...forward.order]);
  const reversed = reverseGraph(graph);
  const backwardOrder = greedyOrder(reversed, adjacencyOf(reversed)).reverse();
  const backward = new OrderSearch(graph, adjacency, backwardOrder, forward.work);
  backward.settle([...backward.order]);
  let better = backward.cost < forward.cost ? backward : forward;
  better.work = backward.work;
  if (options.start) {
    const started = new OrderSearch(graph, adjacency, options.start, better.work);
    started.settle([...started.order]);
    if (started.cost <= better.cost) better = started;
    better.work = started.work;
  }
  better.iterate(seed, (order) => minimalCut(graph, adjacency, order).order);
  let best = minimalCut(graph, adjacency, better.order).order;
  if (tie) {
    // Ties: from the best order, only changes that lower the weight with tie-breaks are taken,
    // and one unit of weight outweighs them all, so the cut never grows.
    const refine = new OrderSearch(combined, adjacency, best, budget - searchBudget);
    refine.iterate(seed + 1, (order) => minimalCut(combined, adjacency, order).order);
    best = refine.order;
  }
  return { arcs: minimalCut(combined, adjacency, best).arcs, method: 'search' };
}

/** The Eades–Lin–Smyth cut alone: the floor the search must beat (benchmarks and tests). */
export function greedyFeedbackArcSet(graph: ArcGraph): number[] {
  return backwardArcs(graph, greedyOrder(graph, adjacencyOf(graph)));
}

function reverseGraph(graph: ArcGraph): ArcGraph {
  return { n: graph.n, tail: graph.head, head: graph.tail, weight: graph.weight };
}
