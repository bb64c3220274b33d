import * as path from 'node:path';
import { CheckContext } from '../checks/checkContext';
import { LayerMap } from '../checks/layerMap';
import { runChecks } from '../checks/runChecks';
import type { FileSystem } from '../fs/fileSystem';
import { compilePattern, type CompiledPattern } from '../glob/pattern';
import { loadCompilerOptions } from '../graph/compilerOptions';
import { discoverFiles } from '../graph/discoverFiles';
import { ImportResolver } from '../graph/resolveImport';
import type { RulesConfig } from '../rules/ruleTypes';
import { applySuppressions } from '../suppress/suppressions';
import type { AnalysisResult, Edge, Notice, Violation } from '../types';
import { toRelative } from '../util/paths';
import { analyzeFileText, type FileFacts } from './fileAnalysis';

export interface ProjectOptions {
  /** `YYYY-MM-DD`; debt due before it is overdue. */
  today: string;
  /** Directories governed by other (nested) rules files. */
  excludeDirs?: string[];
}

export interface LoadProgress {
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
}

/**
 * One rules file and the files it governs. Keeps what each file contributes, so the editor can
 * re-read one file after an edit and re-run the checks without re-parsing the workspace.
 */
export class GuardrailsProject {
  private readonly facts = new Map<string, FileFacts>();
  private readonly edges = new Map<string, Edge[]>();
  private readonly notices: Notice[] = [];
  private readonly include: CompiledPattern[];
  private readonly exclude: CompiledPattern[];
  private readonly layers: LayerMap;
  private resolver: ImportResolver;

  constructor(readonly config: RulesConfig, private readonly fs: FileSystem, private readonly options: ProjectOptions) {
    this.include = compileAll(config.include.map((ref) => ref.pattern));
    this.exclude = compileAll(config.exclude.map((ref) => ref.pattern));
    this.layers = new LayerMap(config.layers);
    const compiler = loadCompilerOptions(config.root, fs, config.tsconfig);
    this.notices.push(...compiler.notices);
    this.resolver = new ImportResolver(config.root, compiler.options, fs);
  }

  get root(): string {
    return this.config.root;
  }

  /** Finds, parses and resolves every governed file. Yields to the event loop now and then. */
  async load(progress: LoadProgress = {}): Promise<boolean> {
    const discovered = discoverFiles(this.root, this.fs, {
      include: (rel) => this.include.some((pattern) => pattern.match(rel)),
      exclude: (rel) => this.exclude.some((pattern) => pattern.match(rel)),
      excludeDirs: this.options.excludeDirs,
      maxFileBytes: this.config.maxFileBytes,
    });
    this.notices.push(...discovered.notices);
    const files = discovered.files;
    for (let i = 0; i < files.length; i++) {
      if (i % 250 === 0) {
        if (progress.isCancelled?.()) return false;
        progress.onProgress?.(i, files.length);
        if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      }
      this.readFile(files[i]);
    }
    progress.onProgress?.(files.length, files.length);
    return true;
  }

  /** True when the rules govern this file (inside the root, included, not excluded or nested). */
  governs(file: string): boolean {
    const rel = toRelative(this.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    if (this.options.excludeDirs?.some((dir) => file.startsWith(dir + path.sep))) return false;
    if (!/\.(?:[cm]?[jt]sx?)$/.test(file) || file.endsWith('.d.ts')) return false;
    return this.include.some((pattern) => pattern.match(rel)) && !this.exclude.some((pattern) => pattern.match(rel));
  }

  /** Re-reads one file (from `text` when given, an unsaved buffer) and re-resolves its imports. */
  updateFile(file: string, text?: string): void {
    const isNew = !this.facts.has(file);
    this.readFile(file, text);
    // A new file can satisfy imports that were unresolved until now.
    if (isNew) this.reresolveAll();
  }

  removeFile(file: string): void {
    if (!this.facts.delete(file)) return;
    this.edges.delete(file);
    this.reresolveAll();
  }

  /** Module resolution changed (tsconfig edit, files created or deleted): resolve again, no re-parse. */
  reresolveAll(): void {
    this.resolver.clearCache();
    for (const facts of this.facts.values()) this.edges.set(facts.file, this.resolve(facts));
  }

  get fileCount(): number {
    return this.facts.size;
  }

  knownFiles(): string[] {
    return [...this.facts.keys()];
  }

  /** Runs every check over the current state. Cheap enough to call after each edit. */
  check(): AnalysisResult {
    const started = performance.now();
    const files = [...this.facts.keys()].sort();
    const edges = files.flatMap((file) => this.edges.get(file) ?? []);
    const ctx = new CheckContext(this.config, files, edges, this.layers);
    const found: Violation[] = runChecks(ctx);
    const suppressions = [];
    const debt = [];
    for (const file of files) {
      const facts = this.facts.get(file)!;
      found.push(...facts.problems);
      suppressions.push(...facts.suppressions);
      debt.push(...facts.debt);
    }
    const { kept, unused } = applySuppressions(found, suppressions);
    return {
      root: this.root,
      rulesFile: this.config.file,
      files: files.length,
      durationMs: performance.now() - started,
      violations: [...kept, ...unused],
      debt,
      edges,
      notices: [...this.notices, ...this.resolver.notices],
    };
  }

  private readFile(file: string, text?: string): void {
    const content = text ?? this.fs.readFile(file);
    if (content === undefined) {
      this.removeFile(file);
      return;
    }
    const facts = analyzeFileText(file, content, { root: this.root, policy: this.config.debt, today: this.options.today });
    this.facts.set(file, facts);
    this.edges.set(file, this.resolve(facts));
  }

  private resolve(facts: FileFacts): Edge[] {
    return facts.imports.map((ref) => ({ ...ref, from: facts.file, to: this.resolver.resolve(ref.specifier, facts.file, ref.kind) }));
  }
}

function compileAll(patterns: string[]): CompiledPattern[] {
  return patterns.flatMap((pattern) => {
    const compiled = compilePattern(pattern);
    return compiled.ok ? [compiled.pattern] : [];
  });
}
