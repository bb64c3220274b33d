// The greedy feedback-arc-set order of Eades, Lin and Smyth (1993), with arc weights: sinks go to
// the end, sources to the front, and otherwise the node whose outgoing weight most exceeds its
// incoming weight goes to the front. The arcs that point backwards in the order form the cut.
// Linear time in the arcs (a heap keeps the largest out-minus-in), the floor the search starts from.
import type { Adjacency, ArcGraph } from './arcGraph';

export function greedyOrder(graph: ArcGraph, adjacency: Adjacency): number[] {
  const { n } = graph;
  const removed = new Uint8Array(n);
  const outCount = new Int32Array(n);
  const inCount = new Int32Array(n);
  const delta = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outCount[v] = adjacency.out[v].length;
    inCount[v] = adjacency.in[v].length;
    for (const arc of adjacency.out[v]) delta[v] += graph.weight[arc];
    for (const arc of adjacency.in[v]) delta[v] -= graph.weight[arc];
  }
  const sinks: number[] = [];
  const sources: number[] = [];
  const heap = new MaxHeap();
  for (let v = n - 1; v >= 0; v--) {
    if (outCount[v] === 0) sinks.push(v);
    else if (inCount[v] === 0) sources.push(v);
    else heap.push(delta[v], v);
  }
  const front: number[] = [];
  const back: number[] = [];
  let remaining = n;

  const remove = (v: number): void => {
    removed[v] = 1;
    remaining--;
    for (const arc of adjacency.out[v]) {
      const x = graph.head[arc];
      if (removed[x]) continue;
      delta[x] += graph.weight[arc];
      if (--inCount[x] === 0) sources.push(x);
      else heap.push(delta[x], x);
    }
    for (const arc of adjacency.in[v]) {
      const u = graph.tail[arc];
      if (removed[u]) continue;
      delta[u] -= graph.weight[arc];
      if (--outCount[u] === 0) sinks.push(u);
      else heap.push(delta[u], u);
    }
  };

  while (remaining > 0) {
    const sink = popLive(sinks, removed);
    if (sink !== undefined) {
      back.push(sink);
      remove(sink);
      continue;
    }
    const source = popLive(sources, removed);
    if (source !== undefined) {
      front.push(source);
      remove(source);
      continue;
    }
    // Entries go stale as degrees change: the live one carries the node's current difference.
    for (;;) {
      const top = heap.pop();
      if (top === undefined) throw new Error('greedyOrder: no node left to place');
      const [key, v] = top;
      if (removed[v] || key !== delta[v]) continue;
      front.push(v);
      remove(v);
      break;
    }
  }
  return front.concat(back.reverse());
}

function popLive(stack: number[], removed: Uint8Array): number | undefined {
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (!removed[v]) return v;
  }
  return undefined;
}

/** A binary max-heap of (key, node); equal keys come out lowest node first, so the order is repeatable. */
class MaxHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] | undefined {
    if (this.keys.length === 0) return undefined;
    const top: [number, number] = [this.keys[0], this.nodes[0]];
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < this.keys.length && this.above(left, best)) best = left;
        if (right < this.keys.length && this.above(right, best)) best = right;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }

  private above(a: number, b: number): boolean {
    return this.keys[a] > this.keys[b] || (this.keys[a] === this.keys[b] && this.nodes[a] < this.nodes[b]);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.nodes[a], this.nodes[b]] = [this.nodes[b], this.nodes[a]];
  }
}
