// One analysis of a folder, driven the same way by the CLI (once), the language server (kept open
// and updated as files change) and the refactoring windows' git history (once per past commit).
//
// The pipeline, step by step:
//   1. rules     find and load the rules files: the nearest above the folder and those below it
//   2. projects  one GuardrailsProject per rules file, each governing its own files
//   3. load      discover, read, parse and resolve every governed file (worker threads for many)
//   4. check     run the rules over the import graph, collect debt, apply suppressions
//   5. baseline  soften the findings the rules file's baseline (or `--baseline`) lists
// After that, `applyChanges` re-reads changed files and repeats 4 and 5 for the projects they touch.
import type { ReadBaselineResult } from '../baseline/baselineIo';
import { readBaseline } from '../baseline/baselineIo';
import { baselineFileOf } from '../baseline/baselineTarget';
import { knownSince } from '../baseline/knownSince';
import { CachedDirectoriesFileSystem } from '../fs/cachedDirectoriesFileSystem';
import type { FileSystem } from '../fs/fileSystem';
import { NodeFileSystem } from '../fs/nodeFileSystem';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult, Notice, Violation } from '../model/types';
import { isInside } from '../util/paths';
import { todayIso } from '../util/today';
import { applyBaselineRead, configuredBaseline, knownOf } from './applyConfiguredBaseline';
import { checkWithCache } from './checkedCache';
import { combineResults } from './combineResults';
import { DiskFactsCache } from './diskFactsCache';
import type { FactsWorkers } from './factsWorkers';
import { loadConfigs, locateRulesFiles, nestedRoots, rulesForDirectory, type LoadedConfigs } from './loadConfigs';
import { GuardrailsProject, type FactsCache, type FileChange, type LoadProgress } from './project';

export interface SessionOptions {
  fs?: FileSystem;
  /** `YYYY-MM-DD`; debt due before it is overdue. */
  today?: string;
  /** A baseline file overriding each rules file's `baseline` (paths relative to the report root); `false` for none. */
  baseline?: string | false;
  /** Keep parsed baselines until `baselineChanged` says one changed (the editor re-checks per keystroke). */
  keepBaselines?: boolean;
  /** Editor overrides: globs that replace each rules file's `include` (when not empty)… */
  include?: readonly string[];
  /** …and globs excluded on top of its `exclude`. */
  exclude?: readonly string[];
  /** Analyse at most this many files per rules file. */
  maxFiles?: number;
  /**
   * Folders left out of every project besides those of nested rules files this session loads (the
   * git history checks one rules file whose nested ones it does not load).
   */
  excludeDirs?: readonly string[];
  /** `check --cache`: each file's facts kept on disk here, keyed by content. */
  cacheDir?: string;
  /** Part of the disk cache's key: facts from another engine version are not reused. */
  engineVersion?: string;
  /** Facts kept in memory across sessions (the git history analyses many similar commits). */
  factsCache?: FactsCache;
  /** Threads to parse part of a large workspace on. */
  workers?: FactsWorkers;
  /** The editor: a cycle through an import added after the first check is reported on that import. */
  trackNewImports?: boolean;
  /** A refactoring window's analysis: parse errors are not wanted (see ProjectOptions). */
  withoutParseErrors?: boolean;
}

/** What changed since the last check (see `AnalysisSession.update`). */
export interface SessionUpdate {
  /** Files edited, saved, created or deleted. */
  files?: readonly FileChange[];
  /**
   * Compiler options or what module resolution reads changed: every import is resolved again.
   * `if-changed` (tsconfig files edited, none created or deleted): only in a project whose
   * options now differ in what resolution reads (see GuardrailsProject.reloadCompilerOptions).
   */
  compilerOptions?: boolean | 'if-changed';
  /** Baseline files that changed: read again (those of no project here are ignored). */
  baselines?: readonly string[];
}

