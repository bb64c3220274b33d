// Which arcs to cut so a strongly connected graph has no cycle left, as few (as light) as a good
// heuristic finds: the minimum feedback arc set is NP-hard, so
//   - up to EXACT_NODE_LIMIT nodes, the exact minimum (dynamic programming over subsets);
//   - above, the greedy order of Eades, Lin and Smyth from the graph and from its reverse, each
//     settled by sifting, the better one improved by an iterated local search within a work budget;
//   - then every cut arc that closes no cycle with the kept arcs is put back (the cut is minimal:
//     no arc can be left out of it).
// The search is seeded and its budget counted in work, not time: the same graph, the same cut.
import { adjacencyOf, backwardArcs, positionsOf, type Adjacency, type ArcGraph } from './arcGraph';
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
  return Math.min(4_000_000, Math.max(100_000, 300 * (graph.n + graph.tail.length)));
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
  better.iterate(options.seed ?? graph.n * 31 + graph.tail.length);
  return { arcs: minimalCut(graph, adjacency, better.order), method: 'search' };
}

/** The Eades–Lin–Smyth cut alone: the floor the search must beat (benchmarks and tests). */
export function greedyFeedbackArcSet(graph: ArcGraph): number[] {
  return backwardArcs(graph, greedyOrder(graph, adjacencyOf(graph)));
}

function reverseGraph(graph: ArcGraph): ArcGraph {
  return { n: graph.n, tail: graph.head, head: graph.tail, weight: graph.weight };
}

/**
 * The backward arcs of `order`, less every one (heaviest first) whose ends the kept arcs do not
 * already join the other way round: it closes no cycle, so cutting it was needless. The kept arcs
 * all point forward in the order, so a path from the head back to the tail stays between their
 * places; after an arc is put back, what its head reaches there moves behind its tail, and the
 * order stays one the kept arcs follow. Self-loops always stay cut.
 */
export function minimalCut(graph: ArcGraph, adjacency: Adjacency, initialOrder: readonly number[]): number[] {
  const order = [...initialOrder];
  const pos = positionsOf(order, graph.n);
  const cut = new Set(backwardArcs(graph, order));
  const candidates = [...cut].sort((a, b) => graph.weight[b] - graph.weight[a] || a - b);
  const seen = new Int32Array(graph.n);
  let stamp = 0;
  for (const arc of candidates) {
    const from = graph.tail[arc];
    const to = graph.head[arc];
    if (from === to) continue;
    stamp++;
    const reached = reachedBetween(to, pos[from], graph, adjacency, cut, pos, seen, stamp);
    if (reached === undefined) continue;
    cut.delete(arc);
    // Between the head's and the tail's places: first what the head does not reach (the tail
    // among them), then what it does, each in its old order.
    const start = pos[to];
    const end = pos[from];
    const stay: number[] = [];
    const moved: number[] = [];
    for (let i = start; i <= end; i++) (seen[order[i]] === stamp ? moved : stay).push(order[i]);
    [...stay, ...moved].forEach((node, i) => {
      order[start + i] = node;
      pos[node] = start + i;
    });
  }
  return [...cut].sort((a, b) => a - b);
}

/** The nodes `start` reaches through kept arcs without passing `limit`; undefined when that includes the node at `limit`. */
function reachedBetween(start: number, limit: number, graph: ArcGraph, adjacency: Adjacency, cut: ReadonlySet<number>, pos: Int32Array, seen: Int32Array, stamp: number): number[] | undefined {
  const stack = [start];
  const reached: number[] = [];
  seen[start] = stamp;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (pos[v] === limit) return undefined;
    reached.push(v);
    for (const arc of adjacency.out[v]) {
      if (cut.has(arc)) continue;
      const x = graph.head[arc];
      if (seen[x] !== stamp && pos[x] <= limit) {
        seen[x] = stamp;
        stack.push(x);
      }
    }
  }
  return reached;
}
