import * as vscode from 'vscode';
import { NodeFileSystem } from '../../core/fs/nodeFileSystem';
import { OverlayFileSystem } from '../../core/fs/overlayFileSystem';
import { loadRules } from '../../core/rules/loadRules';
import type { Settings } from '../settings';
import { DisposableStore } from '../util/dispose';
import { withEscalatingProgress } from './escalatingProgress';
import { FolderAnalysis, type ProjectEntry } from './folderAnalysis';

export type AnalysisState = 'idle' | 'analysing' | 'failed';

const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Keeps every workspace folder's analysis current: a full load in the background (with progress
 * and cancellation), then one file at a time as the user types (debounced), saves, creates,
 * deletes or renames files, or edits a tsconfig or a rules file.
 */
export class AnalysisService extends DisposableStore {
  private readonly fs = new OverlayFileSystem(new NodeFileSystem());
  private readonly folders = new Map<string, FolderAnalysis>();
  private readonly pending = new Map<string, vscode.TextDocument>();
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

  constructor(private settings: Settings, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
    this.register(vscode.workspace.onDidSaveTextDocument((document) => this.onSave(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    const sources = this.register(vscode.workspace.createFileSystemWatcher(SOURCE_GLOB));
    this.register(sources.onDidCreate((uri) => this.onDiskChange(uri, 'created')));
    this.register(sources.onDidChange((uri) => this.onDiskChange(uri, 'changed')));
    this.register(sources.onDidDelete((uri) => this.onDiskChange(uri, 'deleted')));
    const configs = this.register(vscode.workspace.createFileSystemWatcher('**/{tsconfig*.json,jsconfig.json}'));
    const onTsconfig = (): void =>
      this.whenLoaded(() => {
        this.eachFolder((folder) => folder.reloadCompilerOptions());
        this.changeEmitter.fire();
      });
    this.register(configs.onDidChange(onTsconfig));
    this.register(configs.onDidCreate(onTsconfig));
    this.register(configs.onDidDelete(onTsconfig));
    const rules = this.register(vscode.workspace.createFileSystemWatcher('**/*.json'));
    const onRules = (uri: vscode.Uri): void => {
      if (this.isRulesSource(uri.fsPath) && !this.isOpen(uri)) void this.reload();
    };
    this.register(rules.onDidChange(onRules));
    this.register(rules.onDidCreate((uri) => uri.path.endsWith('/guardrails.json') && void this.reload()));
    this.register(rules.onDidDelete(onRules));
  }

  get state(): AnalysisState {
    return this.stateValue;
  }

  /** Resolves when the current full load (if any) and pending edits are done. */
  async whenIdle(): Promise<void> {
    await this.currentLoad;
    if (this.pending.size > 0) this.flushEdits();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    void this.reload();
  }

  results(): ProjectEntry[] {
    return [...this.folders.values()].flatMap((folder) => folder.projects());
  }

  /** Runs the checks again without re-reading files (a baseline changed). */
  recheck(): void {
    this.eachFolder((folder) => folder.recheckAll());
    this.changeEmitter.fire();
  }

  folderAnalyses(): FolderAnalysis[] {
    return [...this.folders.values()];
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
        for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) {
          if (workspaceFolder.uri.scheme !== 'file') continue;
          const key = workspaceFolder.uri.fsPath;
          const folder = this.folders.get(key) ?? new FolderAnalysis(key, this.fs, this.log, this.settings);
          folder.updateSettings(this.settings);
          this.folders.set(key, folder);
          const done = await folder.load({
            isCancelled,
            onProgress: (count, total) => report(`analysing ${count}/${total} files in ${workspaceFolder.name}`, total === 0 ? 1 : count / total),
          });
          if (!done) return false;
        }
        for (const key of [...this.folders.keys()]) {
          if (!(vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.fsPath === key)) this.folders.delete(key);
        }
        return true;
      });
      if (!completed) {
        this.log.info('analysis cancelled');
        this.setState('idle');
        return;
      }
      if (token.isCancellationRequested) return;
      this.log.info(`full analysis in ${Math.round(performance.now() - started)} ms`);
      void vscode.commands.executeCommand('setContext', 'guardrails.hasRules', this.results().length > 0);
      this.setState('idle');
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
    if (!SOURCE_FILE.test(document.uri.fsPath)) return;
    this.pending.set(document.uri.fsPath, document);
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.whenLoaded(() => this.flushEdits()), this.settings.debounceMs);
  }

  /** Re-reads every document edited since the last flush and re-checks their projects. */
  private flushEdits(): void {
    clearTimeout(this.debounceTimer);
    const documents = [...this.pending.values()];
    this.pending.clear();
    if (documents.length === 0) return;
    const started = performance.now();
    let changed = false;
    try {
      for (const document of documents) {
        const file = document.uri.fsPath;
        this.fs.setOverlay(file, document.getText());
        this.eachFolder((folder) => (changed = folder.updateFile(file, document.getText()) || changed));
      }
    } catch (error) {
      this.fail('re-check failed', error);
    }
    if (changed) {
      this.log.debug(`re-checked ${documents.length} edited file(s) in ${(performance.now() - started).toFixed(1)} ms`);
      this.changeEmitter.fire();
    }
  }

  private onSave(document: vscode.TextDocument): void {
    if (this.isRulesSource(document.uri.fsPath)) void this.reload();
  }

  private onClose(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    if (document.uri.scheme !== 'file' || !SOURCE_FILE.test(file)) return;
    // An unsaved buffer that is closed without saving: the disk is the truth again.
    this.fs.clearOverlay(file);
    this.pending.delete(file);
    if (!document.isDirty) return;
    this.whenLoaded(() => {
      this.eachFolder((folder) => folder.updateFile(file));
      this.changeEmitter.fire();
    });
  }

  private onDiskChange(uri: vscode.Uri, change: 'created' | 'changed' | 'deleted'): void {
    const file = uri.fsPath;
    if (change === 'changed' && this.isOpen(uri)) return; // the editor's buffer already told us
    this.whenLoaded(() => {
      let touched = false;
      this.eachFolder((folder) => {
        touched = (change === 'deleted' ? folder.removeFile(file) : folder.updateFile(file)) || touched;
      });
      if (touched) {
        this.log.debug(`${change}: ${vscode.workspace.asRelativePath(uri)}`);
        this.changeEmitter.fire();
      }
    });
  }

  /** Checks a rules file's unsaved text, so its problems show while it is typed. */
  private validateRulesBuffer(document: vscode.TextDocument): void {
    const file = document.uri.fsPath;
    this.fs.setOverlay(file, document.getText());
    try {
      const loaded = loadRules(file, this.fs);
      this.eachFolder((folder) => folder.setRulesProblems(file, loaded.problems.filter((problem) => problem.location.file === file)));
      this.changeEmitter.fire();
    } finally {
      this.fs.clearOverlay(file);
    }
  }

  private whenLoaded(action: () => void): void {
    void this.currentLoad.then(() => {
      try {
        action();
      } catch (error) {
        this.fail('update failed', error);
      }
    });
  }

  private eachFolder(action: (folder: FolderAnalysis) => void): void {
    for (const folder of this.folders.values()) action(folder);
  }

  private isRulesSource(file: string): boolean {
    return [...this.folders.values()].some((folder) => folder.isRulesSource(file));
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString() && document.isDirty);
  }

  private setState(state: AnalysisState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
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
