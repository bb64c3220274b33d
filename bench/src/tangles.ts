// Cycle tangles on a real code base: per tangle, the cut the product finds against the greedy
// Eades–Lin–Smyth cut and a lower bound (imports on edge-disjoint cycles, which no cut can share),
// with the time each takes; then what an edit inside the largest tangle costs the editor.
//   node bench/tangles.mjs DIR [--config FILE]
import * as path from 'node:path';
import { GuardrailsProject } from '../../src/core/analysis/project';
import { adjacencyOf, type ArcGraph } from '../../src/core/checks/arcGraph';
import { cyclicComponents } from '../../src/core/checks/cycles';
import { feedbackArcSet, greedyFeedbackArcSet } from '../../src/core/checks/feedbackArcSet';
import { NodeFileSystem } from '../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../src/core/fs/overlayFileSystem';
import { findRulesFile } from '../../src/core/rules/findRulesFile';
import { loadRules } from '../../src/core/rules/loadRules';
import type { Tangle } from '../../src/core/model/types';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = path.resolve(args[0] ?? '.');
  const configAt = args.indexOf('--config');
  const rulesFile = configAt >= 0 ? path.resolve(args[configAt + 1]) : findRulesFile(dir, new NodeFileSystem());
  if (!rulesFile) throw new Error(`no rules file for ${dir}`);
  const fs = new OverlayFileSystem(new NodeFileSystem());
  const loaded = loadRules(rulesFile, fs);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const project = new GuardrailsProject(loaded.config, fs, { today: '2026-11-27', trackNewImports: true });
  let started = performance.now();
  await project.load();
  const loadMs = performance.now() - started;
  started = performance.now();
  const result = project.check();
  const checkMs = performance.now() - started;
  const tangles = result.tangles ?? [];
  console.log(`${project.fileCount} files: load ${ms(loadMs)}, first check ${ms(checkMs)} (rules, cycles and tangles), ${tangles.length} tangles`);
  // "search cut": the search alone, as here; "reported": the cut `check` reports, whose tie-breaks
  // (new imports, the imports cycles mode closes on) run a second search from the best order.
  console.log('\n| files | imports | cycles | greedy cut | search cut | reported | lower bound | greedy | search |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const totals = { greedy: 0, search: 0, reported: 0, bound: 0 };
  for (const tangle of [...tangles].sort((a, b) => b.files.length - a.files.length)) {
    const graph = graphOf(tangle, result.edges.filter((edge) => !edge.typeOnly || !loaded.config.rules.some((rule) => rule.id === tangle.ruleId && rule.allowTypeOnly)));
    let t = performance.now();
    const greedy = greedyFeedbackArcSet(graph).length;
    const greedyMs = performance.now() - t;
    t = performance.now();
    const search = feedbackArcSet(graph);
    const searchMs = performance.now() - t;
    const bound = disjointCycles(graph);
    totals.greedy += greedy;
    totals.search += search.arcs.length;
    totals.reported += tangle.cut.length;
    totals.bound += bound;
    console.log(`| ${tangle.files.length} | ${graph.tail.length} | ${tangle.cycles} | ${greedy} | ${search.arcs.length}${search.method === 'exact' ? ' (exact)' : ''} | ${tangle.cut.length} | ${bound} | ${ms(greedyMs)} | ${ms(searchMs)} |`);
  }
  console.log(`| all | | | ${totals.greedy} | ${totals.search} | ${totals.reported} | ${totals.bound} | | |`);

  // An edit in the largest tangle: one import added between two of its files, then taken back.
  const largest = [...tangles].sort((a, b) => b.files.length - a.files.length)[0];
  if (!largest) return;
  const [from, to] = [largest.files[0], largest.files[Math.floor(largest.files.length / 2)]];
  const original = fs.readFile(from)!;
  const specifier = `./${path.relative(path.dirname(from), to).split(path.sep).join('/').replace(/\.tsx?$/, '')}`.replace(/^\.\/\.\.\//, '../');
  const times: number[] = [];
  for (let round = 0; round < 6; round++) {
    fs.setOverlay(from, round % 2 === 0 ? `import '${specifier}';\n${original}` : original);
    t0 = performance.now();
    project.updateFile(from, fs.readFile(from));
    project.check();
    times.push(performance.now() - t0);
  }
  console.log(`\nediting ${path.relative(dir, from)} (import ${specifier} added, then removed, 3 times): ${times.map(ms).join(', ')}`);
  // A body edit: positions only.
  fs.setOverlay(from, `\n${original}`);
  t0 = performance.now();
  project.updateFile(from, fs.readFile(from));
  project.check();
  console.log(`a line added above the imports: ${ms(performance.now() - t0)}`);
}

let t0 = 0;

function ms(value: number): string {
  return value < 1000 ? `${value.toFixed(1)} ms` : `${(value / 1000).toFixed(2)} s`;
}

/** The tangle's files and the imports between them, one arc per pair. */
function graphOf(tangle: Tangle, edges: readonly { from: string; to: string }[]): ArcGraph {
  const index = new Map(tangle.files.map((file, i) => [file, i]));
  const pairs = new Set<string>();
  const graph = { n: tangle.files.length, tail: [] as number[], head: [] as number[], weight: [] as number[] };
  for (const edge of edges) {
    const u = index.get(edge.from);
    const v = index.get(edge.to);
    if (u === undefined || v === undefined || pairs.has(`${u}>${v}`)) continue;
    pairs.add(`${u}>${v}`);
    graph.tail.push(u);
    graph.head.push(v);
    graph.weight.push(1);
  }
  return graph;
}

/** How many cycles with no arc in common a greedy packing finds (shortest first): no cut can be smaller. */
function disjointCycles(graph: ArcGraph): number {
  const adjacency = adjacencyOf(graph);
  const used = new Uint8Array(graph.tail.length);
  let count = 0;
  for (;;) {
    // The shortest cycle left, by a breadth-first search from each node of a cyclic component.
    const live = new Map<string, string[]>();
    for (let arc = 0; arc < graph.tail.length; arc++) {
      if (used[arc]) continue;
      const key = String(graph.tail[arc]);
      live.set(key, [...(live.get(key) ?? []), String(graph.head[arc])]);
    }
    const components = cyclicComponents(live);
    if (components.length === 0) return count;
    let best: number[] | undefined;
    for (const start of components.flatMap((component) => component.map(Number))) {
      const cycle = shortestCycleThrough(start, graph, adjacency, used);
      if (cycle && (!best || cycle.length < best.length)) best = cycle;
      if (best?.length === 1 || best?.length === 2) break;
    }
    if (!best) return count;
    for (const arc of best) used[arc] = 1;
    count++;
  }
}

function shortestCycleThrough(start: number, graph: ArcGraph, adjacency: ReturnType<typeof adjacencyOf>, used: Uint8Array): number[] | undefined {
  const via = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const arc of adjacency.out[v]) {
      if (used[arc]) continue;
      const x = graph.head[arc];
      if (x === start) {
        const arcs = [arc];
        for (let node = v; node !== start; node = graph.tail[via.get(node)!]) arcs.push(via.get(node)!);
        return arcs;
      }
      if (!via.has(x)) {
        via.set(x, arc);
        queue.push(x);
      }
    }
  }
  return undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
