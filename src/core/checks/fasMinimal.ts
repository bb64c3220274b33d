// Leaving out of a cut every arc it does not need: a cut is minimal when putting back any one of
// its arcs would close a cycle.
import { backwardArcs, positionsOf, type Adjacency, type ArcGraph } from './arcGraph';

/**
 * The backward arcs of `order`, less every one (heaviest first) whose ends the kept arcs do not
 * already join the other way round: it closes no cycle, so cutting it was needless. The kept arcs
 * all point forward in the order, so a path from the head back to the tail stays between their
 * places; after an arc is put back, what its head reaches there moves behind its tail, and the
 * order stays one the kept arcs follow, and comes back with the cut (its backward arcs).
 * Self-loops always stay cut.
 */
export function minimalCut(graph: ArcGraph, adjacency: Adjacency, initialOrder: readonly number[]): { arcs: number[]; order: number[] } {
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
  return { arcs: [...cut].sort((a, b) => a - b), order };
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
