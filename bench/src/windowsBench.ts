// The refactoring windows on a real repository with months of history: outline/outline (2,474
// TypeScript files, 2,147 under the rules) at a pinned commit, with a four-month window 83 days in.
// A local clone is made once in the bench cache (from a local mirror when one is given, else from
// GitHub); nothing of it is committed. Measured as whole processes: `windows` cold (an empty cache
// folder), warm (the cache a cold run filled, nothing changed), and `check` for scale.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { median, runOnce, type Invocation, type Sample } from './measure';

export const OUTLINE = {
  name: 'outline',
  url: 'https://github.com/outline/outline.git',
  commit: 'd77dcdf853868c5d5fe125c895c9b71f0eff5c68',
  today: '2026-08-22',
  rules: 'outline.guardrails.json',
};

export interface WindowsBenchResult {
  repo: string;
  commit: string;
  files: number;
  points: number;
  runs: number;
  cold: { wallMs: number; peakMb: number };
  warm: { wallMs: number; peakMb: number };
  check: { wallMs: number; peakMb: number };
  /** What the cold run reported, to see the numbers are the same every time. */
  goals: string;
}

/** Clones (once) and checks out the pinned commit; `source` is a URL or a local repository (a mirror). */
export function prepareOutline(benchDir: string, cacheDir: string, source: string | undefined, log: (line: string) => void): string {
  const dir = path.join(cacheDir, 'windows', OUTLINE.name);
  const head = (): string => spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  if (!existsSync(path.join(dir, '.git')) || head() !== OUTLINE.commit) {
    const from = source ?? OUTLINE.url;
    log(`windows: cloning ${from} at ${OUTLINE.commit.slice(0, 10)} into ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    git(['clone', '--quiet', '--no-checkout', from, dir], path.dirname(dir));
    git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', OUTLINE.commit], dir);
  }
  copyFileSync(path.join(benchDir, 'windows', OUTLINE.rules), path.join(dir, 'guardrails.json'));
  return dir;
}

export function measureWindows(cli: string, dir: string, scratch: string, runs: number, log: (line: string) => void): WindowsBenchResult {
  const cacheDir = path.join(scratch, 'windows-cache');
  const report = path.join(scratch, 'windows.json');
  const windows = (extra: string[]): Invocation => ({
    command: process.execPath, args: [cli, 'windows', dir, '--format', 'json', '--today', OUTLINE.today, ...extra], cwd: dir, stdoutFile: report,
  });
  const check: Invocation = { command: process.execPath, args: [cli, 'check', dir, '--format', 'json', '--today', OUTLINE.today], cwd: dir, stdoutFile: path.join(scratch, 'check.json') };
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    cold.push(runOnce(windows(['--cache-location', cacheDir])));
    log(`  windows cold: ${Math.round(cold[i].wallMs)} ms, ${Math.round(cold[i].peakMb)} MB`);
    warm.push(runOnce(windows(['--cache-location', cacheDir])));
    log(`  windows warm: ${Math.round(warm[i].wallMs)} ms, ${Math.round(warm[i].peakMb)} MB`);
  }
  const checks = Array.from({ length: runs }, () => runOnce(check));
  rmSync(cacheDir, { recursive: true, force: true });
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { windows: { burndown: unknown[]; goals: { label: string; atStart: number; now: number }[] }[] };
  const files = (JSON.parse(readFileSync(path.join(scratch, 'check.json'), 'utf8')) as { files: number }).files;
  const summary = (samples: Sample[]) => ({ wallMs: median(samples.map((s) => s.wallMs)), peakMb: median(samples.map((s) => s.peakMb)) });
  return {
    repo: `outline/outline`,
    commit: OUTLINE.commit,
    files,
    points: parsed.windows[0].burndown.length,
    runs,
    cold: summary(cold),
    warm: summary(warm),
    check: summary(checks),
    goals: parsed.windows[0].goals.map((g) => `${g.label} ${g.atStart} → ${g.now}`).join('; '),
  };
}

export function renderWindows(result: WindowsBenchResult): string {
  const row = (what: string, m: { wallMs: number; peakMb: number }) => `| ${what} | ${Math.round(m.wallMs).toLocaleString('en-US')} ms | ${Math.round(m.peakMb)} MB |`;
  return [
    `### Refactoring windows on real history (${result.repo} at ${result.commit.slice(0, 10)}, ${result.files.toLocaleString('en-US')} files, ${result.points} daily points; median of ${result.runs})`,
    '',
    '| command | wall | peak memory |',
    '|---|---:|---:|',
    row('`windows` cold (empty cache folder)', result.cold),
    row('`windows` warm (nothing changed)', result.warm),
    row('`check` (for scale)', result.check),
    '',
    `Goals as measured: ${result.goals}.`,
    '',
  ].join('\n');
}

function git(args: string[], cwd: string): void {
  const child = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (child.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${child.stderr}`);
}
