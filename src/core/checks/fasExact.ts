// A minimum feedback arc set for small graphs, exactly: the cheapest order of the nodes by dynamic
// programming over subsets (the cost of putting node v after the set S is the weight of its arcs
// into S, which then point backwards). 2^n states, so only for a handful of nodes.
import type { Adjacency, ArcGraph } from './arcGraph';

/** Largest node count solved exactly (2^16 states, well under a millisecond per arc). */
export const EXACT_NODE_LIMIT = 16;

/** The nodes in an order whose backward arcs weigh least; undefined above the size limit. */
export function exactOrder(graph: ArcGraph, adjacency: Adjacency, budget = Infinity): number[] | undefined {
  const { n } = graph;
  const arcs = adjacency.out.reduce((sum, list) => sum + list.length, 0);
  if (n > EXACT_NODE_LIMIT || (1 << n) * (arcs + n) > budget) return undefined;
  const size = 1 << n;
  const best = new Float64Array(size).fill(Infinity);
  const last = new Int8Array(size).fill(-1);
  best[0] = 0;
  for (let set = 0; set < size; set++) {
    const base = best[set];
    if (base === Infinity) continue;
    for (let v = 0; v < n; v++) {
      if (set & (1 << v)) continue;
      let cost = base;
      for (const arc of adjacency.out[v]) if (set & (1 << graph.head[arc])) cost += graph.weight[arc];
      const next = set | (1 << v);
      if (cost < best[next]) {
        best[next] = cost;
        last[next] = v;
      }
    }
  }
  const order: number[] = [];
  for (let set = size - 1; set !== 0; set &= ~(1 << last[set])) order.push(last[set]);
  return order.reverse();
}
