import * as path from 'node:path';
import { applyConfiguredBaseline } from '../../core/analysis/applyConfiguredBaseline';
import { loadConfigs, locateRulesFiles, nestedRoots } from '../../core/analysis/loadConfigs';
import { GuardrailsProject, type LoadProgress } from '../../core/analysis/project';
import type { FileSystem } from '../../core/fs/fileSystem';
import type { ConfigProblem, RulesConfig } from '../../core/rules/ruleTypes';
import type { AnalysisResult } from '../../core/types';
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
  private readonly entries = new Map<string, ProjectEntry>();
  private problems: ConfigProblem[] = [];

  constructor(readonly folder: string, private readonly fs: FileSystem, private readonly log: Log, private settings: Settings) {}

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  /** Finds and loads every rules file, then reads every governed file. False when cancelled. */
  async load(progress: LoadProgress): Promise<boolean> {
    const started = performance.now();
    const rulesFiles = locateRulesFiles(this.folder, this.fs);
    const { configs, problems, failed } = loadConfigs(rulesFiles, this.fs);
    this.problems = problems;
    const keep = new Set([...configs.map((config) => config.file), ...failed]);
    for (const file of [...this.entries.keys()]) if (!keep.has(file)) this.entries.delete(file);
    for (const file of failed) {
      if (this.entries.has(file)) this.log.warn(`${file} has errors; keeping the last good rules until it is fixed`);
    }
    for (const config of configs) {
      const project = this.createProject(config, configs);
      if (!(await project.load(progress))) return false;
      this.entries.set(config.file, { project, result: this.check(project) });
    }
    const files = [...this.entries.values()].reduce((sum, entry) => sum + entry.project.fileCount, 0);
    this.log.info(`analysed ${this.folder}: ${this.entries.size} rules file(s), ${files} files in ${Math.round(performance.now() - started)} ms`);
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
  check(project: GuardrailsProject): AnalysisResult {
    const started = performance.now();
    const result = project.check();
    const baselined = applyConfiguredBaseline(result.violations, project.config, this.fs);
    return { ...result, violations: baselined.violations, notices: [...result.notices, ...baselined.notices], durationMs: performance.now() - started };
  }

  /** The project whose rules govern `file`, if any. */
  projectFor(file: string): GuardrailsProject | undefined {
    let best: GuardrailsProject | undefined;
    for (const { project } of this.entries.values()) {
      if (isInside(project.root, file) && (!best || project.root.length > best.root.length) && project.governs(file)) best = project;
    }
    return best;
  }

  /** Re-reads one file (from `text`, an unsaved buffer, when given) and re-checks its project. */
  updateFile(file: string, text?: string): boolean {
    const project = this.projectFor(file);
    if (!project) return false;
    project.updateFile(file, text);
    this.recheck(project);
    return true;
  }

  removeFile(file: string): boolean {
    let changed = false;
    for (const entry of this.entries.values()) {
      if (entry.project.hasFile(file)) {
        entry.project.removeFile(file);
        this.recheck(entry.project);
        changed = true;
      }
    }
    return changed;
  }

  /** A tsconfig changed: resolve every import again, without re-parsing. */
  reloadCompilerOptions(): void {
    for (const entry of this.entries.values()) {
      entry.project.reloadCompilerOptions();
      this.recheck(entry.project);
    }
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
    return [...this.entries.values()].some((entry) => entry.project.config.sources.includes(file));
  }

  get rulesProblems(): readonly ConfigProblem[] {
    return this.problems;
  }

  setRulesProblems(file: string, problems: ConfigProblem[]): void {
    this.problems = [...this.problems.filter((problem) => problem.location.file !== file), ...problems];
  }

  projects(): ProjectEntry[] {
    return [...this.entries.values()];
  }
}
