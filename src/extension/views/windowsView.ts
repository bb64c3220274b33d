import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WindowsPanelData } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { COMMANDS } from '../commands/commandIds';
import { slowRequest } from '../client/slowRequest';
import { CANCELLED, MEASURING } from './windowsMeasuring';

export type { WindowsPanelData };

/** What the panel drew: cards, burndown charts, each card's outcome rows as read on screen, trend rows. */
export interface PanelRender {
  cards: number;
  charts: number;
  outcomes: string[][];
  trend: number;
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
  private readonly rendered = new vscode.EventEmitter<PanelRender>();
  /** Fires when the panel has drawn the data it was sent: what it shows. */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: GuardrailsClient) {
    // Measuring reads git history: after full loads and saves (debounced), never per keystroke.
    let lastState = client.status.state;
    this.subscriptions.push(
      client.onDidChangeStatus((status) => {
        if (lastState === 'analysing' && status.state === 'idle') this.invalidate();
        lastState = status.state;
      }),
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

  /** The server measures (it reads git history); the panel shows what it answers. */
  private async measure(): Promise<void> {
    const force = this.stale;
    this.stale = false;
    try {
      const measured = await slowRequest(MEASURING, (token) => this.client.windows(force, token));
      if (measured.ok) this.latest = measured.value;
      else {
        // Cancelled: what was shown stays, and the next look measures again.
        this.stale = true;
        if (!this.latest || this.latest.error) this.latest = { today: this.latest?.today ?? '', windows: [], trend: [], error: CANCELLED };
      }
    } catch {
      this.latest = { today: this.latest?.today ?? '', windows: [], trend: [], error: 'The refactoring windows could not be measured; see the Guardrails output.' };
    }
    this.post();
  }

  private post(): void {
    if (!this.view || !this.ready || !this.latest) return;
    void this.view.webview.postMessage({ type: 'data', ...this.latest });
  }

  private onMessage(message: { type: string; file?: string; line?: number; root?: string } & Partial<PanelRender>): void {
    switch (message.type) {
      case 'rendered':
        this.rendered.fire({ cards: message.cards ?? 0, charts: message.charts ?? 0, outcomes: message.outcomes ?? [], trend: message.trend ?? 0 });
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
<link href="${style.toString()}" rel="stylesheet">
<title>Refactoring Windows</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="empty">Measuring refactoring windows…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
