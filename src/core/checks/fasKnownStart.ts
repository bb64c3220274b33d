// Where the search for a tangle's cut starts when some arcs cost nothing (cuts the baseline or the
// merge base of --since already lists): from keeping every one of them cut and cutting as little as
// possible of the rest. A branch that adds one import to a tangle of hundreds of files then starts
// one arc away from the answer, instead of searching the whole tangle over free arcs (a plateau
// where a local search loses its way and can land on old imports the branch never touched).
import { type ArcGraph } from './arcGraph';
import { feedbackArcSet } from './feedbackArcSet';

/** An order whose backward arcs are the free arcs and a small cut of the others; undefined when no arc is free. */
export function knownCutStart(graph: ArcGraph, tieBreak?: readonly number[]): number[] | undefined {
  const paid: number[] = [];
  for (let arc = 0; arc < graph.tail.length; arc++) if (graph.weight[arc] > 0) paid.push(arc);
  if (paid.length === graph.tail.length) return undefined;
  const rest: ArcGraph = { n: graph.n, tail: paid.map((arc) => graph.tail[arc]), head: paid.map((arc) => graph.head[arc]), weight: paid.map((arc) => graph.weight[arc]) };
  const restCut = new Set(feedbackArcSet(rest, { tieBreak: tieBreak && paid.map((arc) => tieBreak[arc]) }).arcs.map((i) => paid[i]));
  // What is left once the free arcs and that cut are removed has no cycle: its topological order.
  const indegree = new Int32Array(graph.n);
  const out: number[][] = Array.from({ length: graph.n }, () => []);
  for (const arc of paid) {
    if (restCut.has(arc) || graph.tail[arc] === graph.head[arc]) continue;
    out[graph.tail[arc]].push(graph.head[arc]);
    indegree[graph.head[arc]]++;
  }
  const order: number[] = [];
  const ready: number[] = [];
  for (let v = graph.n - 1; v >= 0; v--) if (indegree[v] === 0) ready.push(v);
  while (ready.length > 0) {
    const v = ready.pop()!;
    order.push(v);
    for (const x of out[v]) if (--indegree[x] === 0) ready.push(x);
  }
  return order.length === graph.n ? order : undefined;
}
