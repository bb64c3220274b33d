// A prototype of a warm start from a cache keyed by file content. The engine has no such cache
// yet; this assembles the engine's own pieces (discovery, per-file analysis, resolution, checks)
// the way GuardrailsProject.load() + check() do, and keeps each file's FileFacts on disk under
// the hash of its text, to measure what such a cache would give.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeFileText, type FileFacts } from '../../src/core/analysis/fileAnalysis';
import { CheckContext } from '../../src/core/checks/checkContext';
import { runChecks } from '../../src/core/checks/runChecks';
import { NodeFileSystem } from '../../src/core/fs/nodeFileSystem';
import { compilePattern } from '../../src/core/glob/pattern';
import { loadCompilerOptions } from '../../src/core/graph/compilerOptions';
import { discoverFiles } from '../../src/core/graph/discoverFiles';
import { ImportResolver } from '../../src/core/graph/resolveImport';
import { loadRules } from '../../src/core/rules/loadRules';
import { applySuppressions, type Suppression } from '../../src/core/suppress/suppressions';
import type { DebtItem, Edge, Violation } from '../../src/core/types';

export interface WarmStartResult {
  ms: number;
  files: number;
  reused: number;
  violations: number;
  debt: number;
}

type Cache = Record<string, FileFacts>;

export function analyzeWithCache(root: string, today: string, cacheFile: string): WarmStartResult {
  const started = performance.now();
  const fs = new NodeFileSystem();
  const loaded = loadRules(path.join(root, 'guardrails.json'), fs);
  if (!loaded.ok) throw new Error(`rules of ${root} do not load`);
  const config = loaded.config;
  const compile = (patterns: string[]) => patterns.flatMap((p) => {
    const c = compilePattern(p);
    return c.ok ? [c.pattern] : [];
  });
  const include = compile(config.include.map((r) => r.pattern));
  const exclude = compile(config.exclude.map((r) => r.pattern));
  const discovered = discoverFiles(root, fs, {
    include: (rel) => include.some((p) => p.match(rel)),
    exclude: (rel) => exclude.some((p) => p.match(rel)),
    maxFileBytes: config.maxFileBytes,
  });
  const cache: Cache = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Cache) : {};
  const next: Cache = {};
  const resolver = new ImportResolver(root, loadCompilerOptions(root, fs, config.tsconfig).options, fs);
  let reused = 0;
  const edges: Edge[] = [];
  const found: Violation[] = [];
  const suppressions: Suppression[] = [];
  const debt: DebtItem[] = [];
  for (const file of discovered.files) {
    const text = readFileSync(file, 'utf8');
    const key = `${file}\u0000${createHash('sha1').update(text).digest('base64')}`;
    let facts = cache[key];
    if (facts) reused++;
    else facts = analyzeFileText(file, text, { root, policy: config.debt, today });
    next[key] = facts;
    for (const ref of facts.imports) edges.push({ ...ref, from: file, to: resolver.resolve(ref.specifier, file, ref.kind) });
    found.push(...facts.problems);
    suppressions.push(...facts.suppressions);
    debt.push(...facts.debt);
  }
  found.push(...runChecks(new CheckContext(config, discovered.files, edges)));
  const { kept, unused } = applySuppressions(found, suppressions);
  const ms = performance.now() - started;
  if (reused !== discovered.files.length) writeFileSync(cacheFile, JSON.stringify(next));
  return { ms, files: discovered.files.length, reused, violations: kept.length + unused.length, debt: debt.length };
}
