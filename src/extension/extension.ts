import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/types';
import { AnalysisService, type AnalysisState } from './analysis/analysisService';
import { registerCommands } from './commands/registerCommands';
import { DiagnosticsPresenter } from './diagnostics/diagnosticsPresenter';
import { GuardrailsCodeActions } from './features/codeActions';
import { ImportHover } from './features/importHover';
import { RuleCodeLens } from './features/ruleCodeLens';
import { RulesFileHover } from './features/rulesFileHover';
import { StatusBar } from './features/statusBar';
import { readSettings } from './settings';
import { registerViews, type RenderedRow } from './views/registerViews';

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

  const views = registerViews(service, context);

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
  };
}

export function deactivate(): void {}
