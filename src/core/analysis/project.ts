import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { CheckContext } from '../checks/checkContext';
import { LayerMap } from '../checks/layerMap';
import type { FileStat, FileSystem } from '../fs/fileSystem';
import { compilePatterns, type CompiledPattern } from '../glob/pattern';
import { loadCompilerOptions } from '../graph/compilerOptions';
import { discoverFiles, isSourcePath, isUnanalysableText } from '../graph/discoverFiles';
import { ImportResolver } from '../graph/resolveImport';
import type { Rule, RulesConfig } from '../model/ruleTypes';
import { applySuppressions, type Suppression } from '../suppress/suppressions';
import type { AnalysisResult, DebtItem, Edge, Notice, Target, Violation } from '../model/types';
import { isInside, toRelative } from '../util/paths';
import { analyzeFileText, type FileAnalysisContext, type FileFacts } from './fileAnalysis';
import type { FactsWorkers } from './factsWorkers';
import { runLoadQueue } from './loadQueue';
import { IncrementalChecks, targetsDiffer } from './incrementalChecks';
import { FlatLists } from './flatLists';
import { fileCapNotice } from './fileCap';
import { appendAll } from '../util/arrays';

export interface ProjectOptions {
  /** `YYYY-MM-DD`; debt due before it is overdue. */
  today: string;
  /** Directories governed by other (nested) rules files. */
  excludeDirs?: string[];
  /** Editor overrides: globs that replace the rules file's `include` (when not empty)… */
  include?: string[];
  /** …and globs excluded on top of its `exclude`. */
  exclude?: string[];
  /** Read at most this many files (the rest is left out with a warning, and discovery stops there). */
  maxFiles?: number;
  /** What files contributed when last read with the same text (past states from git re-read few files). */
  factsCache?: FactsCache;
  /** Threads that parse part of a large first load (the CLI's `--concurrency`). */
  workers?: FactsWorkers;
}

/** Facts by file and exact text; the owner keeps one per rules file and `today`, which facts depend on. */
export interface FactsCache {
  get(file: string, text: string): FileFacts | undefined;
  set(file: string, text: string, facts: FileFacts): void;
  /**
   * Where a file's imports led in an earlier run with the same file list and configuration
   * (`signature`); undefined when unknown. Only the first load asks: edits resolve afresh.
   */
  targets?(signature: string, file: string): Target[] | undefined;
  setTargets?(signature: string, file: string, targets: Target[]): void;
  /**
   * The facts of a file whose size and modification time prove it unchanged since they were
   * stored, so it need not even be read; undefined when only its text can tell. The stat of
   * every file read is offered too (`noteStat`), to be kept with the facts `set` stores.
   */
  knownUnchanged?(file: string, stat: FileStat): FileFacts | undefined;
  noteStat?(file: string, stat: FileStat): void;
}

/** One file that changed: new text (an unsaved buffer), re-read from disk, or deleted. */
export interface FileChange {
  file: string;
  text?: string;
  deleted?: boolean;
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
  /** What every check returns, in file order, kept between edits (see FlatLists). */
  private readonly flat = {
    edges: new FlatLists<Edge>(),
    problems: new FlatLists<Violation>(),
    suppressions: new FlatLists<Suppression>(),
    debt: new FlatLists<DebtItem>(),
  };
  private readonly notices: Notice[] = [];
  private compilerNotices: Notice[] = [];
  private readonly include: CompiledPattern[];
  private readonly exclude: CompiledPattern[];
  private readonly layers: LayerMap;
  /** Root-relative paths, kept across checks (an edit changes no path). */
  private readonly relPaths = new Map<string, string>();
  private readonly checks: IncrementalChecks;
  private sortedFiles: string[] | undefined;
  /** During the first load only: the key under which cached resolutions are valid. */
  private loadSignature: string | undefined;
  private resolver: ImportResolver;

  constructor(readonly config: RulesConfig, private readonly fs: FileSystem, private readonly options: ProjectOptions) {
    const include = options.include?.length ? options.include : config.include.map((ref) => ref.pattern);
    this.include = compilePatterns(include);
    this.exclude = compilePatterns([...config.exclude.map((ref) => ref.pattern), ...(options.exclude ?? [])]);
    this.layers = new LayerMap(config.layers);
    this.checks = new IncrementalChecks(config, this.layers, this.relPaths);
    this.resolver = this.createResolver();
  }

  private createResolver(): ImportResolver {
    const compiler = loadCompilerOptions(this.config.root, this.fs, this.config.tsconfig);
    this.compilerNotices = compiler.notices;
    return new ImportResolver(this.config.root, compiler.options, this.fs);
  }

  /** A tsconfig changed: read the compiler options again and re-resolve every import (no re-parse). */
  reloadCompilerOptions(): void {
    this.checks.invalidateAll();
    this.flat.edges.invalidate();
    this.resolver = this.createResolver();
    for (const facts of this.facts.values()) this.edges.set(facts.file, this.resolve(facts));
  }

