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
 *
 * One breadth-first search per node, over integer ids and typed arrays, stopping once it has
 * reached every node with an edge into it: a single import can tie thousands of files into one
 * component (a shared helper importing a view), and a search per node over maps of strings took
 * half a minute on one such component of 6,800 files.
 */
export function shortestCycles(component: readonly string[], adjacency: Adjacency): string[][] {
  // Ids in name order, so comparing ids compares names (the component is sorted, as found).
  const names = [...component].sort();
  const id = new Map(names.map((name, i) => [name, i]));
  const count = names.length;
  // Each node's targets inside the component, in adjacency order (compressed rows).
  const rowStart = new Int32Array(count + 1);
  const targets: number[] = [];
  const incoming: number[][] = Array.from({ length: count }, () => []);
  for (let u = 0; u < count; u++) {
    rowStart[u] = targets.length;
    for (const name of adjacency.get(names[u]) ?? []) {
      const v = id.get(name);
      if (v === undefined) continue;
      targets.push(v);
      incoming[v].push(u);
    }
  }
  rowStart[count] = targets.length;

  const parent = new Int32Array(count);
  const seenIn = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  /** `wantedBy[u] === v`: u has an edge into v, and the search from v looks for it. */
  const wantedBy = new Int32Array(count).fill(-1);
  const cycles = new Map<string, string[]>();
  for (let v = 0; v < count; v++) {
    const into = incoming[v];
    if (into.length === 0) continue;
    // Breadth-first from v until every u with an edge u→v is reached (or all is seen).
    let wanted = 0;
    for (const u of into) {
      if (wantedBy[u] !== v && u !== v) wanted++;
      wantedBy[u] = v;
    }
    let head = 0;
    let tail = 0;
    queue[tail++] = v;
    seenIn[v] = v;
    parent[v] = -1;
    while (head < tail && wanted > 0) {
      const node = queue[head++];
      for (let k = rowStart[node]; k < rowStart[node + 1]; k++) {
        const next = targets[k];
        if (seenIn[next] === v) continue;
        seenIn[next] = v;
        parent[next] = node;
        queue[tail++] = next;
        if (wantedBy[next] === v && --wanted === 0) break;
      }
    }
    for (const u of into) {
      if (seenIn[u] !== v) continue;
      const path: number[] = [];
      for (let node = u; node !== -1; node = parent[node]) path.push(node);
      path.reverse(); // v … u, closed by the edge u → v
      const cycle = rotateToSmallest(path);
      const key = cycle.join(',');
      if (!cycles.has(key)) cycles.set(key, cycle.map((node) => names[node]));
    }
  }
  // Shortest first, then by the names joined (each join made once, not once per comparison).
  const keyed = [...cycles.values()].map((cycle) => ({ cycle, text: cycle.join() }));
  keyed.sort((a, b) => a.cycle.length - b.cycle.length || a.text.localeCompare(b.text));
  return keyed.map(({ cycle }) => cycle);
}

function rotateToSmallest(nodes: number[]): number[] {
  let smallest = 0;
  for (let i = 1; i < nodes.length; i++) if (nodes[i] < nodes[smallest]) smallest = i;
  return [...nodes.slice(smallest), ...nodes.slice(0, smallest)];
}
