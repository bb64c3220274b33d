import * as path from 'node:path';
import { applyConfiguredBaseline } from '../../core/analysis/applyConfiguredBaseline';
import { loadConfigs, locateRulesFiles, nestedRoots } from '../../core/analysis/loadConfigs';
import { GuardrailsProject, type FileChange, type LoadProgress } from '../../core/analysis/project';
import { readBaseline, type ReadBaselineResult } from '../../core/baseline/baseline';
import type { FileSystem } from '../../core/fs/fileSystem';
import type { ConfigProblem, RulesConfig } from '../../core/model/ruleTypes';
import type { AnalysisResult, Notice } from '../../core/model/types';
import { isInside } from '../../core/util/paths';
import { effectiveToday, type Settings } from '../settings';

/** Logging the core-facing parts need; the extension passes its LogOutputChannel. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ProjectEntry {
  project: GuardrailsProject;
  result: AnalysisResult;
}

/**
 * One workspace folder: its rules files, a project per rules file, and the latest results.
 * A rules file that breaks keeps its last good project, so the editor never goes blank mid-edit.
 */
export class FolderAnalysis {
  private entries = new Map<string, ProjectEntry>();
  private problems: ConfigProblem[] = [];
  /** Parsed baselines, until the file changes: keystrokes must not re-read them. */
  private readonly baselines = new Map<string, ReadBaselineResult>();

  constructor(readonly folder: string, private readonly fs: FileSystem, private readonly log: Log, private settings: Settings) {}

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  /**
   * Finds and loads every rules file (except those another folder already `claimed`), then reads
   * every governed file. The new projects replace the old ones only when all are loaded, so a
   * cancelled load leaves the last results whole. False when cancelled.
   */
  async load(progress: LoadProgress, claimed: Set<string>): Promise<boolean> {
    const started = performance.now();
    const rulesFiles = locateRulesFiles(this.folder, this.fs).filter((file) => !claimed.has(file));
    const { configs, problems, failed, partial } = loadConfigs(rulesFiles, this.fs);
    const entries = new Map<string, ProjectEntry>();
    for (const file of failed) {
      const kept = this.entries.get(file);
      if (kept) {
        entries.set(file, kept);
        this.log.warn(`${file} has errors; keeping its last good rules until it is fixed`);
      }
    }
    this.baselines.clear();
    for (const config of configs) {
      const project = this.createProject(config, [...configs, ...partial]);
      if (!(await project.load(progress)) || progress.isCancelled?.()) return false;
      entries.set(config.file, { project, result: this.check(project) });
    }
    for (const file of [...configs.map((config) => config.file), ...failed]) claimed.add(file);
    this.entries = entries;
    this.problems = problems;
    const files = [...entries.values()].reduce((sum, entry) => sum + entry.project.fileCount, 0);
    this.log.info(`analysed ${this.folder}: ${entries.size} rules file(s), ${files} files in ${Math.round(performance.now() - started)} ms`);
    for (const notice of this.notices()) (notice.level === 'warning' ? this.log.warn : this.log.info).call(this.log, `${notice.file ? `${notice.file}: ` : ''}${notice.message}`);
    return true;
  }

  private createProject(config: RulesConfig, all: readonly RulesConfig[]): GuardrailsProject {
    return new GuardrailsProject(config, this.fs, {
      today: effectiveToday(this.settings),
      excludeDirs: nestedRoots(config, all),
      include: [...this.settings.include],
      exclude: [...this.settings.exclude],
      maxFiles: this.settings.maxFiles,
    });
  }

  /** Runs the checks of one project and softens what its baseline lists. */
  private check(project: GuardrailsProject): AnalysisResult {
    const started = performance.now();
    const result = project.check();
    const baselined = applyConfiguredBaseline(result.violations, project.config, this.fs, { read: (file) => this.readBaseline(file) });
    return { ...result, violations: baselined.violations, notices: [...result.notices, ...baselined.notices], durationMs: performance.now() - started };
  }

  private readBaseline(file: string): ReadBaselineResult {
    let read = this.baselines.get(file);
    if (!read) {
      read = readBaseline(file, this.fs);
      this.baselines.set(file, read);
    }
    return read;
  }

  /** The project whose rules govern `file`, if any. */
  projectFor(file: string): GuardrailsProject | undefined {
    let best: GuardrailsProject | undefined;
    for (const { project } of this.entries.values()) {
      if (isInside(project.root, file) && (!best || project.root.length > best.root.length) && project.governs(file)) best = project;
    }
    return best;
  }

  /**
   * Applies a batch of changed files (edits, saves, creations, deletions, a deleted folder's files)
   * and re-checks each touched project once. True when anything changed.
   */
  applyChanges(changes: readonly FileChange[]): boolean {
    let touched = false;
    for (const entry of this.entries.values()) {
      const mine = changes.filter((change) => isInside(entry.project.root, change.file));
      if (mine.length > 0 && entry.project.applyChanges(mine)) {
        this.recheck(entry.project);
        touched = true;
      }
    }
    return touched;
  }

  /** Known files at or below `dir` (a folder that was deleted). */
  filesUnder(dir: string): string[] {
    return [...this.entries.values()].flatMap((entry) => entry.project.knownFiles().filter((file) => isInside(dir, file)));
  }

  /** A tsconfig changed: resolve every import again, without re-parsing. */
  reloadCompilerOptions(): void {
    for (const entry of this.entries.values()) {
      entry.project.reloadCompilerOptions();
      this.recheck(entry.project);
    }
  }

  /** A baseline file changed on disk: read it again and re-check. True when it is one of ours. */
  baselineChanged(file: string): boolean {
    const ours = [...this.entries.values()].some((entry) => entry.project.config.baseline === file);
    if (!ours) return false;
    this.baselines.delete(file);
    this.recheckAll();
    return true;
  }

  recheckAll(): void {
    for (const entry of this.entries.values()) this.recheck(entry.project);
  }

  private recheck(project: GuardrailsProject): void {
    this.entries.set(project.config.file, { project, result: this.check(project) });
  }

  /** True when `file` is a rules file of this folder or something one of them extends. */
  isRulesSource(file: string): boolean {
    if (path.basename(file) === 'guardrails.json' && isInside(this.folder, file)) return true;
    return this.rulesSources().includes(file);
  }

  /** Every file the loaded rules were read from (rules files and what they extend). */
  rulesSources(): string[] {
    return [...this.entries.values()].flatMap((entry) => entry.project.config.sources);
  }

  get rulesProblems(): readonly ConfigProblem[] {
    return this.problems;
  }

  setRulesProblems(file: string, problems: ConfigProblem[]): void {
    this.problems = [...this.problems.filter((problem) => problem.location.file !== file), ...problems];
  }

  /** What the user should know that is not a finding: defaults used, files skipped, baseline trouble. */
  notices(): Notice[] {
    return [...this.entries.values()].flatMap((entry) => entry.result.notices);
  }

  projects(): ProjectEntry[] {
    return [...this.entries.values()];
  }
}
