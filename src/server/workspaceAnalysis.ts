import * as path from 'node:path';
import { Emitter, type Event } from 'vscode-languageserver';
import { FolderAnalysis, type Log } from './folderAnalysis';
import type { AnalysisState, ServerSettings } from './protocol';
import { NodeFileSystem, OverlayFileSystem, SOURCE_FILE, loadRules, type FactsWorkers, type FileChange, type LoadProgress, type ProjectResult } from '../core';

/** Settings that change what is analysed; the others only change what is shown. */
const RELOADING_SETTINGS: readonly (keyof ServerSettings)[] = ['enable', 'include', 'exclude', 'maxFiles', 'today'];

/** How a full load reports progress and learns that it should stop. */
export interface LoadReporter {
  begin(): Promise<{ report(message: string, fraction: number): void; isCancelled(): boolean; done(): void }>;
}

/**
 * Keeps every workspace folder's analysis current: a full load in the background (with progress and
 * cancellation), then changed files in debounced batches as documents are edited, saved, created,
 * deleted or renamed, tsconfigs change, or rules files and baselines change.
 */
export class WorkspaceAnalysis {
  private readonly fs = new OverlayFileSystem(new NodeFileSystem());
  private readonly folders = new Map<string, FolderAnalysis>();
  /** Files changed since the last flush: unsaved text, or the disk (`text` undefined). */
  private readonly pending = new Map<string, { text?: string; deleted?: boolean }>();
  private debounceTimer: NodeJS.Timeout | undefined;
  private loadGeneration = 0;
  private startFirstLoad!: () => void;
  /**
   * Pending until the first `reload`: the server starts it once the client's settings have come,
   * and a change or `whenIdle` that arrives before must wait for it rather than act on nothing.
   */
  private currentLoad: Promise<void> = new Promise((resolve) => (this.startFirstLoad = resolve));
  private stateValue: AnalysisState = 'idle';
  private workspaceFolders: string[] = [];

  private readonly changeEmitter = new Emitter<void>();
  /** Results or rules-file problems changed. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  private readonly stateEmitter = new Emitter<AnalysisState>();
  readonly onDidChangeState: Event<AnalysisState> = this.stateEmitter.event;
  private readonly loadEmitter = new Emitter<void>();
  /** A full load finished (start-up, rules or settings changed). */
  readonly onDidLoad: Event<void> = this.loadEmitter.event;

  constructor(private settings: ServerSettings, private readonly log: Log, private readonly progress: LoadReporter, private readonly workers?: FactsWorkers) {}

  dispose(): void {
    clearTimeout(this.debounceTimer);
    this.loadGeneration++;
    this.changeEmitter.dispose();
    this.stateEmitter.dispose();
    this.loadEmitter.dispose();
  }

  get state(): AnalysisState {
    return this.stateValue;
  }

  setWorkspaceFolders(folders: readonly string[]): void {
    this.workspaceFolders = [...folders];
  }

  /** Resolves when the current full load (if any) and every change received so far are done. */
  async whenIdle(): Promise<void> {
    await this.settled();
    if (this.pending.size > 0) this.flush();
  }

  updateSettings(settings: ServerSettings): void {
    const previous = this.settings;
    this.settings = settings;
    const reload = RELOADING_SETTINGS.some((key) => JSON.stringify(previous[key]) !== JSON.stringify(settings[key]));
    if (reload) void this.reload();
    else this.changeEmitter.fire();
  }

  /** Settings taken as they are, without re-analysing (before the first load). */
  useSettings(settings: ServerSettings): void {
    this.settings = settings;
  }

  get currentSettings(): ServerSettings {
    return this.settings;
  }

  results(): ProjectResult[] {
    return [...this.folders.values()].flatMap((folder) => [...folder.projects()]);
  }

  folderAnalyses(): FolderAnalysis[] {
    return [...this.folders.values()];
  }

  /** Every file the loaded rules came from, in every folder. */
  rulesSources(): string[] {
    return [...new Set(this.folderAnalyses().flatMap((folder) => folder.rulesSources()))];
  }

  isRulesSource(file: string): boolean {
    return this.folderAnalyses().some((folder) => folder.isRulesSource(file));
  }

  /** Everything from scratch: rules files, tsconfigs, every file. A load in progress stops. */
  reload(): Promise<void> {
    const generation = ++this.loadGeneration;
    this.currentLoad = this.load(generation);
    this.startFirstLoad();
    return this.currentLoad;
  }

