// Improving an order of the nodes, so that fewer (lighter) arcs point backwards: each node is moved
// to the best place in the order given the others ("sifting", a 1-opt move), first for every node,
// then again for the neighbours of nodes that moved, until no move helps. An iterated local search
// then kicks the order (moves the tail of a backward arc in front of its head, or a node anywhere)
// and settles it again, keeping the best order seen. All randomness is seeded: the same graph gets
// the same order. The work is counted, not timed, so the result does not depend on the machine.
import { positionsOf, type Adjacency, type ArcGraph } from './arcGraph';
import { seededRandom } from '../util/seededRandom';

export class OrderSearch {
  readonly order: number[];
  private pos: Int32Array;
  private currentCost: number;
  /** Work units left: one per arc looked at or position shifted. */
  work: number;
  /** Scratch space for `sift`: its events (gap, change of cost). */
  private readonly gaps: Int32Array;
  private readonly deltas: Float64Array;
  private readonly queued: Uint8Array;

  constructor(private readonly graph: ArcGraph, private readonly adjacency: Adjacency, order: readonly number[], budget: number) {
    this.order = [...order];
    this.pos = positionsOf(this.order, graph.n);
    this.work = budget;
    this.currentCost = this.fullCost();
    let degree = 1;
    for (let v = 0; v < graph.n; v++) degree = Math.max(degree, adjacency.out[v].length + adjacency.in[v].length);
    this.gaps = new Int32Array(degree);
    this.deltas = new Float64Array(degree);
    this.queued = new Uint8Array(graph.n);
  }

  get cost(): number {
    return this.currentCost;
  }

  private fullCost(): number {
    let sum = 0;
    for (let arc = 0; arc < this.graph.tail.length; arc++) {
      const u = this.graph.tail[arc];
      const v = this.graph.head[arc];
      if (u !== v && this.pos[u] > this.pos[v]) sum += this.graph.weight[arc];
    }
    return sum;
  }

  /** Weight of the backward arcs at `v` where it stands. */
  private contribution(v: number): number {
    const { graph, adjacency, pos } = this;
    let sum = 0;
    for (const arc of adjacency.in[v]) if (pos[graph.tail[arc]] > pos[v]) sum += graph.weight[arc];
    for (const arc of adjacency.out[v]) if (pos[graph.head[arc]] < pos[v]) sum += graph.weight[arc];
    this.work -= adjacency.in[v].length + adjacency.out[v].length;
    return sum;
  }

  /** Moves `v` to index `to` of the order, keeping the others' relative order. */
  moveNode(v: number, to: number): void {
    const from = this.pos[v];
    if (from === to) return;
    const before = this.contribution(v);
    this.order.splice(from, 1);
    this.order.splice(to, 0, v);
    for (let i = Math.min(from, to); i <= Math.max(from, to); i++) this.pos[this.order[i]] = i;
    this.work -= Math.abs(to - from);
    this.currentCost += this.contribution(v) - before;
  }

  /** Moves `v` to its best place given the others; true when that lowered the cost. */
  sift(v: number): boolean {
    const { graph, adjacency, pos } = this;
    const here = pos[v];
    // Gap g puts v after the first g other nodes. An in-neighbour at reduced index q stops
    // counting from gap q + 1 on; an out-neighbour starts counting there.
    const { gaps, deltas } = this;
    let count = 0;
    let cost = 0;
    for (const arc of adjacency.in[v]) {
      const q = pos[graph.tail[arc]];
      gaps[count] = (q > here ? q - 1 : q) + 1;
      deltas[count++] = -graph.weight[arc];
      cost += graph.weight[arc];
    }
    for (const arc of adjacency.out[v]) {
      const q = pos[graph.head[arc]];
      gaps[count] = (q > here ? q - 1 : q) + 1;
      deltas[count++] = graph.weight[arc];
    }
    sortEvents(gaps, deltas, count);
    this.work -= count * 2 + 1;
    let hereCost = here === 0 ? cost : Number.NaN;
    let best = cost;
    let bestGap = 0;
    for (let i = 0; i < count; ) {
      const gap = gaps[i];
      if (here < gap && Number.isNaN(hereCost)) hereCost = cost;
      while (i < count && gaps[i] === gap) cost += deltas[i++];
      if (here === gap) hereCost = cost;
      if (cost < best) {
        best = cost;
        bestGap = gap;
      }
    }
    if (Number.isNaN(hereCost)) hereCost = cost;
    if (best >= hereCost) return false;
    this.moveNode(v, bestGap);
    return true;
  }

