// A prototype of a warm start from a cache keyed by file content. The engine has no such cache
// yet; this assembles the engine's own pieces (discovery, per-file analysis, resolution, checks)
// the way GuardrailsProject.load() + check() do, and keeps each file's FileFacts on disk under
// the hash of its text, to measure what such a cache would give. Resolutions are kept too, under a
// hash of the file list and the root's tsconfig.json and package.json: they change only when files
// come or go or those change (a real cache would also key nested configs and node_modules).
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
  /** Resolutions came from the cache (same files, same configs). */
  resolutionsReused: boolean;
  violations: number;
  debt: number;
}

interface Cache {
  facts: Record<string, FileFacts>;
  /** Key of the file list and configs → `from\0specifier\0kind` → target. */
  resolutionKey: string;
  resolutions: Record<string, string>;
}

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
  const cache: Cache = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Cache) : { facts: {}, resolutionKey: '', resolutions: {} };
  const resolutionKey = createHash('sha1')
    .update(discovered.files.join('\n'))
    .update(fs.readFile(path.join(root, 'tsconfig.json')) ?? '')
    .update(fs.readFile(path.join(root, 'package.json')) ?? '')
    .digest('base64');
  const resolutionsReused = cache.resolutionKey === resolutionKey;
  const next: Cache = { facts: {}, resolutionKey, resolutions: resolutionsReused ? cache.resolutions : {} };
  let resolver: ImportResolver | undefined;
  const resolve = (specifier: string, from: string, kind: Edge['kind']): string => {
    const k = `${from}\u0000${specifier}\u0000${kind}`;
    let target = next.resolutions[k];
    if (target === undefined) {
      resolver ??= new ImportResolver(root, loadCompilerOptions(root, fs, config.tsconfig).options, fs);
      target = next.resolutions[k] = resolver.resolve(specifier, from, kind);
    }
    return target;
  };
  let reused = 0;
  const edges: Edge[] = [];
  const found: Violation[] = [];
  const suppressions: Suppression[] = [];
  const debt: DebtItem[] = [];
  for (const file of discovered.files) {
    const text = readFileSync(file, 'utf8');
    const key = `${file}\u0000${createHash('sha1').update(text).digest('base64')}`;
    let facts = cache.facts[key];
    if (facts) reused++;
    else facts = analyzeFileText(file, text, { root, policy: config.debt, today });
    next.facts[key] = facts;
    for (const ref of facts.imports) edges.push({ ...ref, from: file, to: resolve(ref.specifier, file, ref.kind) });
    found.push(...facts.problems);
    suppressions.push(...facts.suppressions);
    debt.push(...facts.debt);
  }
  found.push(...runChecks(new CheckContext(config, discovered.files, edges)));
  const { kept, unused } = applySuppressions(found, suppressions);
  const ms = performance.now() - started;
  if (reused !== discovered.files.length || !resolutionsReused) writeFileSync(cacheFile, JSON.stringify(next));
  return { ms, files: discovered.files.length, reused, resolutionsReused, violations: kept.length + unused.length, debt: debt.length };
}