export interface OpenOptions extends SessionOptions {
  /** An explicit rules file (`--config`); otherwise the nearest above the folder and any nested below. */
  config?: string;
  /** Rules files another session already governs (a multi-root workspace loads each once). */
  skipRulesFiles?: ReadonlySet<string>;
  /** The session this one replaces: a rules file that now has errors keeps its last good project. */
  previous?: AnalysisSession;
}

/** One rules file's project and its latest findings (after the baseline). */
export interface ProjectResult {
  project: GuardrailsProject;
  result: AnalysisResult;
}

export type OpenOutcome =
  | { ok: true; session: AnalysisSession }
  | { ok: false; message: string; problems: ConfigProblem[] };

export class AnalysisSession {
  private entries: ProjectResult[] = [];
  private rulesProblems: ConfigProblem[];
  /** Parsed baselines (with `keepBaselines`), until the file changes. */
  private readonly baselines = new Map<string, ReadBaselineResult>();
  private readonly factsCaches = new Map<GuardrailsProject, DiskFactsCache>();
  /** The merge base's findings, with `compareWithBase`. */
  private sinceBase: AnalysisResult | undefined;
  readonly today: string;

  private constructor(
    /** Paths in reports are relative to this folder. */
    readonly reportRoot: string,
    private readonly loaded: LoadedConfigs,
    readonly fs: FileSystem,
    private readonly options: SessionOptions,
    private readonly kept: readonly ProjectResult[] = [],
  ) {
    this.today = options.today ?? todayIso();
    this.rulesProblems = loaded.problems;
  }

  /**
   * Step 1 for a command: the folder must exist, a rules file must govern it, and the rules must
   * load without errors (problems of a rules file are then the whole answer).
   */
  static open(dir: string, options: OpenOptions = {}): OpenOutcome {
    const fs = options.fs ?? new CachedDirectoriesFileSystem(new NodeFileSystem());
    const rules = rulesForDirectory(dir, fs, options.config);
    if (!rules.ok) return rules;
    const loaded: LoadedConfigs = { configs: rules.configs, partial: rules.partial, problems: rules.problems, failed: [] };
    return { ok: true, session: new AnalysisSession(rules.reportRoot, loaded, fs, { ...options, fs }) };
  }

  /**
   * Step 1 for an editor folder: every rules file in or above it, loaded as far as possible. A
   * rules file with errors reports them; its project from `previous` (if any) stays meanwhile,
   * so the editor never goes blank while a rules file is being typed.
   */
  static openFolder(folder: string, options: OpenOptions & { fs: FileSystem }): AnalysisSession {
    const files = locateRulesFiles(folder, options.fs).filter((file) => !options.skipRulesFiles?.has(file));
    const loaded = loadConfigs(files, options.fs);
    const kept = options.previous?.entries.filter((entry) => loaded.failed.includes(entry.project.config.file)) ?? [];
    return new AnalysisSession(folder, loaded, options.fs, options, kept);
  }

  /** A session over rules already loaded (the git history checks past commits with today's rules). */
  static forConfigs(configs: readonly RulesConfig[], reportRoot: string, options: SessionOptions & { fs: FileSystem }): AnalysisSession {
    return new AnalysisSession(reportRoot, { configs: [...configs], partial: [], problems: [], failed: [] }, options.fs, options);
  }

  /**
   * What this session's disk caches know, by path and exact text, without counting as its own
   * use: the analysis of another commit (`check --since`'s merge base) shares most files with
   * the working tree. Undefined without a cache folder.
   */
  cachedFacts(): Pick<FactsCache, 'get'> | undefined {
    if (this.factsCaches.size === 0) return undefined;
    const caches = [...this.factsCaches];
    // Each file's facts depend on its own rules file's debt policy: asked of the project governing it.
    return { get: (file, text, parseErrors) => caches.find(([project]) => project.governs(file))?.[1].peek(file, text, parseErrors) };
  }

  /** The rules files this session checks (known from the start, before `load`). */
  configs(): readonly RulesConfig[] {
    return this.loaded.configs;
  }

