// Warm re-check after one edit, as the language server does it: one AnalysisSession stays loaded
// over the editor's file system (unsaved buffers over the disk), and each edit goes to
// `applyChanges` with the buffer's new text, which re-reads that file and checks its project
// again (rules, suppressions, baseline). Three edits rotate: a body edit, an added import that
// closes a new cycle, and its removal.
import * as path from 'node:path';
import { AnalysisSession } from '../../src/core/analysis/session';
import { NodeFileSystem } from '../../src/core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../src/core/fs/overlayFileSystem';
import type { Edge } from '../../src/core/model/types';
import { percentile } from './measure';

export type EditKind = 'body' | 'add-cycle' | 'remove-cycle';

export interface IncrementalResult {
  files: number;
  /** Opening and loading the session (discovery, parsing, resolution, first check). */
  loadMs: number;
  /** `applyChanges` per edit (warm-up edits left out). */
  samplesMs: number[];
  p50: number;
  p95: number;
  byKind: Record<EditKind, { p50: number; p95: number }>;
  /** CPU time of the process per edit (all its threads): what a busy machine's wall time hides. */
  cpuP50: number;
  cpuP95: number;
  /** Cycle findings were added by each add-cycle edit and gone after each removal. */
  cyclesTracked: boolean;
  heapMb: number;
}

export async function measureIncremental(root: string, today: string, rounds = 20, warmup = 2): Promise<IncrementalResult> {
  const disk = new NodeFileSystem();
  const fs = new OverlayFileSystem(disk);
  const started = performance.now();
  const session = AnalysisSession.openFolder(root, { fs, today, keepBaselines: true, baseline: false });
  if (!(await session.load())) throw new Error(`${root}: the session did not load`);
  const loadMs = performance.now() - started;
  if (session.problems.some((problem) => problem.severity === 'error')) throw new Error(`rules of ${root} do not load: ${session.problems.map((p) => p.message).join('; ')}`);

  /** Each reported cycle as its sorted files: the state of cycle findings, comparable across edits. */
  const cycleKeys = (): Set<string> => new Set(session.results().flatMap(({ result }) =>
    result.violations.filter((v) => v.cycle !== undefined).map((v) => [...new Set(v.cycle!.map((step) => step.from))].sort().join('\u0000'))));
  const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((k) => b.has(k));
  const baseCycles = cycleKeys();

  // File-to-file edges inside one project whose reverse does not exist yet: adding the reverse import closes a cycle.
  const candidates: Edge[] = [];
  for (const { project } of session.results()) {
    const edges = project.allEdges();
    const pairs = new Set(edges.map((e) => `${e.from}\u0000${e.to}`));
    for (const e of edges) if (project.hasFile(e.to) && e.to !== e.from && !pairs.has(`${e.to}\u0000${e.from}`)) candidates.push(e);
  }
  if (candidates.length === 0) throw new Error(`${root}: no edge to close a cycle with`);
  const step = Math.max(1, Math.floor(candidates.length / (rounds + warmup)));

  const samples: { kind: EditKind; total: number; cpu: number }[] = [];
  let cyclesTracked = true;
  // As the server: the buffer's text goes to the overlay (what other files' resolution sees) and to the session.
  const edit = (kind: EditKind, file: string, text: string, record: boolean): void => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    fs.setOverlay(file, text);
    session.applyChanges([{ file, text }]);
    const cpu = process.cpuUsage(cpu0);
    if (record) samples.push({ kind, total: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 });
  };

  for (let round = 0; round < rounds + warmup; round++) {
    const record = round >= warmup;
    const edge = candidates[(round * step) % candidates.length];
    // A body edit of the importing file, then undone.
    const fromText = disk.readFile(edge.from)!;
    edit('body', edge.from, `${fromText}\nexport const benchEdit${round} = ${round};\n`, record);
    edit('body', edge.from, fromText, false);
    // The imported file imports its importer back: a new cycle, then gone again.
    const toText = disk.readFile(edge.to)!;
    let specifier = path.relative(path.dirname(edge.to), edge.from).split(path.sep).join('/').replace(/\.[cm]?tsx?$/, '');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    edit('add-cycle', edge.to, `import '${specifier}';\n${toText}`, record);
    const twoCycle = [edge.from, edge.to].sort().join('\u0000');
    const added = cycleKeys().has(twoCycle);
    edit('remove-cycle', edge.to, toText, record);
    // The new two-file cycle is reported; once the import is gone, the findings are as before.
    if (!added || !sameSet(cycleKeys(), baseCycles)) cyclesTracked = false;
  }

  const totals = samples.map((s) => s.total);
  const kindStats = (kind: EditKind): { p50: number; p95: number } => {
    const list = samples.filter((s) => s.kind === kind).map((s) => s.total);
    return { p50: percentile(list, 50), p95: percentile(list, 95) };
  };
  return {
    files: session.results().reduce((sum, { project }) => sum + project.fileCount, 0),
    loadMs,
    samplesMs: totals,
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    byKind: { body: kindStats('body'), 'add-cycle': kindStats('add-cycle'), 'remove-cycle': kindStats('remove-cycle') },
    cpuP50: percentile(samples.map((s) => s.cpu), 50),
    cpuP95: percentile(samples.map((s) => s.cpu), 95),
    cyclesTracked,
    heapMb: process.memoryUsage().heapUsed / (1024 * 1024),
  };
}
