import * as vscode from 'vscode';
import type { FileChange } from '../../core/analysis/project';
import { NodeFileSystem } from '../../core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../core/fs/overlayFileSystem';
import { loadRules } from '../../core/rules/loadRules';
import type { Settings } from '../settings';
import { DisposableStore } from '../util/dispose';
import { withEscalatingProgress } from './escalatingProgress';
import { FolderAnalysis, type ProjectEntry } from './folderAnalysis';
import { watchWorkspace } from './workspaceWatchers';
import { SOURCE_FILE } from '../../core/graph/discoverFiles';

export type AnalysisState = 'idle' | 'analysing' | 'failed';


/** Settings that change what is analysed; the others only change what is shown. */
const RELOADING_SETTINGS: readonly (keyof Settings)[] = ['enable', 'include', 'exclude', 'maxFiles', 'today'];

/**
 * Keeps every workspace folder's analysis current: a full load in the background (with progress
 * and cancellation), then changed files in batches (debounced) as the user types, saves, creates,
 * deletes or renames files, or edits a tsconfig, a baseline or a rules file.
 */
export class AnalysisService extends DisposableStore {
  private readonly fs = new OverlayFileSystem(new NodeFileSystem());
  private readonly folders = new Map<string, FolderAnalysis>();
  /** Files changed since the last flush: an editor buffer, or the disk. */
  private readonly pending = new Map<string, { document?: vscode.TextDocument; deleted?: boolean }>();
  private debounceTimer: NodeJS.Timeout | undefined;
  private loadCancellation: vscode.CancellationTokenSource | undefined;
  private currentLoad: Promise<void> = Promise.resolve();
  private stateValue: AnalysisState = 'idle';
  private errorShown = false;

  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires after results or rules-file problems changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<AnalysisState>());
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly loadEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires after a full load (start-up, rules or settings changed): the moments to re-watch rules files. */
  readonly onDidLoad = this.loadEmitter.event;

  constructor(private settings: Settings, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register({ dispose: () => this.stop() });
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => this.onSave(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    this.register(watchWorkspace(this, {
      sourceChanged: (file, deleted) => this.queue(file, { deleted }),
      folderDeleted: (dir) => this.eachFolder((folder) => folder.filesUnder(dir).forEach((file) => this.queue(file, { deleted: true }))),
      tsconfigChanged: () => this.whenLoaded(() => {
        this.eachFolder((folder) => folder.reloadCompilerOptions());
        this.changeEmitter.fire();
      }),
      jsonChanged: (file) => this.onJsonChanged(file),
      reload: () => void this.reload(),
    }));
  }

  get state(): AnalysisState {
    return this.stateValue;
  }

  /** Resolves when the current full load (if any) and pending changes are done. */
  async whenIdle(): Promise<void> {
    await this.settled();
    if (this.pending.size > 0) this.flush();
  }

  updateSettings(settings: Settings): void {
    const previous = this.settings;
    this.settings = settings;
    const reload = RELOADING_SETTINGS.some((key) => JSON.stringify(previous[key]) !== JSON.stringify(settings[key]));
    if (reload) void this.reload();
    else this.changeEmitter.fire();
  }

  results(): ProjectEntry[] {
    return [...this.folders.values()].flatMap((folder) => folder.projects());
  }

  /** A baseline file was written (by a quick fix): read it again and re-check who uses it. */
  baselineChanged(file: string): void {
    this.eachFolder((folder) => folder.baselineChanged(file));
    this.changeEmitter.fire();
  }

  folderAnalyses(): FolderAnalysis[] {
    return [...this.folders.values()];
  }

  /** Every file the loaded rules came from, in every folder. */
  rulesSources(): string[] {
    return [...new Set(this.folderAnalyses().flatMap((folder) => folder.rulesSources()))];
  }

  /** Everything from scratch: rules files, tsconfigs, every file. Cancels a load in progress. */
  reload(): Promise<void> {
    this.loadCancellation?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    this.loadCancellation = cancellation;
    this.currentLoad = this.load(cancellation.token).finally(() => cancellation.dispose());
    return this.currentLoad;
  }

  private async load(token: vscode.CancellationToken): Promise<void> {
    if (!this.settings.enable) {
      this.folders.clear();
      this.changeEmitter.fire();
      return;
    }
    this.setState('analysing');
    const started = performance.now();
    try {
      const completed = await withEscalatingProgress(token, async (report, isCancelled) => {
        const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
        // In a multi-root workspace a rules file above several folders is loaded once, by the first.
        const claimed = new Set<string>();
        for (const workspaceFolder of workspaceFolders) {
          const key = workspaceFolder.uri.fsPath;
          const folder = this.folders.get(key) ?? new FolderAnalysis(key, this.fs, this.log, this.settings);
          folder.updateSettings(this.settings);
          const done = await folder.load({
            isCancelled,
            onProgress: (count, total) => report(`analysing ${count}/${total} files in ${workspaceFolder.name}`, total === 0 ? 1 : count / total),
          }, claimed);
          if (!done) return false;
          this.folders.set(key, folder);
        }
        for (const key of [...this.folders.keys()]) {
          if (!workspaceFolders.some((folder) => folder.uri.fsPath === key)) this.folders.delete(key);
        }
        return true;
      });
      // A newer load took over: it owns the state and the events now.
      if (token.isCancellationRequested) return;
      if (!completed) {
        this.log.info('analysis cancelled');
        this.setState('idle');
        return;
      }
      this.log.info(`full analysis in ${Math.round(performance.now() - started)} ms`);
      void vscode.commands.executeCommand('setContext', 'guardrails.hasRules', this.results().length > 0);
      this.setState('idle');
      this.loadEmitter.fire();
    } catch (error) {
      this.fail('analysis failed', error);
    }
    this.changeEmitter.fire();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    if (document.uri.scheme !== 'file' || event.contentChanges.length === 0) return;
    if (this.isRulesSource(document.uri.fsPath)) {
      this.validateRulesBuffer(document);
      return;
    }
    if (SOURCE_FILE.test(document.uri.fsPath)) this.queue(document.uri.fsPath, { document });
  }

  private queue(file: string, change: { document?: vscode.TextDocument; deleted?: boolean }): void {
    this.pending.set(file, change);
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.whenLoaded(() => this.flush()), this.settings.debounceMs);
  }

  /** Applies every change queued since the last flush, in one batch per project. */
  private flush(): void {
    clearTimeout(this.debounceTimer);
    if (this.pending.size === 0) return;
    const started = performance.now();
    const changes: FileChange[] = [];
    for (const [file, { document, deleted }] of this.pending) {
      // Unsaved text is what the user sees; once saved or reverted, the disk is the truth again.
      if (document && document.isDirty && !document.isClosed) {
        const text = document.getText();
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
      this.eachFolder((folder) => (changed = folder.applyChanges(changes) || changed));
    } catch (error) {
      this.fail('re-check failed', error);
    }
    if (changed) {
      this.log.debug(`re-checked ${changes.length} changed file(s) in ${(performance.now() - started).toFixed(1)} ms`);
      this.changeEmitter.fire();
    }
  }

  private onSave(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    if (this.isRulesSource(file)) void this.reload();
    else if (SOURCE_FILE.test(file)) this.queue(file, {});
  }

  private onClose(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    if (document.uri.scheme !== 'file') return;
    if (this.isRulesSource(file)) {
      // Problems of unsaved rules text go with the buffer; the saved file's stay.
      this.validateRulesText(file);
      return;
    }
    // VS Code reverts a buffer closed without saving before closing it: re-read what is on disk.
    if (SOURCE_FILE.test(file)) this.queue(file, {});
  }

  private onJsonChanged(file: string): void {
    this.whenLoaded(() => {
      if (this.folderAnalyses().some((folder) => folder.baselineChanged(file))) this.changeEmitter.fire();
      const open = vscode.workspace.textDocuments.some((document) => document.uri.fsPath === file);
      // An open rules file reloads on save; one changed outside the editor reloads here.
      if (this.isRulesSource(file) && !open) void this.reload();
    });
  }

  /** Checks a rules file's unsaved text, so its problems show while it is typed. */
  private validateRulesBuffer(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    this.fs.setOverlay(file, document.getText());
    try {
      this.validateRulesText(file);
    } finally {
      this.fs.clearOverlay(file);
    }
  }

  private validateRulesText(file: string): void {
    const loaded = loadRules(file, this.fs);
    const problems = loaded.problems.filter((problem) => problem.location.file === file);
    for (const folder of this.folders.values()) if (folder.isRulesSource(file)) folder.setRulesProblems(file, problems);
    this.changeEmitter.fire();
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

  private eachFolder(action: (folder: FolderAnalysis) => void): void {
    for (const folder of this.folders.values()) action(folder);
  }

  private isRulesSource(file: string): boolean {
    return [...this.folders.values()].some((folder) => folder.isRulesSource(file));
  }

  private setState(state: AnalysisState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  private stop(): void {
    clearTimeout(this.debounceTimer);
    this.loadCancellation?.cancel();
  }

  /** Logged every time, shown to the user once per session: never a loop of popups. */
  private fail(what: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    this.log.error(`${what}: ${detail}`);
    this.setState('failed');
    if (!this.errorShown) {
      this.errorShown = true;
      void vscode.window.showErrorMessage(`Guardrails: ${what}. See the Guardrails output for details.`, 'Show Output').then((choice) => {
        if (choice) this.log.show(true);
      });
    }
  }
}
