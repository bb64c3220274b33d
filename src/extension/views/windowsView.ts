import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../../core/fs/fileSystem';
import { measureWindows } from '../../core/windows/measureWindows';
import { measureProject } from '../../core/windows/projectState';
import { burndownSvg } from '../../core/report/burndownSvg';
import type { WindowProgress } from '../../core/windows/windowReport';
import type { AnalysisService } from '../analysis/analysisService';
import { COMMANDS } from '../commands/commandIds';
import type { ProjectSnapshots } from './projectSnapshots';

/** What the panel was last sent: tests and the export read the same numbers the user sees. */
export interface WindowsPanelData {
  today: string;
  windows: (WindowProgress & { root: string; chart?: string })[];
  error?: string;
}

/**
 * The Refactoring Windows panel: a webview with one card per window. Measuring reads git history,
 * so it runs only while the panel is visible, after saves rather than keystrokes, one at a time.
 */
export class WindowsView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private latest: WindowsPanelData | undefined;
  private running: Promise<void> | undefined;
  private stale = true;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Subscriptions of the current webview, replaced when VS Code resolves the view again. */
  private viewSubscriptions: vscode.Disposable[] = [];
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly rendered = new vscode.EventEmitter<{ cards: number; charts: number }>();
  /** Fires when the panel has drawn the data it was sent: how many cards and charts it shows. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AnalysisService,
    private readonly snapshots: ProjectSnapshots,
    private readonly fs: FileSystem,
    private readonly log: vscode.LogOutputChannel,
    private readonly today: () => string,
  ) {
    // Measuring reads git history: after full loads and saves (debounced), never per keystroke.
    this.subscriptions.push(
      service.onDidLoad(() => this.invalidate()),
      vscode.workspace.onDidSaveTextDocument(() => {
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => this.invalidate(), 1500);
      }),
      this.rendered,
    );
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    for (const subscription of [...this.subscriptions, ...this.viewSubscriptions]) subscription.dispose();
  }

  get data(): WindowsPanelData | undefined {
    return this.latest;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = this.html(view.webview, media);
    for (const subscription of this.viewSubscriptions) subscription.dispose();
    this.viewSubscriptions = [
      view.webview.onDidReceiveMessage((message: Parameters<WindowsView['onMessage']>[0]) => this.onMessage(message)),
      view.onDidChangeVisibility(() => view.visible && this.refresh()),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    ];
  }

  /** Measures again (when the panel is open) and posts the result. */
  async refresh(): Promise<WindowsPanelData | undefined> {
    if (this.running) await this.running;
    if (!this.stale && this.latest) {
      this.post();
      return this.latest;
    }
    this.running = this.measure().finally(() => (this.running = undefined));
    await this.running;
    return this.latest;
  }

  /** Measures again even if nothing changed (the view's refresh button). */
  forceRefresh(): Promise<WindowsPanelData | undefined> {
    this.stale = true;
    return this.refresh();
  }

  private invalidate(): void {
    this.stale = true;
    if (this.view?.visible) void this.refresh();
  }

  private async measure(): Promise<void> {
    this.stale = false;
    const today = this.today();
    const started = performance.now();
    const windows: WindowsPanelData['windows'] = [];
    try {
      await this.service.whenIdle();
      for (const { project } of this.service.results()) {
        if (project.config.windows.length === 0) continue;
        const now = measureProject(project, this.fs);
        const snapshotFile = this.snapshots.record(project, now, today);
        const measured = await measureWindows(project.config, { today, now, snapshotFiles: snapshotFile ? [snapshotFile] : [], fs: this.fs });
        windows.push(...measured.map((window) => ({ ...window, root: project.root, chart: burndownSvg(window, { standalone: false }) })));
      }
      this.latest = { today, windows };
      this.log.info(`measured ${windows.length} refactoring window(s) in ${Math.round(performance.now() - started)} ms`);
    } catch (error) {
      this.log.error(`refactoring windows: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      this.latest = { today, windows: [], error: 'The refactoring windows could not be measured; see the Guardrails output.' };
    }
    this.post();
  }

  private post(): void {
    if (!this.view || !this.ready || !this.latest) return;
    void this.view.webview.postMessage({ type: 'data', ...this.latest });
  }

  private onMessage(message: { type: string; file?: string; line?: number; root?: string; cards?: number; charts?: number }): void {
    switch (message.type) {
      case 'rendered':
        this.rendered.fire({ cards: message.cards ?? 0, charts: message.charts ?? 0 });
        break;
      case 'ready':
        this.ready = true;
        void this.refresh();
        break;
      case 'open':
        if (message.file && message.root) {
          const position = new vscode.Position(Math.max(0, (message.line ?? 1) - 1), 0);
          void vscode.window.showTextDocument(vscode.Uri.file(path.resolve(message.root, message.file)), { selection: new vscode.Range(position, position) });
        }
        break;
      case 'openRules':
        void vscode.commands.executeCommand(COMMANDS.openRulesFile);
        break;
    }
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'windows.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'windows.css'));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Refactoring Windows</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="empty">Measuring refactoring windows…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}