  /** A check context over the current state, for questions about single imports (hovers). */
  context(): CheckContext {
    this.sortedFiles ??= [...this.facts.keys()].sort();
    return new CheckContext(this.config, this.sortedFiles, [], this.layers, this.relPaths);
  }

  /** The rules that look at one import (hovers), matched by the checks' compiled rules. */
  rulesForEdge(edge: Edge): Rule[] {
    return this.checks.rulesForEdge(edge);
  }

  /** Every resolved import, in file order (shared between checks: not to be changed). */
  allEdges(): Edge[] {
    this.sortedFiles ??= [...this.facts.keys()].sort();
    return this.flat.edges.get(this.sortedFiles, (file) => this.edges.get(file) ?? []) as Edge[];
  }

  /** The resolved imports of one file, for hovers and quick fixes. */
  edgesFrom(file: string): readonly Edge[] {
    return this.edges.get(file) ?? [];
  }

  get root(): string {
    return this.config.root;
  }

  /** Finds, parses and resolves every governed file. Yields to the event loop now and then. */
  async load(progress: LoadProgress = {}): Promise<boolean> {
    const cache = this.options.factsCache;
    /** Files the cache vouched for from their stat alone: never read. */
    const unchanged = new Map<string, FileFacts>();
    let warmedFor = 0;
    const discovered = discoverFiles(this.root, this.fs, {
      include: (rel) => this.include.some((pattern) => pattern.match(rel)),
      exclude: (rel) => this.exclude.some((pattern) => pattern.match(rel)),
      excludeDirs: this.options.excludeDirs,
      maxFileBytes: this.config.maxFileBytes,
      maxFiles: this.options.maxFiles,
      keepTexts: true,
      // Threads start while the walk goes on, for the files that will need parsing: those the
      // cache vouches for from their stat alone need none (a warm `--cache` run starts no thread).
      onFile: (count) => {
        const toParse = count - unchanged.size;
        if (toParse > warmedFor && toParse % 100 === 0) this.options.workers?.warmUp((warmedFor = toParse));
      },
      knownUnchanged: cache?.knownUnchanged && ((file, stat) => {
        const facts = cache.knownUnchanged!(file, stat);
        if (facts) unchanged.set(file, facts);
        else cache.noteStat?.(file, stat);
        return facts !== undefined;
      }),
    });
    appendAll(this.notices, discovered.notices);
    const files = discovered.files;
    if (discovered.capped) this.notices.push(fileCapNotice(this.config.file, files.length));
    this.loadSignature = this.options.factsCache?.targets ? this.resolutionSignature(files) : undefined;
    try {
      return await this.analyseAll(files, discovered.texts, unchanged, progress);
    } finally {
      this.loadSignature = undefined;
    }
  }

  /**
   * Parses every file (part of them on worker threads, for a large load) and adopts the facts in
   * file order. Discovery read each file for its binary check: that text is used once, then let go.
   */
  private analyseAll(files: readonly string[], texts: Map<string, string> | undefined, unchanged: ReadonlyMap<string, FileFacts>, progress: LoadProgress): Promise<boolean> {
    const cache = this.options.factsCache;
    return runLoadQueue(files, {
      read: (file) => {
        const known = unchanged.get(file);
        if (known) return { facts: known };
        const text = texts?.get(file) ?? this.fs.readFile(file);
        texts?.delete(file);
        if (text === undefined) return undefined;
        const cached = cache?.get(file, text);
        return cached ? { facts: cached } : { text };
      },
      analyse: (file, text) => this.parseAndCache(file, text),
      parsed: (file, text, facts) => cache?.set(file, text, facts),
      adopt: (facts) => this.adopt(facts),
      context: () => this.analysisContext(),
    }, this.options.workers, progress);
  }

  /** True when the rules govern this file (inside the root, included, not excluded or nested). */
  governs(file: string): boolean {
    if (!isInside(this.root, file) || file === this.root) return false;
    if (this.options.excludeDirs?.some((dir) => isInside(dir, file))) return false;
    const rel = toRelative(this.root, file);
    if (!isSourcePath(rel)) return false;
    return this.include.some((pattern) => pattern.match(rel)) && !this.exclude.some((pattern) => pattern.match(rel));
  }

  /** Re-reads one file (from `text` when given, an unsaved buffer) and re-resolves its imports. */
  updateFile(file: string, text?: string): void {
    this.applyChanges([{ file, text }]);
  }

  removeFile(file: string): void {
    this.applyChanges([{ file, deleted: true }]);
  }

  /**
   * Many files at once (a save of all, a branch switch): each is re-read once, and module
   * resolution is redone once at the end when files came or went, not once per file.
   * Returns false when no change concerned this project.
   */
  applyChanges(changes: readonly FileChange[]): boolean {
    let touched = false;
    let structural = false;
    for (const change of changes) {
      const known = this.facts.has(change.file);
      if (change.deleted || !this.governs(change.file)) {
        if (known) {
          this.forget(change.file);
          touched = structural = true;
        }
        continue;
      }
      const text = change.text ?? this.fs.readFile(change.file);
      if (text === undefined || isUnanalysableText(text, this.config.maxFileBytes)) {
        if (known) {
          this.forget(change.file);
          touched = structural = true;
        }
        continue;
      }
      if (!known && this.options.maxFiles !== undefined && this.facts.size >= this.options.maxFiles) continue;
      this.analyse(change.file, text);
      touched = true;
      // A new file can satisfy imports that were unresolved until now.
      if (!known) structural = true;
    }
    if (structural) this.reresolveAll();
    return touched;
  }