  /** Steps 2 to 5: build every project, load its files, check them. False when cancelled. */
  async load(progress: LoadProgress = {}): Promise<boolean> {
    const all = [...this.loaded.configs, ...this.loaded.partial];
    const entries: ProjectResult[] = [...this.kept];
    for (const config of this.loaded.configs) {
      const factsCache = this.options.cacheDir ? DiskFactsCache.open(this.options.cacheDir, config, this.today, this.options.engineVersion ?? '') : undefined;
      const project = new GuardrailsProject(config, this.fs, {
        today: this.today,
        excludeDirs: [...nestedRoots(config, all), ...(this.options.excludeDirs ?? [])],
        include: this.options.include && [...this.options.include],
        exclude: this.options.exclude && [...this.options.exclude],
        maxFiles: this.options.maxFiles,
        factsCache: factsCache ?? this.options.factsCache,
        workers: this.options.workers,
        trackNewImports: this.options.trackNewImports,
        withoutParseErrors: this.options.withoutParseErrors,
      });
      if (factsCache) this.factsCaches.set(project, factsCache);
      if (!(await project.load(progress)) || progress.isCancelled?.()) return false;
      entries.push({ project, result: this.check(project) });
      factsCache?.save();
    }
    this.entries = entries;
    return true;
  }

  /** Steps 4 and 5 for one project: its checks (reused from the disk cache when nothing changed), then its baseline. */
  private check(project: GuardrailsProject): AnalysisResult {
    const started = performance.now();
    const factsCache = this.factsCaches.get(project);
    const baseline = configuredBaseline(project.config, this.fs, {
      override: this.options.baseline,
      reportRoot: this.reportRoot,
      read: this.options.keepBaselines ? (file) => this.readBaseline(file) : undefined,
    });
    // The checks see the baseline (and the merge base of --since) too: a new cycle finding goes on
    // the import that made it. The disk cache keys on the rules and the baseline, not the merge base.
    const known = this.sinceBase ? knownSince(this.sinceBase, knownOf(baseline)) : knownOf(baseline);
    const checked = factsCache && !this.sinceBase ? checkWithCache(project, factsCache, this.fs, this.today, known, baseline?.file) : project.check(known);
    const baselined = applyBaselineRead(checked.violations, baseline);
    const notices = [...checked.notices, ...baselined.notices, ...(factsCache?.unusable ? [factsCache.unusable] : [])];
    return { ...checked, violations: baselined.violations, notices, durationMs: performance.now() - started, cache: factsCache && { ...factsCache.stats } };
  }

  private readBaseline(file: string): ReadBaselineResult {
    let read = this.baselines.get(file);
    if (!read) {
      read = readBaseline(file, this.fs);
      this.baselines.set(file, read);
    }
    return read;
  }

  /**
   * Files edited, saved, created or deleted (a branch switch is many at once): each is re-read
   * once, and each project they touch is checked again once. True when anything changed.
   */
  applyChanges(changes: readonly FileChange[]): boolean {
    return this.update({ files: changes });
  }

  /**
   * A tsconfig changed: resolve every import again (no re-parse) and check again; with
   * `onlyIfChanged` (files edited, none created or deleted) only where resolution would change.
   * False when nothing had to be done.
   */
  reloadCompilerOptions(onlyIfChanged = false): boolean {
    return this.update({ compilerOptions: onlyIfChanged ? 'if-changed' : true });
  }

  /** A baseline file changed on disk: read it again and check again. True when one of ours. */
  baselineChanged(file: string): boolean {
    const ours = this.isBaseline(file);
    if (ours) this.update({ baselines: [file] });
    return ours;
  }

