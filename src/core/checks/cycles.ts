// Cycle finding on a plain adjacency list: strongly connected components (iterative Tarjan, so a
// 20,000-file chain cannot overflow the stack), then per component the shortest cycle through each
// edge, deduplicated so each cycle is reported once.

export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** Components with a cycle in them: more than one node, or a node that imports itself. */
export function cyclicComponents(adjacency: Adjacency): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const start of adjacency.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const neighbours = adjacency.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const next = neighbours[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (adjacency.get(member) ?? []).includes(member);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components;
}

/** Breadth-first distances inside one component, with parents to rebuild the path. */
function shortestPathsFrom(source: string, adjacency: Adjacency, members: ReadonlySet<string>): Map<string, string | null> {
  const parent = new Map<string, string | null>([[source, null]]);
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const next of adjacency.get(node) ?? []) {
      if (members.has(next) && !parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  return parent;
}

/** The nodes of a shortest path from `source` to `target` inside `members`, both ends included; undefined when there is none. */
export function shortestPath(source: string, target: string, adjacency: Adjacency, members: ReadonlySet<string>): string[] | undefined {
  const parents = shortestPathsFrom(source, adjacency, members);
  if (!parents.has(target)) return undefined;
  const path: string[] = [];
  for (let node: string | null = target; node !== null; node = parents.get(node) ?? null) path.push(node);
  return path.reverse();
}

/**
 * Every distinct shortest cycle in a component: for each edge u→v, the edge plus the shortest
 * path v⇝u. Each cycle is returned once, rotated to start at its smallest node, as the list of
 * nodes visited (the closing step back to the first node is implied).
 */
export function shortestCycles(component: readonly string[], adjacency: Adjacency): string[][] {
  const members = new Set(component);
  const predecessors = new Map<string, string[]>();
  for (const u of component) {
    for (const v of adjacency.get(u) ?? []) {
      if (!members.has(v)) continue;
      const list = predecessors.get(v);
      if (list) list.push(u);
      else predecessors.set(v, [u]);
    }
  }
  const cycles = new Map<string, string[]>();
  // One search per node, used for every edge into it and then dropped: memory stays linear.
  for (const v of component) {
    const incoming = predecessors.get(v);
    if (!incoming) continue;
    const parents = shortestPathsFrom(v, adjacency, members);
    for (const u of incoming) {
      if (!parents.has(u)) continue;
      const path: string[] = [];
      for (let node: string | null = u; node !== null; node = parents.get(node) ?? null) path.push(node);
      path.reverse(); // v … u, closed by the edge u → v
      const cycle = rotateToSmallest(path);
      const key = cycle.join('\u0000');
      if (!cycles.has(key)) cycles.set(key, cycle);
    }
  }
  return [...cycles.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

function rotateToSmallest(nodes: string[]): string[] {
  let smallest = 0;
  for (let i = 1; i < nodes.length; i++) if (nodes[i] < nodes[smallest]) smallest = i;
  return [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
}