  private forget(file: string): void {
    this.fileSetChanged();
    this.facts.delete(file);
    this.edges.delete(file);
    const rel = this.relPaths.get(file);
    if (rel !== undefined) this.layers.forget(rel);
    this.relPaths.delete(file);
  }

  /** Module resolution changed (tsconfig edit, files created or deleted): resolve again, no re-parse. */
  reresolveAll(): void {
    this.checks.invalidateAll();
    this.flat.edges.invalidate();
    this.resolver.clearCache();
    for (const facts of this.facts.values()) this.edges.set(facts.file, this.resolve(facts));
  }

  get fileCount(): number {
    return this.facts.size;
  }

  hasFile(file: string): boolean {
    return this.facts.has(file);
  }

  knownFiles(): string[] {
    return [...this.facts.keys()];
  }

  /** Runs every check over the current state; after an edit, only what the edit can change. */
  check(): AnalysisResult {
    const started = performance.now();
    this.sortedFiles ??= [...this.facts.keys()].sort();
    const files = this.sortedFiles;
    const checked = this.checks.run(files, (file) => this.edges.get(file) ?? [], () => this.allEdges());
    const factsOf = (file: string): FileFacts => this.facts.get(file)!;
    const problems = this.flat.problems.get(files, (file) => factsOf(file).problems);
    const suppressions = this.flat.suppressions.get(files, (file) => factsOf(file).suppressions);
    const debt = this.flat.debt.get(files, (file) => factsOf(file).debt) as DebtItem[];
    const edges = this.allEdges();
    const { kept, unused } = applySuppressions([...checked, ...problems], suppressions);
    return {
      root: this.root,
      rulesFile: this.config.file,
      files: files.length,
      durationMs: performance.now() - started,
      violations: [...kept, ...unused],
      debt,
      edges,
      notices: [...this.compilerNotices, ...this.notices, ...this.resolver.notices],
    };
  }

  private analyse(file: string, content: string): void {
    this.adopt(this.factsOf(file, content));
  }

  private factsOf(file: string, content: string): FileFacts {
    return this.options.factsCache?.get(file, content) ?? this.parseAndCache(file, content);
  }

  private parseAndCache(file: string, content: string): FileFacts {
    const facts = analyzeFileText(file, content, this.analysisContext());
    this.options.factsCache?.set(file, content, facts);
    return facts;
  }

  private analysisContext(): FileAnalysisContext {
    return { root: this.root, policy: this.config.debt, today: this.options.today };
  }

  /** Takes a file's facts in: resolves its imports and tells the checks what changed. */
  private adopt(facts: FileFacts): void {
    const file = facts.file;
    const edges = this.resolve(facts);
    const before = this.facts.get(file);
    if (!before) this.fileSetChanged();
    const edgesBefore = this.edges.get(file);
    this.checks.fileChanged(file, targetsDiffer(edgesBefore, edges));
    this.flat.edges.set(file, edges);
    this.flat.problems.set(file, facts.problems);
    this.flat.suppressions.set(file, facts.suppressions);
    this.flat.debt.set(file, facts.debt);
    this.facts.set(file, facts);
    this.edges.set(file, edges);
  }

  /** Files came or went: the sorted list, the flat lists and every check's cache are out of date. */
  private fileSetChanged(): void {
    this.sortedFiles = undefined;
    this.checks.invalidateAll();
    for (const list of Object.values(this.flat)) list.invalidate();
  }

  private resolve(facts: FileFacts): Edge[] {
    const cache = this.options.factsCache;
    const signature = this.loadSignature;
    const known = signature ? cache?.targets?.(signature, facts.file) : undefined;
    if (known && known.length === facts.imports.length) return facts.imports.map((ref, i) => ({ ...ref, from: facts.file, to: known[i] }));
    const edges = facts.imports.map((ref) => ({ ...ref, from: facts.file, to: this.resolver.resolve(ref.specifier, facts.file, ref.kind) }));
    if (signature) cache?.setTargets?.(signature, facts.file, edges.map((edge) => edge.to));
    return edges;
  }

  /**
   * What module resolution depends on besides each file's own text: which files exist, and the
   * tsconfig, jsconfig and package.json files of the root. (Nested configs and node_modules are
   * not in it: `--cache` trusts them not to change between runs, as its help says.)
   */
  private resolutionSignature(files: readonly string[]): string {
    const hash = createHash('sha1');
    for (const file of files) hash.update(file).update('\0');
    for (const name of ['tsconfig.json', 'jsconfig.json', 'package.json']) hash.update(this.fs.readFile(path.join(this.root, name)) ?? '').update('\0');
    if (this.config.tsconfig) hash.update(this.fs.readFile(this.config.tsconfig) ?? '');
    return hash.digest('hex');
  }
}

