// The VS Code client: the engine runs in the Guardrails language server (`dist/server.js`); this
// starts it, shows what it publishes, and hosts the views that ask it for their rows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GuardrailsMethods, type DashboardData, type HotspotsData, type StatusSummary } from '../server/protocol';
import { GuardrailsClient } from './client/guardrailsClient';
import { LoadNotification } from './client/loadNotification';
import { createLanguageClient } from './client/startClient';
import { COMMANDS } from './commands/commandIds';
import { exportDebtReport } from './commands/exportDebtReport';
import { DashboardPanel, type DashboardRendered } from './dashboard/dashboardPanel';
import { registerCommands } from './commands/registerCommands';
import { StatusBar } from './features/statusBar';
import { registerViews, VIEW_IDS, type RenderedRow } from './views/registerViews';
import { WindowsView, type PanelRender, type WindowsPanelData } from './views/windowsView';

/** What the extension offers other extensions and its own tests. */
export interface GuardrailsApi {
  readonly version: string;
  /** Resolves when the server's running analysis and the edits sent so far are done. */
  whenIdle(): Promise<void>;
  /** The server's latest counts and state. */
  status(): StatusSummary;
  statusText(): string;
  /** The rows of the Debt or Architecture view, as a user reads them. */
  viewRows(view: 'debt' | 'architecture'): Promise<RenderedRow[]>;
  /** The refactoring windows as the panel shows them (measured if stale). */
  windows(): Promise<WindowsPanelData | undefined>;
  /** Files with findings, hottest first, as the server ranks them. */
  hotspots(): Promise<HotspotsData>;
  /** Resolves with what the panel drew, the next time it draws. */
  nextPanelRender(): Promise<PanelRender>;
  /** What the dashboard shows now (undefined before it is opened or first measured). */
  dashboard(): { open: boolean; data: DashboardData | undefined; drawn: DashboardRendered | undefined };
  /** Resolves with what the dashboard's page drew, the next time it draws. */
  nextDashboardRender(): Promise<DashboardRendered>;
}

let languageClient: LanguageClient | undefined;

/** Starts the server and the views, and returns at once: the first analysis runs in the server. */
export function activate(context: vscode.ExtensionContext): GuardrailsApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Guardrails', { log: true });
  languageClient = createLanguageClient(context, log);
  const client = new GuardrailsClient(languageClient);
  const statusBar = new StatusBar(client);
  const views = registerViews(client, context);
  const windowsView = new WindowsView(context.extensionUri, client);
  const dashboard = new DashboardPanel(context.extensionUri, client);
  context.subscriptions.push(
    log, client, statusBar, new LoadNotification(client), windowsView, dashboard,
    vscode.commands.registerCommand(COMMANDS.openDashboard, () => dashboard.open()),
    // eslint-disable-next-line no-restricted-syntax -- bounded: the extension's own commands
    ...registerCommands(client, log),
    vscode.window.registerWebviewViewProvider(VIEW_IDS.windows, windowsView),
    vscode.commands.registerCommand('guardrails.windows.refresh', () => windowsView.forceRefresh()),
    vscode.commands.registerCommand('guardrails.exportDebtReport', (folder?: vscode.Uri) => exportDebtReport(client, folder)),
    client.onDidChangeStatus((status) => void vscode.commands.executeCommand('setContext', 'guardrails.hasRules', status.rulesFiles > 0)),
    // In Restricted Mode the server runs no git; once the user trusts the workspace, it may.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient?.sendNotification(GuardrailsMethods.workspaceTrusted)),
  );
  const running = languageClient.start().catch((error: unknown) => log.error(`the Guardrails language server did not start: ${String(error)}`));
  log.info(`Guardrails activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    version: String((context.extension.packageJSON as { version?: unknown }).version),
    whenIdle: async () => {
      await running;
      await client.whenIdle();
    },
    status: () => client.status,
    statusText: () => statusBar.text,
    viewRows: async (view) => {
      await running;
      return views.render(view);
    },
    windows: async () => {
      await running;
      return windowsView.refresh();
    },
    hotspots: async () => {
      await running;
      return client.hotspots();
    },
    nextPanelRender: () => new Promise((resolve) => {
      const once = windowsView.onDidRender((drawn) => {
        once.dispose();
        resolve(drawn);
      });
    }),
    dashboard: () => ({ open: dashboard.isOpen, data: dashboard.data, drawn: dashboard.lastRendered }),
    nextDashboardRender: () => new Promise((resolve) => {
      const once = dashboard.onDidRender((drawn) => {
        once.dispose();
        resolve(drawn);
      });
    }),
  };
}

/** Stops the server (it exits with its process). */
export function deactivate(): Promise<void> | undefined {
  return languageClient?.stop();
}
