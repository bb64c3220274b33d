import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardData } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { DisposableStore } from '../util/dispose';
import { slowRequest } from '../client/slowRequest';
import { CANCELLED, MEASURING } from '../views/windowsMeasuring';
import { dashboardHtml } from './dashboardHtml';

export const DASHBOARD_VIEW_TYPE = 'guardrails.dashboard';

/** What the page drew, as its script reports it: the window ids of its sections and its charts. */
export interface DashboardRendered {
  windows: string[];
  charts: number;
}

/**
 * The dashboard in the editor area: a webview panel whose page the extension renders from the
 * server's `guardrails/dashboard` answer. Measuring reads git history, so it runs while the panel
 * is visible, after full analyses and saves (debounced), one at a time.
 */
export class DashboardPanel extends DisposableStore {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private latest: DashboardData | undefined;
  private stale = true;
  private running: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private drawn: DashboardRendered | undefined;
  private readonly rendered = this.register(new vscode.EventEmitter<DashboardRendered>());
  /** Fires each time the page has drawn. */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: GuardrailsClient) {
    super();
    let lastState = client.status.state;
    this.register(client.onDidChangeStatus((status) => {
      // A full analysis finished: the windows may have moved.
      if (lastState === 'analysing' && status.state === 'idle') this.invalidate();
      lastState = status.state;
    }));
    this.register(vscode.workspace.onDidSaveTextDocument(() => {
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => this.invalidate(), 1500);
    }));
    this.register({ dispose: () => clearTimeout(this.saveTimer) });
    this.register({ dispose: () => { this.panel?.dispose(); } });
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** What the page last reported drawing. */
  get lastRendered(): DashboardRendered | undefined {
    return this.drawn;
  }

  get data(): DashboardData | undefined {
    return this.latest;
  }

  /** Opens the panel (or brings it forward) and resolves once it shows fresh data. */
  async open(): Promise<void> {
    if (this.panel) this.panel.reveal(vscode.ViewColumn.Active);
    else this.create();
    await this.refresh();
  }

  /** Measures again even if nothing changed (the page's Refresh button). */
  forceRefresh(): Promise<void> {
    this.stale = true;
    return this.refresh(true);
  }

  private create(): void {
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Guardrails Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'guardrails.svg');
    this.panel = panel;
    this.render();
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((message: { type?: string; root?: string; file?: string; windows?: string[]; charts?: number }) => {
        if (message.type === 'rendered') {
          this.drawn = { windows: message.windows ?? [], charts: message.charts ?? 0 };
          this.rendered.fire(this.drawn);
        }
        else if (message.type === 'refresh') void this.forceRefresh();
        else if (message.type === 'open' && message.root && message.file) void vscode.window.showTextDocument(vscode.Uri.file(path.resolve(message.root, message.file)));
      }),
      // Hidden panels drop their page; VS Code restores it from `html` when shown. Catch up on changes.
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.refresh();
      }),
      panel.onDidDispose(() => {
        for (const subscription of this.panelSubscriptions) subscription.dispose();
        this.panelSubscriptions = [];
        if (this.panel === panel) {
          this.panel = undefined;
          this.drawn = undefined;
        }
      }),
    ];
  }

  private invalidate(): void {
    this.stale = true;
    if (this.panel?.visible) void this.refresh();
  }

  private async refresh(force = false): Promise<void> {
    if (this.running) await this.running;
    if (!this.stale && this.latest) return;
    this.running = this.measure(force).finally(() => (this.running = undefined));
    await this.running;
  }

  private async measure(force: boolean): Promise<void> {
    this.stale = false;
    try {
      const measured = await slowRequest(MEASURING, (token) => this.client.dashboard(force, token));
      if (measured.ok) this.latest = measured.value;
      else {
        // Cancelled: what was shown stays, and the next look measures again.
        this.stale = true;
        if (!this.latest || this.latest.error) this.latest = { today: this.latest?.today ?? '', hotspotDays: 0, windows: [], error: CANCELLED };
      }
    } catch {
      this.latest = { today: this.latest?.today ?? '', hotspotDays: 0, windows: [], error: 'The dashboard could not be measured; see the Guardrails output.' };
    }
    this.render();
  }

  private render(): void {
    if (!this.panel) return;
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = dashboardHtml(this.latest, { nonce, cspSource: this.panel.webview.cspSource });
  }
}