  /** Sifts the queued nodes, and the neighbours of every node that moved, until nothing moves. */
  settle(queue: number[]): void {
    const { queued } = this;
    for (const v of queue) queued[v] = 1;
    let head = 0;
    for (; head < queue.length && this.work > 0; head++) {
      const v = queue[head];
      queued[v] = 0;
      if (!this.sift(v)) continue;
      this.enqueueNeighbours(v, queue);
    }
    for (; head < queue.length; head++) queued[queue[head]] = 0;
  }

  private enqueueNeighbours(v: number, queue: number[]): void {
    for (const arc of this.adjacency.out[v]) this.enqueue(this.graph.head[arc], queue);
    for (const arc of this.adjacency.in[v]) this.enqueue(this.graph.tail[arc], queue);
  }

  private enqueue(v: number, queue: number[]): void {
    if (this.queued[v]) return;
    this.queued[v] = 1;
    queue.push(v);
  }

  /**
   * Iterated local search from the current order; leaves the best order found in `order`.
   * `tighten` turns a new best order into one with no needless backward arc (see fasMinimal).
   */
  iterate(seed: number, tighten?: (order: readonly number[]) => number[]): void {
    this.settle([...this.order]);
    const random = seededRandom(seed);
    let best = [...this.order];
    let bestCost = this.currentCost;
    const n = this.graph.n;
    while (this.work > 0 && bestCost > 0) {
      const queue: number[] = [];
      for (const v of this.kick(random)) {
        this.enqueue(v, queue);
        this.enqueueNeighbours(v, queue);
      }
      for (const v of queue) this.queued[v] = 0;
      this.settle(queue);
      if (this.currentCost < bestCost) {
        if (tighten) this.adopt(tighten(this.order));
        best = this.order.slice();
        bestCost = this.currentCost;
        this.work -= n;
      } else if (this.currentCost > bestCost) {
        this.restore(best, bestCost);
      }
    }
    this.restore(best, bestCost);
  }

  /** A random change: usually the tail of a backward arc moved in front of its head. */
  private kick(random: () => number): number[] {
    const n = this.graph.n;
    if (random() < 0.75) {
      const backward = this.someBackwardArc(random);
      if (backward !== undefined) {
        const u = this.graph.tail[backward];
        const v = this.graph.head[backward];
        // Turn the arc forward: its tail just in front of its head, or its head just behind its tail.
        if (random() < 0.5) this.moveNode(u, this.pos[v]);
        else this.moveNode(v, this.pos[u]);
        return [u, v];
      }
    }
    const v = Math.floor(random() * n);
    this.moveNode(v, Math.floor(random() * n));
    return [v];
  }

  private someBackwardArc(random: () => number): number | undefined {
    const arcs = this.graph.tail.length;
    const start = Math.floor(random() * arcs);
    for (let k = 0; k < arcs; k++) {
      const arc = (start + k) % arcs;
      const u = this.graph.tail[arc];
      const v = this.graph.head[arc];
      if (u !== v && this.pos[u] > this.pos[v]) {
        this.work -= k + 1;
        return arc;
      }
    }
    this.work -= arcs;
    return undefined;
  }

  /** Takes another order (as good or better) as the current one. */
  private adopt(order: readonly number[]): void {
    for (let i = 0; i < order.length; i++) this.order[i] = order[i];
    this.pos = positionsOf(this.order, this.graph.n);
    this.currentCost = this.fullCost();
    this.work -= this.graph.n + this.graph.tail.length;
  }

  private restore(order: readonly number[], cost: number): void {
    for (let i = 0; i < order.length; i++) this.order[i] = order[i];
    this.pos = positionsOf(this.order, this.graph.n);
    this.currentCost = cost;
    this.work -= order.length;
  }
}

/** Sorts the first `count` events by gap: in place for the usual few, through an index for hubs. */
function sortEvents(gaps: Int32Array, deltas: Float64Array, count: number): void {
  if (count <= 32) {
    for (let i = 1; i < count; i++) {
      const gap = gaps[i];
      const delta = deltas[i];
      let j = i;
      for (; j > 0 && gaps[j - 1] > gap; j--) {
        gaps[j] = gaps[j - 1];
        deltas[j] = deltas[j - 1];
      }
      gaps[j] = gap;
      deltas[j] = delta;
    }
    return;
  }
  // A typed array sorts numbers natively: each key is the gap with the event's index below it.
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = gaps[i] * count + i;
  keys.sort();
  const oldDeltas = deltas.slice(0, count);
  for (let i = 0; i < count; i++) {
    const from = keys[i] % count;
    gaps[i] = (keys[i] - from) / count;
    deltas[i] = oldDeltas[from];
  }
}