  /**
   * Any of those at once (a step from one commit to the next in the git history): files re-read,
   * imports resolved again, baselines re-read, and each project affected checked once.
   */
  update(update: SessionUpdate): boolean {
    const files = update.files ?? [];
    for (const file of update.baselines ?? []) this.baselines.delete(file);
    const baselineChanged = (update.baselines ?? []).some((file) => this.isBaseline(file));
    let touched = false;
    for (const entry of this.entries) {
      const mine = files.filter((change) => isInside(entry.project.root, change.file));
      let changed = mine.length > 0 && entry.project.applyChanges(mine);
      if (update.compilerOptions && entry.project.reloadCompilerOptions(update.compilerOptions === 'if-changed')) changed = true;
      if (changed || baselineChanged) {
        entry.result = this.check(entry.project);
        touched = true;
      }
    }
    return touched;
  }

  private isBaseline(file: string): boolean {
    return this.entries.some((entry) => {
      const target = baselineFileOf(entry.project.config, this.fs);
      return target.ok && target.file === file;
    }) || this.options.baseline === file;
  }

  /**
   * `check --since` and `guardrails.newSince`: the merge base's findings and imports choose where
   * new cycle findings go (baseline/knownSince), so a change to a tangle does not move its old cut
   * onto imports it did not touch. Projects with a cycle rule are checked again; undefined forgets it.
   */
  compareWithBase(base: AnalysisResult | undefined): void {
    if (base === this.sinceBase) return;
    this.sinceBase = base;
    for (const entry of this.entries) {
      if (entry.project.config.rules.some((rule) => rule.kind === 'no-cycle' && rule.severity !== 'off')) entry.result = this.check(entry.project);
    }
  }

  /** Everything checked again, without re-reading files (a setting that changes what is reported). */
  recheckAll(): void {
    for (const entry of this.entries) entry.result = this.check(entry.project);
  }

  /** Every project with its latest findings. */
  results(): readonly ProjectResult[] {
    return this.entries;
  }

  /** The project whose rules govern `file` (the innermost), if any. */
  projectFor(file: string): GuardrailsProject | undefined {
    let best: GuardrailsProject | undefined;
    for (const { project } of this.entries) {
      if (isInside(project.root, file) && (!best || project.root.length > best.root.length) && project.governs(file)) best = project;
    }
    return best;
  }

  /** Known files at or below `dir` (a folder that was deleted). */
  filesUnder(dir: string): string[] {
    return this.entries.flatMap((entry) => entry.project.knownFiles().filter((file) => isInside(dir, file)));
  }

  /** Rules files this session governs, including those whose errors keep them from loading. */
  rulesFiles(): string[] {
    return [...this.loaded.configs.map((config) => config.file), ...this.loaded.failed];
  }

  /** Every file the loaded rules were read from (rules files and what they extend). */
  rulesSources(): string[] {
    return [...new Set([...this.entries.flatMap((entry) => entry.project.config.sources), ...this.loaded.failed])];
  }

  /** Problems of the rules files: as loaded, or as last typed (`setRulesProblems`). */
  get problems(): readonly ConfigProblem[] {
    return this.rulesProblems;
  }

  /** The problems of one rules file's unsaved text replace those it had. */
  setRulesProblems(file: string, problems: readonly ConfigProblem[]): void {
    this.rulesProblems = [...this.rulesProblems.filter((problem) => problem.location.file !== file), ...problems];
  }

  /** What the user should know that is not a finding: defaults used, files skipped, baseline trouble. */
  notices(): Notice[] {
    return this.entries.flatMap((entry) => entry.result.notices);
  }

  /**
   * Everything as one report (what `check` prints): rules-file warnings first, then each rules
   * file's findings, paths relative to `reportRoot`.
   */
  result(): AnalysisResult {
    return combineResults(this.reportRoot, this.loaded.configs[0]?.file, this.rulesProblems.map(configProblemViolation), this.entries.map((entry) => entry.result));
  }
}

/** A rules-file problem as a finding, so reports and diagnostics show it like any other. */
export function configProblemViolation(problem: ConfigProblem): Violation {
  return {
    ruleId: 'rules-file',
    severity: problem.severity,
    message: problem.message,
    location: problem.location,
    from: problem.location.file,
    to: '',
  };
}

