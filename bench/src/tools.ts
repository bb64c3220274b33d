// The command line of each tool on a corpus. Every tool is a fresh `node` process reading the
// corpus from disk; reports go to files in the bench cache (read back for the correctness figures).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from './corpora';
import type { Invocation } from './measure';

export interface BenchPaths {
  /** The repository root. */
  repo: string;
  /** bench/ */
  bench: string;
  /** bench/.cache/ */
  cache: string;
  /** The CLI under test: a copy of dist/ taken when the run starts, so a rebuild meanwhile changes nothing. */
  cli: string;
}

export type ToolName = 'guardrails' | 'guardrails debt' | 'dependency-cruiser' | 'madge' | 'leasot';

export function outputFile(paths: BenchPaths, corpus: Corpus, tool: ToolName): string {
  return path.join(paths.cache, 'out', corpus.name, `${tool.replace(/\s+/g, '-')}.json`);
}

export function invocation(paths: BenchPaths, corpus: Corpus, tool: ToolName): Invocation {
  const node = process.execPath;
  const modules = path.join(paths.bench, 'node_modules');
  const out = outputFile(paths, corpus, tool);
  const cwd = corpus.dir;
  switch (tool) {
    case 'guardrails':
      return { command: node, cwd, args: [paths.cli, 'check', '.', '--format', 'json', '--today', corpus.today, '--output', out] };
    case 'guardrails debt':
      return { command: node, cwd, args: [paths.cli, 'debt', '.', '--format', 'json', '--today', corpus.today, '--output', out] };
    case 'dependency-cruiser':
      return {
        command: node, cwd,
        args: [path.join(modules, 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--output-to', out],
      };
    case 'madge':
      return {
        command: node, cwd, stdoutFile: out,
        args: [path.join(modules, 'madge', 'bin', 'cli.js'), '--circular', '--json', '--no-spinner', '--no-color', '--extensions', 'ts,tsx,mts,cts', '--ts-config', 'tsconfig.json', 'src'],
      };
    case 'leasot':
      return {
        command: node, cwd, stdoutFile: out,
        args: [path.join(modules, 'leasot', 'dist', 'cli', 'leasot.js'), '--reporter', 'json', '--exit-nicely', '--tags', 'DEBT,HACK', '--ignore', '**/*.d.ts', 'src/**/*.ts', 'src/**/*.tsx', 'src/**/*.mts', 'src/**/*.cts'],
      };
  }
}

export function versionOf(paths: BenchPaths, pkg: string): string {
  const file = pkg === 'guardrails' ? path.join(paths.repo, 'package.json') : path.join(paths.bench, 'node_modules', pkg, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
