// Wall time and peak memory of one whole process: wall from process.hrtime around the spawn,
// peak resident set from GNU time's "Maximum resident set size" (the process and its children).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maxOf, minOf } from '../../src/core/util/arrays';

export const GNU_TIME = '/usr/bin/time';

export interface Invocation {
  command: string;
  args: string[];
  cwd: string;
  /** Standard output goes here (some tools only print their report). */
  stdoutFile?: string;
}

export interface Sample {
  wallMs: number;
  peakMb: number;
  exitCode: number;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/** Runs once under GNU time; throws when the tool crashed (exit code above 1 or a signal). */
export function runOnce(invocation: Invocation): Sample {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gr-bench-'));
  const timeFile = path.join(scratch, 'time.txt');
  // A file, not a pipe: tools that call process.exit() with a pipe as stdout lose the report's tail.
  const stdout = invocation.stdoutFile ? openSync(invocation.stdoutFile, 'w') : 'ignore';
  try {
    const started = process.hrtime.bigint();
    const child = spawnSync(GNU_TIME, ['-v', '-o', timeFile, invocation.command, ...invocation.args], {
      cwd: invocation.cwd,
      stdio: ['ignore', stdout, 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const exitCode = child.status ?? -1;
    if (exitCode > 1 || exitCode < 0) {
      throw new Error(`${invocation.command} ${invocation.args.join(' ')} failed (${exitCode}): ${String(child.stderr).slice(-2000)}`);
    }
    const timeText = readFileSync(timeFile, 'utf8');
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeText);
    return { wallMs, peakMb: rss ? Number(rss[1]) / 1024 : NaN, exitCode };
  } finally {
    if (typeof stdout === 'number') closeSync(stdout);
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Summary {
  runs: number;
  wallMs: number;
  minMs: number;
  maxMs: number;
  peakMb: number;
}

export function summarize(samples: readonly Sample[]): Summary {
  const walls = samples.map((s) => s.wallMs);
  return {
    runs: samples.length,
    wallMs: median(walls),
    minMs: minOf(walls),
    maxMs: maxOf(walls),
    peakMb: median(samples.map((s) => s.peakMb)),
  };
}

/**
 * Runs every tool `runs` times, round-robin (tool A, B, C, then A, B, C …) after one discarded
 * warm-up round, so that drift of the machine weighs on all tools alike.
 */
export function measureRoundRobin(
  tools: ReadonlyMap<string, Invocation>,
  runs: number,
  log: (line: string) => void,
  /** Fewer runs, and no warm-up, for some tools (peers that take minutes on the largest corpus). */
  fewer: ReadonlyMap<string, number> = new Map(),
  warmUp = true,
): Map<string, Summary> {
  const samples = new Map<string, Sample[]>([...tools.keys()].map((name) => [name, []]));
  for (let round = warmUp ? 0 : 1; round <= runs; round++) {
    for (const [name, invocation] of tools) {
      const limit = fewer.get(name);
      if (limit !== undefined && (round === 0 || round > limit)) continue;
      const sample = runOnce(invocation);
      if (round > 0) samples.get(name)!.push(sample);
      log(`  ${round === 0 ? 'warm-up' : `run ${round}/${runs}`} ${name}: ${sample.wallMs.toFixed(0)} ms, ${sample.peakMb.toFixed(0)} MB`);
    }
  }
  return new Map([...samples].map(([name, list]) => [name, summarize(list)]));
}