  private async load(generation: number): Promise<void> {
    const superseded = (): boolean => generation !== this.loadGeneration;
    if (!this.settings.enable) {
      this.folders.clear();
      this.changeEmitter.fire();
      return;
    }
    this.setState('analysing');
    const started = performance.now();
    const progress = await this.progress.begin();
    try {
      const isCancelled = (): boolean => superseded() || progress.isCancelled();
      // In a multi-root workspace a rules file above several folders is loaded once, by the first.
      const claimed = new Set<string>();
      let completed = true;
      for (const key of this.workspaceFolders) {
        const folder = this.folders.get(key) ?? new FolderAnalysis(key, this.fs, this.log, this.settings, this.workers);
        folder.updateSettings(this.settings);
        const reporter: LoadProgress = {
          isCancelled,
          onProgress: (count, total) => progress.report(`analysing ${count}/${total} files in ${path.basename(key)}`, total === 0 ? 1 : count / total),
        };
        if (!(await folder.load(reporter, claimed))) {
          completed = false;
          break;
        }
        this.folders.set(key, folder);
      }
      if (superseded()) return;
      for (const key of [...this.folders.keys()]) if (!this.workspaceFolders.includes(key)) this.folders.delete(key);
      if (!completed) {
        this.log.info('analysis cancelled');
        this.setState('idle');
        this.changeEmitter.fire();
        return;
      }
      this.log.info(`full analysis in ${Math.round(performance.now() - started)} ms`);
      this.setState('idle');
      this.loadEmitter.fire();
    } catch (error) {
      this.fail('analysis failed', error);
    } finally {
      progress.done();
    }
    this.changeEmitter.fire();
  }

  /** A source file changed: unsaved `text`, or the disk (saved, created, or `deleted`). */
  fileChanged(file: string, change: { text?: string; deleted?: boolean }): void {
    if (!SOURCE_FILE.test(file)) return;
    this.pending.set(file, change);
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.whenLoaded(() => this.flush()), this.settings.debounceMs);
  }

  /** A folder was deleted: each of its known files goes. */
  folderDeleted(dir: string): void {
    this.whenLoaded(() => {
      for (const folder of this.folders.values()) for (const file of folder.filesUnder(dir)) this.fileChanged(file, { deleted: true });
    });
  }

  /**
   * Tsconfig files changed. `onlyEdited` (none created or deleted): a folder re-resolves only when
   * what module resolution reads changed, so saving a strictness flag costs nothing.
   */
  tsconfigChanged(onlyEdited = false): void {
    this.whenLoaded(() => {
      let changed = false;
      for (const folder of this.folders.values()) changed = folder.reloadCompilerOptions(onlyEdited) || changed;
      if (changed) this.changeEmitter.fire();
      else if (onlyEdited && this.folders.size > 0) this.log.info('tsconfig saved: nothing module resolution reads changed, imports not resolved again');
    });
  }

  /** A JSON file changed on disk: a baseline re-checks its users; a rules file not open in the editor reloads. */
  jsonChanged(file: string, openInEditor: boolean): void {
    this.whenLoaded(() => {
      if (this.folderAnalyses().some((folder) => folder.baselineChanged(file))) this.changeEmitter.fire();
      if (this.isRulesSource(file) && !openInEditor) void this.reload();
    });
  }

  /** A baseline was written by a command: read it again and re-check who uses it. */
  baselineChanged(file: string): void {
    for (const folder of this.folders.values()) folder.baselineChanged(file);
    this.changeEmitter.fire();
  }

  /** A rules file's unsaved text (or, with no text, the saved file) checked for problems as it is typed. */
  validateRulesText(file: string, text?: string): void {
    if (text !== undefined) this.fs.setOverlay(file, text);
    try {
      const loaded = loadRules(file, this.fs);
      const problems = loaded.problems.filter((problem) => problem.location.file === file);
      for (const folder of this.folders.values()) if (folder.isRulesSource(file)) folder.setRulesProblems(file, problems);
    } finally {
      if (text !== undefined) this.fs.clearOverlay(file);
    }
    this.changeEmitter.fire();
  }

  /** Applies every change queued since the last flush, in one batch per project. */
  private flush(): void {
    clearTimeout(this.debounceTimer);
    if (this.pending.size === 0) return;
    const started = performance.now();
    const changes: FileChange[] = [];
    for (const [file, { text, deleted }] of this.pending) {
      // Unsaved text is what the user sees; once saved or closed, the disk is the truth again.
      if (text !== undefined) {
        this.fs.setOverlay(file, text);
        changes.push({ file, text });
      } else {
        this.fs.clearOverlay(file);
        changes.push({ file, deleted });
      }
    }
    this.pending.clear();
    let changed = false;
    try {
      for (const folder of this.folders.values()) changed = folder.applyChanges(changes) || changed;
    } catch (error) {
      this.fail('re-check failed', error);
    }
    if (changed) {
      this.log.info(`re-checked ${changes.length} changed file(s) in ${(performance.now() - started).toFixed(1)} ms`);
      this.changeEmitter.fire();
    }
  }

  /** Runs after the latest load, even if another load starts while waiting. */
  private whenLoaded(action: () => void): void {
    void this.settled().then(() => {
      try {
        action();
      } catch (error) {
        this.fail('update failed', error);
      }
    });
  }

  private async settled(): Promise<void> {
    for (let load = this.currentLoad; ; load = this.currentLoad) {
      await load;
      if (load === this.currentLoad) return;
    }
  }

  private setState(state: AnalysisState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  private fail(what: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    this.log.error(`${what}: ${detail}`);
    this.setState('failed');
  }
}
