import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/model/types';
import { AnalysisService, type AnalysisState } from './analysis/analysisService';
import { exportDebtReport } from './commands/exportDebtReport';
import { registerCommands } from './commands/registerCommands';
import { DiagnosticsPresenter } from './diagnostics/diagnosticsPresenter';
import { GuardrailsCodeActions } from './features/codeActions';
import { ImportHover } from './features/importHover';
import { RuleCodeLens } from './features/ruleCodeLens';
import { RulesFileHover } from './features/rulesFileHover';
import { StatusBar } from './features/statusBar';
import { effectiveToday, readSettings } from './settings';
import { NodeFileSystem } from '../core/fs/nodeFileSystem';
import { ProjectSnapshots } from './views/projectSnapshots';
import { registerViews, VIEW_IDS, type RenderedRow } from './views/registerViews';
import { WindowsView, type WindowsPanelData } from './views/windowsView';

/** What the extension offers other extensions and its own tests. */
export interface GuardrailsApi {
  readonly version: string;
  /** Resolves when the running analysis and pending edits are done. */
  whenIdle(): Promise<void>;
  results(): AnalysisResult[];
  state(): AnalysisState;
  statusText(): string;
  /** The rows of the Debt or Architecture view, as a user reads them. */
  viewRows(view: 'debt' | 'architecture'): Promise<RenderedRow[]>;
  /** The refactoring windows as the panel shows them (measured if stale). */
  windows(): Promise<WindowsPanelData | undefined>;
  /** Resolves with what the panel drew, the next time it draws. */
  nextPanelRender(): Promise<{ cards: number; charts: number }>;
}

const SOURCE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'typescript' }, { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'javascript' }, { scheme: 'file', language: 'javascriptreact' },
];
const RULES_SELECTOR: vscode.DocumentSelector = { scheme: 'file', pattern: '**/*guardrails*.json' };

/** Wires the services and returns at once; the first analysis runs in the background. */
export function activate(context: vscode.ExtensionContext): GuardrailsApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Guardrails', { log: true });
  let settings = readSettings();
  const service = new AnalysisService(settings, log);
  const presenter = new DiagnosticsPresenter(service, () => settings);
  const statusBar = new StatusBar(service);
  const ruleLens = new RuleCodeLens(service);
  context.subscriptions.push(
    log, service, presenter, statusBar, ruleLens,
    vscode.languages.registerCodeLensProvider(RULES_SELECTOR, ruleLens),
    vscode.languages.registerCodeActionsProvider(SOURCE_SELECTOR, new GuardrailsCodeActions(presenter), { providedCodeActionKinds: GuardrailsCodeActions.kinds }),
    vscode.languages.registerHoverProvider(SOURCE_SELECTOR, new ImportHover(service)),
    vscode.languages.registerHoverProvider(RULES_SELECTOR, new RulesFileHover(service)),
    ...registerCommands(service, log),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('guardrails')) return;
      settings = readSettings();
      service.updateSettings(settings);
    }),
  );

  const views = registerViews(service, context, () => effectiveToday(settings));
  const fileSystem = new NodeFileSystem();
  const windowsView = new WindowsView(context.extensionUri, service, new ProjectSnapshots(context.storageUri, fileSystem, log), fileSystem, log, () => effectiveToday(settings));
  context.subscriptions.push(
    windowsView,
    vscode.window.registerWebviewViewProvider(VIEW_IDS.windows, windowsView),
    vscode.commands.registerCommand('guardrails.windows.refresh', () => windowsView.forceRefresh()),
    vscode.commands.registerCommand('guardrails.exportDebtReport', (folder?: vscode.Uri) => exportDebtReport(service, windowsView, effectiveToday(settings), folder)),
  );

  // Start after activation returns, so the editor never waits on the first full analysis.
  setTimeout(() => void service.reload(), 0);
  log.info(`Guardrails activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    version: String(context.extension.packageJSON.version),
    whenIdle: () => service.whenIdle(),
    results: () => service.results().map((entry) => entry.result),
    state: () => service.state,
    statusText: () => statusBar.text,
    viewRows: (view) => views.render(view),
    windows: () => windowsView.refresh(),
    nextPanelRender: () => new Promise((resolve) => {
      const once = windowsView.onDidRender((drawn) => {
        once.dispose();
        resolve(drawn);
      });
    }),
  };
}

export function deactivate(): void {}
