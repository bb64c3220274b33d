import * as path from 'node:path';
import { CheckContext } from '../checks/checkContext';
import { LayerMap } from '../checks/layerMap';
import type { FileSystem } from '../fs/fileSystem';
import { loadCompilerOptions, type LoadedCompilerOptions } from '../graph/compilerOptions';
import { compilerOptionsDiffer } from '../graph/compilerOptionsChange';
import { discoverFiles, isUnanalysableText } from '../graph/discoverFiles';
import { ImportResolver } from '../graph/resolveImport';
import type { Rule, RulesConfig } from '../model/ruleTypes';
import { applySuppressions, type Suppression } from '../suppress/suppressions';
import type { AnalysisResult, DebtItem, Edge, ImportRef, KnownFindings, Notice, Target, Violation } from '../model/types';
import { appendAll } from '../util/arrays';
import { FileScope, type ScopeOptions } from './fileScope';
import { analyzeFileText, type FileAnalysisContext, type FileFacts } from './fileAnalysis';
import type { FactsWorkers } from './factsWorkers';
import { runLoadQueue } from './loadQueue';
import { IncrementalChecks, targetsDiffer } from './incrementalChecks';
import type { FactsCache } from './factsCache';
import { fileCapNotice } from './fileCap';
import { FlatLists } from './flatLists';
import { keepsResolution, ResolutionReuse } from './resolutionReuse';

export type { FactsCache, LastResolution, ResolutionToStore } from './factsCache';

export interface ProjectOptions extends ScopeOptions {
  /** `YYYY-MM-DD`; debt due before it is overdue. */
  today: string;
  /** Read at most this many files (the rest is left out with a warning, and discovery stops there). */
  maxFiles?: number;
  /** What files contributed when last read with the same text (past states from git re-read few files). */
  factsCache?: FactsCache;
  /** Threads that parse part of a large first load (the CLI's `--concurrency`). */
  workers?: FactsWorkers;
  /** The editor: a cycle through an import added after the first check is reported on that import. */
  trackNewImports?: boolean;
  /** Parse errors are not wanted: files are read with the scanner alone where it can (see FileAnalysisContext). */
  withoutParseErrors?: boolean;
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
  /** The root's compiler options as last read (a tsconfig edit is compared with them). */
  private compiler!: LoadedCompilerOptions;
  private readonly scope: FileScope;
  private readonly layers: LayerMap;
  /** Root-relative paths, kept across checks (an edit changes no path). */
  private readonly relPaths = new Map<string, string>();
  private readonly checks: IncrementalChecks;
  private sortedFiles: string[] | undefined;
  /** With a disk cache: resolution recorded, and the last run's targets reused when they still hold. */
  private readonly reuse: ResolutionReuse | undefined;
  private resolver: ImportResolver;

  constructor(readonly config: RulesConfig, private readonly fs: FileSystem, private readonly options: ProjectOptions) {
    this.scope = new FileScope(config, options);
    this.layers = new LayerMap(config.layers);
    this.checks = new IncrementalChecks(config, this.layers, this.relPaths, { trackNewImports: options.trackNewImports });
    this.reuse = keepsResolution(options.factsCache) ? new ResolutionReuse(fs, options.factsCache, config.root) : undefined;
    this.resolver = this.createResolver();
  }

  private createResolver(compiler = this.readCompilerOptions()): ImportResolver {
    this.compiler = compiler;
    this.compilerNotices = compiler.notices;
    return new ImportResolver(this.config.root, compiler.options, this.resolutionFs);
  }

  private readCompilerOptions(): LoadedCompilerOptions {
    return loadCompilerOptions(this.config.root, this.resolutionFs, this.config.tsconfig);
  }

  /** What resolution reads through: with a disk cache, one that records every path it asks about. */
  private get resolutionFs(): FileSystem {
    return this.reuse?.resolutionFs ?? this.fs;
  }

  /**
   * A tsconfig changed: read the compiler options again and re-resolve every import (no re-parse).
   * `onlyIfChanged` (tsconfig files edited, none created or deleted): nothing is done unless the
   * root's options or a nested config's differ in what module resolution reads (a strictness flag
   * does not), or a workspace package names other build outputs. False when nothing was done.
   */
  reloadCompilerOptions(onlyIfChanged = false): boolean {
    const compiler = this.readCompilerOptions();
    if (onlyIfChanged && !compilerOptionsDiffer(this.compiler, compiler) && !this.resolver.configsChanged()) return false;
    this.checks.invalidateAll();
    this.reuse?.forget();
    this.flat.edges.invalidate();
    this.resolver = this.createResolver(compiler);
    for (const facts of this.facts.values()) this.edges.set(facts.file, this.resolve(facts));
    return true;
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

  /** Folders left out because other (nested) rules files govern them. */
  get excludeDirs(): readonly string[] {
    return this.scope.excludeDirs;
  }

  /** Finds, parses and resolves every governed file. Yields to the event loop now and then. */
  async load(progress: LoadProgress = {}): Promise<boolean> {
    const cache = this.options.factsCache;
    /** Files the cache vouched for from their stat alone: never read. */
    const unchanged = new Map<string, FileFacts>();
    let warmedFor = 0;
    const discovered = discoverFiles(this.root, this.fs, {
      include: (rel) => this.scope.includes(rel),
      exclude: (rel) => this.scope.excludes(rel),
      excludeDirs: this.scope.excludeDirs,
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
        const facts = cache.knownUnchanged!(file, stat, this.needsParseErrors);
        if (facts) unchanged.set(file, facts);
        else cache.noteStat?.(file, stat);
        return facts !== undefined;
      }),
    });
    appendAll(this.notices, discovered.notices);
    const files = discovered.files;
    if (discovered.capped) this.notices.push(fileCapNotice(this.config.file, files.length));
    this.reuse?.begin();
    try {
      return await this.analyseAll(files, discovered.texts, unchanged, progress);
    } finally {
      this.reuse?.end(this.edges, this.resolver.notices);
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
        const cached = cache?.get(file, text, this.needsParseErrors);
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
    return this.scope.governs(file);
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
    this.fileSetChanged(file);
    this.facts.delete(file);
    this.edges.delete(file);
    const rel = this.relPaths.get(file);
    if (rel !== undefined) this.layers.forget(rel);
    this.relPaths.delete(file);
  }

