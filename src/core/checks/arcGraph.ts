// A small weighted digraph on node numbers, for the feedback-arc-set search: nodes 0..n-1, arcs
// with a tail, a head and a non-negative integer weight (the cost of cutting the arc).

export interface ArcGraph {
  readonly n: number;
  readonly tail: readonly number[];
  readonly head: readonly number[];
  /** Cost of cutting each arc: non-negative integers (0: free, a known finding). */
  readonly weight: readonly number[];
}

/** Arc numbers leaving and entering each node (self-loops left out: they are always cut). */
export interface Adjacency {
  readonly out: readonly number[][];
  readonly in: readonly number[][];
}

export function adjacencyOf(graph: ArcGraph): Adjacency {
  const out: number[][] = Array.from({ length: graph.n }, () => []);
  const inn: number[][] = Array.from({ length: graph.n }, () => []);
  for (let arc = 0; arc < graph.tail.length; arc++) {
    if (graph.tail[arc] === graph.head[arc]) continue;
    out[graph.tail[arc]].push(arc);
    inn[graph.head[arc]].push(arc);
  }
  return { out, in: inn };
}

/** Arcs that point backwards in `order` (the feedback arc set the order stands for), self-loops included. */
export function backwardArcs(graph: ArcGraph, order: readonly number[]): number[] {
  const pos = positionsOf(order, graph.n);
  const arcs: number[] = [];
  for (let arc = 0; arc < graph.tail.length; arc++) if (pos[graph.tail[arc]] >= pos[graph.head[arc]]) arcs.push(arc);
  return arcs;
}

export function positionsOf(order: readonly number[], n: number): Int32Array {
  const pos = new Int32Array(n);
  order.forEach((node, i) => (pos[node] = i));
  return pos;
}

export function totalWeight(graph: ArcGraph, arcs: readonly number[]): number {
  let sum = 0;
  for (const arc of arcs) sum += graph.weight[arc];
  return sum;
}

/** True when the graph without `removed` arcs has no cycle (self-loops count as cycles). */
export function isAcyclicWithout(graph: ArcGraph, removed: Iterable<number>): boolean {
  const cut = new Set(removed);
  const indegree = new Int32Array(graph.n);
  const out: number[][] = Array.from({ length: graph.n }, () => []);
  for (let arc = 0; arc < graph.tail.length; arc++) {
    if (cut.has(arc)) continue;
    out[graph.tail[arc]].push(graph.head[arc]);
    indegree[graph.head[arc]]++;
  }
  const ready: number[] = [];
  for (let v = 0; v < graph.n; v++) if (indegree[v] === 0) ready.push(v);
  let seen = 0;
  while (ready.length > 0) {
    const v = ready.pop()!;
    seen++;
    for (const x of out[v]) if (--indegree[x] === 0) ready.push(x);
  }
  return seen === graph.n;
}
