// Warm re-check after one edit, as the extension does it: one GuardrailsProject stays loaded, an
// edit hands the new text to `updateFile`, then `check()` runs every rule again. Three edits
// rotate: a body edit, an added import that closes a new cycle, and its removal.
import * as path from 'node:path';
import { GuardrailsProject } from '../../src/core/analysis/project';
import { NodeFileSystem } from '../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../src/core/rules/loadRules';
import type { AnalysisResult, Edge } from '../../src/core/model/types';
import { percentile } from './measure';

export type EditKind = 'body' | 'add-cycle' | 'remove-cycle';

export interface IncrementalResult {
  files: number;
  loadMs: number;
  firstCheckMs: number;
  /** updateFile + check, per edit (warm-up edits left out). */
  samplesMs: number[];
  p50: number;
  p95: number;
  byKind: Record<EditKind, { p50: number; p95: number }>;
  /** Share of the median spent in check() rather than updateFile(). */
  checkShare: number;
  /** Cycle findings were added by each add-cycle edit and gone after each removal. */
  cyclesTracked: boolean;
  heapMb: number;
}

/** Each reported cycle as its sorted files: the state of cycle findings, comparable across checks. */
const cycleKeys = (result: AnalysisResult): Set<string> =>
  new Set(result.violations.filter((v) => v.cycle !== undefined).map((v) => [...new Set(v.cycle!.map((step) => step.from))].sort().join('\u0000')));
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((k) => b.has(k));

export async function measureIncremental(root: string, today: string, rounds = 20, warmup = 2): Promise<IncrementalResult> {
  const fs = new NodeFileSystem();
  const loaded = loadRules(path.join(root, 'guardrails.json'), fs);
  if (!loaded.ok) throw new Error(`rules of ${root} do not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  const project = new GuardrailsProject(loaded.config, fs, { today });
  let started = performance.now();
  await project.load();
  const loadMs = performance.now() - started;
  started = performance.now();
  const first = project.check();
  const firstCheckMs = performance.now() - started;
  const baseCycles = cycleKeys(first);

  // File-to-file edges whose reverse does not exist yet: adding the reverse import closes a cycle.
  const files = new Set(project.knownFiles());
  const pairs = new Set(first.edges.map((e) => `${e.from}\u0000${e.to}`));
  const candidates = first.edges.filter((e: Edge) => files.has(e.to) && e.to !== e.from && !pairs.has(`${e.to}\u0000${e.from}`));
  if (candidates.length === 0) throw new Error(`${root}: no edge to close a cycle with`);
  const step = Math.max(1, Math.floor(candidates.length / (rounds + warmup)));

  const samples: { kind: EditKind; total: number; check: number }[] = [];
  let cyclesTracked = true;
  const timed = (kind: EditKind, file: string, text: string, record: boolean): AnalysisResult => {
    const t0 = performance.now();
    project.updateFile(file, text);
    const t1 = performance.now();
    const result = project.check();
    const t2 = performance.now();
    if (record) samples.push({ kind, total: t2 - t0, check: t2 - t1 });
    return result;
  };

  for (let round = 0; round < rounds + warmup; round++) {
    const record = round >= warmup;
    const edge = candidates[(round * step) % candidates.length];
    // A body edit of the importing file.
    const fromText = fs.readFile(edge.from)!;
    timed('body', edge.from, `${fromText}\nexport const benchEdit${round} = ${round};\n`, record);
    timed('body', edge.from, fromText, false);
    // The imported file imports its importer back: a new cycle, then gone again.
    const toText = fs.readFile(edge.to)!;
    let specifier = path.relative(path.dirname(edge.to), edge.from).split(path.sep).join('/').replace(/\.[cm]?tsx?$/, '');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const added = timed('add-cycle', edge.to, `import '${specifier}';\n${toText}`, record);
    const removed = timed('remove-cycle', edge.to, toText, record);
    // The new two-file cycle is reported; once the import is gone, the findings are as before.
    const twoCycle = [edge.from, edge.to].sort().join('\u0000');
    if (!cycleKeys(added).has(twoCycle) || !sameSet(cycleKeys(removed), baseCycles)) cyclesTracked = false;
  }

  const totals = samples.map((s) => s.total);
  const kindStats = (kind: EditKind): { p50: number; p95: number } => {
    const list = samples.filter((s) => s.kind === kind).map((s) => s.total);
    return { p50: percentile(list, 50), p95: percentile(list, 95) };
  };
  return {
    files: project.fileCount,
    loadMs,
    firstCheckMs,
    samplesMs: totals,
    p50: percentile(totals, 50),
    p95: percentile(totals, 95),
    byKind: { body: kindStats('body'), 'add-cycle': kindStats('add-cycle'), 'remove-cycle': kindStats('remove-cycle') },
    checkShare: percentile(samples.map((s) => s.check / s.total), 50),
    cyclesTracked,
    heapMb: process.memoryUsage().heapUsed / (1024 * 1024),
  };
}