  /**
   * Module resolution changed (tsconfig edit, files created or deleted): resolve again, no re-parse.
   * When the resolver can say which folders' imports may now lead elsewhere (the git history's
   * file system tracks what came and went), only their files are resolved again, and only those
   * whose imports do lead elsewhere are checked again.
   */
  reresolveAll(): void {
    this.reuse?.forget();
    const redo = this.resolver.clearCache();
    if (redo === undefined) {
      this.checks.invalidateAll();
      this.flat.edges.invalidate();
      for (const facts of this.facts.values()) this.edges.set(facts.file, this.resolve(facts));
      return;
    }
    for (const facts of this.facts.values()) {
      if (!redo.has(path.dirname(facts.file))) continue;
      const edges = this.resolve(facts);
      const before = this.edges.get(facts.file);
      if (!targetsDiffer(before, edges)) continue;
      this.checks.fileChanged(facts.file, true);
      this.flat.edges.set(facts.file, edges);
      this.edges.set(facts.file, edges);
    }
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

  /** The files, sorted (code-unit order). */
  filesInOrder(): readonly string[] {
    return (this.sortedFiles ??= [...this.facts.keys()].sort());
  }

  /**
   * Runs every check over the current state; after an edit, only what the edit can change.
   * `known`: the baseline the caller will apply, so that new cycle findings go on new imports.
   */
  check(known?: KnownFindings): AnalysisResult {
    const started = performance.now();
    this.sortedFiles ??= [...this.facts.keys()].sort();
    const files = this.sortedFiles;
    const { violations: checked, tangles, notices: advice } = this.checks.run(files, (file) => this.edges.get(file) ?? [], () => this.allEdges(), known);
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
      notices: [...this.currentNotices(), ...advice],
      tangles,
    };
  }

  /** Every file's debt in file order, as `check` reports it: the list kept between edits, not to be changed. */
  debtItems(): DebtItem[] {
    this.sortedFiles ??= [...this.facts.keys()].sort();
    return this.flat.debt.get(this.sortedFiles, (file) => this.facts.get(file)!.debt) as DebtItem[];
  }

  /** What the user should know that is not a finding: tsconfig problems, files skipped. */
  currentNotices(): Notice[] {
    return [...this.compilerNotices, ...this.notices, ...(this.reuse?.notices(this.resolver.notices) ?? this.resolver.notices)];
  }

  private analyse(file: string, content: string): void {
    this.adopt(this.factsOf(file, content));
  }

  private factsOf(file: string, content: string): FileFacts {
    return this.options.factsCache?.get(file, content, this.needsParseErrors) ?? this.parseAndCache(file, content);
  }

  /** Cached facts read without parse errors (by a refactoring window's run) do not serve a project that reports them. */
  private get needsParseErrors(): boolean {
    return !this.options.withoutParseErrors;
  }

  /** Whether the facts of `file` were read without looking for parse errors. */
  readWithoutParseErrors(file: string): boolean {
    return this.facts.get(file)?.withoutParseErrors === true;
  }

  private parseAndCache(file: string, content: string): FileFacts {
    const facts = analyzeFileText(file, content, this.analysisContext());
    this.options.factsCache?.set(file, content, facts);
    return facts;
  }

  private analysisContext(): FileAnalysisContext {
    return { root: this.root, policy: this.config.debt, today: this.options.today, withoutParseErrors: this.options.withoutParseErrors };
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

  /**
   * A file came, or went (`removed`): the sorted list and the flat lists are out of date, and the
   * checks see to theirs.
   */
  private fileSetChanged(removed?: string): void {
    this.sortedFiles = undefined;
    for (const list of Object.values(this.flat)) list.invalidate();
    if (removed === undefined) this.checks.fileAdded();
    else this.checks.fileRemoved(removed);
  }

  private resolve(facts: FileFacts): Edge[] {
    // Field by field, not a spread of the import: every edge gets the same shape, which the checks'
    // loops over every import read faster and V8 keeps smaller (on outline's history, about 15% less
    // CPU and 25 MB less peak memory for `windows`, whose steps re-resolve many imports).
    const edge = (ref: ImportRef, to: Target): Edge => ({ specifier: ref.specifier, kind: ref.kind, typeOnly: ref.typeOnly, range: ref.range, from: facts.file, to });
    const known = this.reuse?.known(facts);
    if (known) return facts.imports.map((ref, i) => edge(ref, known[i]));
    return facts.imports.map((ref) => edge(ref, this.resolver.resolve(ref.specifier, facts.file, ref.kind)));
  }
}

