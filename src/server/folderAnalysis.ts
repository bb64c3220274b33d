import * as path from 'node:path';
import type { ServerSettings } from './protocol';
import { AnalysisSession, isInside, todayIso, type AnalysisResult, type ConfigProblem, type FactsWorkers, type FileChange, type FileSystem, type GuardrailsProject, type LoadProgress, type Notice, type ProjectResult } from '../core';

/** Where the server's logs go (the client's Guardrails output). */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type ProjectEntry = ProjectResult;

/**
 * One workspace folder's analysis session. A reload opens a new session that replaces the old one
 * only when it is fully loaded, so a cancelled load leaves the last results whole; a rules file
 * that breaks keeps its last good project meanwhile.
 */
export class FolderAnalysis {
  private session: AnalysisSession | undefined;
  /** With `guardrails.newSince`: the merge base's findings, which choose where new cycle findings go. */
  private sinceBase: AnalysisResult | undefined;

  constructor(readonly folder: string, private readonly fs: FileSystem, private readonly log: Log, private settings: ServerSettings, private readonly workers?: FactsWorkers) {}

  updateSettings(settings: ServerSettings): void {
    this.settings = settings;
  }

  /** Loads every rules file of the folder (except those another folder already `claimed`). False when cancelled. */
  async load(progress: LoadProgress, claimed: Set<string>): Promise<boolean> {
    const started = performance.now();
    const session = AnalysisSession.openFolder(this.folder, {
      fs: this.fs,
      today: this.settings.today || todayIso(),
      keepBaselines: true,
      // A cycle through an import just typed is reported on that import.
      trackNewImports: true,
      include: this.settings.include,
      exclude: this.settings.exclude,
      maxFiles: this.settings.maxFiles,
      skipRulesFiles: claimed,
      previous: this.session,
      workers: this.workers,
    });
    if (!(await session.load(progress)) || progress.isCancelled?.()) return false;
    for (const file of session.rulesFiles()) claimed.add(file);
    for (const entry of this.session?.results() ?? []) {
      if (session.results().includes(entry)) this.log.warn(`${entry.project.config.file} has errors; keeping its last good rules until it is fixed`);
    }
    session.compareWithBase(this.sinceBase);
    this.session = session;
    const files = session.results().reduce((sum, entry) => sum + entry.project.fileCount, 0);
    this.log.info(`analysed ${this.folder}: ${session.results().length} rules file(s), ${files} files in ${Math.round(performance.now() - started)} ms`);
    for (const notice of this.notices()) (notice.level === 'warning' ? this.log.warn : this.log.info).call(this.log, `${notice.file ? `${notice.file}: ` : ''}${notice.message}`);
    return true;
  }

  /** The merge base of `guardrails.newSince` was analysed (again), or new-code mode is off (undefined). */
  compareWithBase(base: AnalysisResult | undefined): void {
    this.sinceBase = base;
    this.session?.compareWithBase(base);
  }

  projectFor(file: string): GuardrailsProject | undefined {
    return this.session?.projectFor(file);
  }

  applyChanges(changes: readonly FileChange[]): boolean {
    return this.session?.applyChanges(changes) ?? false;
  }

  filesUnder(dir: string): string[] {
    return this.session?.filesUnder(dir) ?? [];
  }

  /** See AnalysisSession.reloadCompilerOptions; false when nothing had to be done. */
  reloadCompilerOptions(onlyIfChanged = false): boolean {
    return this.session?.reloadCompilerOptions(onlyIfChanged) ?? false;
  }

  baselineChanged(file: string): boolean {
    return this.session?.baselineChanged(file) ?? false;
  }

  recheckAll(): void {
    this.session?.recheckAll();
  }

  /** True when `file` is a rules file of this folder or something one of them extends. */
  isRulesSource(file: string): boolean {
    if (path.basename(file) === 'guardrails.json' && isInside(this.folder, file)) return true;
    return this.rulesSources().includes(file);
  }

  rulesSources(): string[] {
    return this.session?.rulesSources() ?? [];
  }

  get rulesProblems(): readonly ConfigProblem[] {
    return this.session?.problems ?? [];
  }

  setRulesProblems(file: string, problems: ConfigProblem[]): void {
    this.session?.setRulesProblems(file, problems);
  }

  notices(): Notice[] {
    return this.session?.notices() ?? [];
  }

  projects(): readonly ProjectEntry[] {
    return this.session?.results() ?? [];
  }
}
