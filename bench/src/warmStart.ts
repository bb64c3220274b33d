// Warm start: `guardrails check --cache` on a corpus whose cache a first run filled, as a CI job or
// a pre-commit hook would run it twice. Measured as whole processes, like the cold runs, both with
// nothing changed and with one file edited before each run (its text alternates, so every run
// finds exactly one file that differs from the cache).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from './corpora';
import { median, runOnce, type Invocation } from './measure';

export interface WarmStartResult {
  /** The first run, which parses everything and writes the cache. */
  fillMs: number;
  unchangedMs: number;
  unchangedPeakMb: number;
  /** One file edited before each run. */
  editedMs: number;
  runs: number;
}

export function measureWarmStart(corpus: Corpus, check: Invocation, cacheDir: string, runs: number, log: (line: string) => void): WarmStartResult {
  rmSync(cacheDir, { recursive: true, force: true });
  const cached: Invocation = { ...check, args: [...check.args, '--cache-location', cacheDir] };
  const fill = runOnce(cached);
  const unchanged = Array.from({ length: runs }, () => runOnce(cached));
  log(`  warm start, unchanged: ${Math.round(median(unchanged.map((s) => s.wallMs)))} ms`);
  const edited = path.join(corpus.dir, editedFile(corpus));
  const original = readFileSync(edited, 'utf8');
  const editedRuns = [];
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(edited, i % 2 === 0 ? `${original}\nexport const warmStartEdit = ${i};\n` : original);
      editedRuns.push(runOnce(cached));
    }
  } finally {
    writeFileSync(edited, original);
  }
  log(`  warm start, one file edited: ${Math.round(median(editedRuns.map((s) => s.wallMs)))} ms`);
  rmSync(cacheDir, { recursive: true, force: true });
  return {
    fillMs: fill.wallMs,
    unchangedMs: median(unchanged.map((s) => s.wallMs)),
    unchangedPeakMb: median(unchanged.map((s) => s.peakMb)),
    editedMs: median(editedRuns.map((s) => s.wallMs)),
    runs,
  };
}

/** The middle module of the corpus's domain layer (or of src): an ordinary file with imports. */
function editedFile(corpus: Corpus): string {
  for (const dir of ['src/domain', 'src']) {
    const modules = listTs(path.join(corpus.dir, dir)).sort();
    if (modules.length > 0) return path.join(dir, modules[Math.floor(modules.length / 2)]);
  }
  throw new Error(`${corpus.name}: no .ts file to edit under src`);
}

function listTs(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  } catch {
    return [];
  }
}
