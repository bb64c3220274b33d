import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GuardrailsMethods, type DashboardData, type DebtReportFiles, type DebtRow, type HotspotsData, type RulesPreview, type StatusSummary, type ViolationsOfProject, type WindowsPanelData,
} from '../../server/protocol';
import { DisposableStore } from '../util/dispose';

const STARTING: StatusSummary = { state: 'analysing', errors: 0, warnings: 0, debt: 0, overdue: 0, rulesBroken: false, rulesFiles: 0, files: 0, notices: [], generation: 0 };

/**
 * The extension's view of the language server: its latest status, and the custom requests that give
 * the views their rows and the panel its data. Everything here is an answer from the server.
 */
export class GuardrailsClient extends DisposableStore {
  private latest = STARTING;
  private readonly statusEmitter = this.register(new vscode.EventEmitter<StatusSummary>());
  /** The analysis changed (new findings, a new state): rows and counts are stale. */
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(readonly client: LanguageClient) {
    super();
    this.register(client.onNotification(GuardrailsMethods.status, (status: StatusSummary) => {
      this.latest = status;
      this.statusEmitter.fire(status);
    }));
  }

  get status(): StatusSummary {
    return this.latest;
  }

  whenIdle(): Promise<void> {
    return this.client.sendRequest(GuardrailsMethods.whenIdle);
  }

  reload(): Promise<void> {
    return this.client.sendRequest(GuardrailsMethods.reload);
  }

  cancelLoad(): void {
    void this.client.sendNotification(GuardrailsMethods.cancelLoad);
  }

  violations(): Promise<ViolationsOfProject[]> {
    return this.client.sendRequest(GuardrailsMethods.violations);
  }

  debt(): Promise<DebtRow[]> {
    return this.client.sendRequest(GuardrailsMethods.debt);
  }

  /** `token`: cancelling it stops the server's measurement unless another request waits for it. */
  windows(force = false, token?: vscode.CancellationToken): Promise<WindowsPanelData> {
    return this.cancellable(GuardrailsMethods.windows, { force }, token);
  }

  /** Files with findings, hottest first (the server reads git; none in Restricted Mode). */
  hotspots(): Promise<HotspotsData> {
    return this.client.sendRequest(GuardrailsMethods.hotspots);
  }

  dashboard(force = false, token?: vscode.CancellationToken): Promise<DashboardData> {
    return this.cancellable(GuardrailsMethods.dashboard, { force }, token);
  }

  /** An undefined token would go as a second parameter, and the params would become an array. */
  private cancellable<R>(method: string, params: object, token: vscode.CancellationToken | undefined): Promise<R> {
    return token ? this.client.sendRequest<R>(method, params, token) : this.client.sendRequest<R>(method, params);
  }

  debtReport(): Promise<DebtReportFiles> {
    return this.client.sendRequest(GuardrailsMethods.debtReport);
  }

  previewRules(folder: string): Promise<RulesPreview> {
    return this.client.sendRequest(GuardrailsMethods.previewRules, { folder });
  }
}
