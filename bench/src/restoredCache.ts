// A cache CI carries: `check --cache` fills its cache in one folder, then the workspace and the cache
// are copied to another folder as deep in the file system (new modification times, as actions/cache
// and a fresh checkout on the next runner give) and checked there. Each sample copies afresh and
// times a cold run (no cache) and a restored run on the copy, one after the other, so drift of the
// machine weighs on both alike. The restored run must report the same findings, with its cache
// counts saying what was reused.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from './corpora';
import { median, runOnce, type Sample } from './measure';

export interface RestoredCacheResult {
  /** Median wall time of a cold run (no cache) on the copy. */
  coldMs: number;
  /** Median wall time of `check --cache` on the copy, with the cache restored beside it. */
  restoredMs: number;
  /** coldMs / restoredMs. */
  ratio: number;
  restoredPeakMb: number;
  runs: number;
  /** The restored run's `cache` counts (the last sample). */
  cache: { reused: number; parsed: number; read: number; resolved: number; findingsReused: boolean };
  /** Every restored run reported what the cold run on the same copy reported. */
  sameFindings: boolean;
}

interface Report {
  violations: unknown[];
  debt: unknown[];
  cache: RestoredCacheResult['cache'] | null;
}

export function measureRestoredCache(corpus: Corpus, cli: string, outDir: string, runs: number, log: (line: string) => void): RestoredCacheResult {
  const written = `${corpus.dir}-cache-written`;
  const restored = `${corpus.dir}-cache-restored`;
  const check = (cwd: string, output: string, cache: boolean) => ({
    command: process.execPath, cwd,
    args: [cli, 'check', '.', '--format', 'json', '--today', corpus.today, '--output', output, ...(cache ? ['--cache-location', '.guardrails-cache'] : [])],
  });
  const read = (file: string): Report => JSON.parse(readFileSync(file, 'utf8')) as Report;
  const findings = (report: Report): string => JSON.stringify([report.violations, report.debt]);
  try {
    for (const dir of [written, restored]) rmSync(dir, { recursive: true, force: true });
    cpSync(corpus.dir, written, { recursive: true });
    runOnce(check(written, path.join(outDir, 'cache-fill.json'), true));
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    let sameFindings = true;
    let last: Report | undefined;
    for (let i = 0; i < runs; i++) {
      rmSync(restored, { recursive: true, force: true });
      cpSync(written, restored, { recursive: true });
      cold.push(runOnce(check(restored, path.join(outDir, 'cold-copy.json'), false)));
      warm.push(runOnce(check(restored, path.join(outDir, 'restored.json'), true)));
      last = read(path.join(outDir, 'restored.json'));
      if (findings(last) !== findings(read(path.join(outDir, 'cold-copy.json')))) sameFindings = false;
    }
    const coldMs = median(cold.map((s) => s.wallMs));
    const restoredMs = median(warm.map((s) => s.wallMs));
    log(`  cache restored at a new path: ${Math.round(restoredMs)} ms against ${Math.round(coldMs)} ms cold (${(coldMs / restoredMs).toFixed(1)}×)${sameFindings ? '' : ', findings DIFFER'}`);
    if (!last?.cache) throw new Error(`${corpus.name}: the restored run reported no cache counts`);
    return { coldMs, restoredMs, ratio: coldMs / restoredMs, restoredPeakMb: median(warm.map((s) => s.peakMb)), runs, cache: last.cache, sameFindings };
  } finally {
    for (const dir of [written, restored]) rmSync(dir, { recursive: true, force: true });
  }
}
