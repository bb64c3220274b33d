import * as vscode from 'vscode';
import { DisposableStore } from '../util/dispose';
import type { GuardrailsClient } from './guardrailsClient';

/**
 * A full analysis is quiet while it is quick (the server's progress shows in the status bar) and
 * becomes a cancellable notification once it takes longer than `notifyAfterMs`, as in a
 * 20,000-file workspace. Cancelling stops the server's load; the last results stay.
 */
export class LoadNotification extends DisposableStore {
  private timer: NodeJS.Timeout | undefined;
  private finish: (() => void) | undefined;

  constructor(private readonly client: GuardrailsClient, private readonly notifyAfterMs = 1500) {
    super();
    this.register(client.onDidChangeStatus((status) => (status.state === 'analysing' ? this.started() : this.ended())));
    this.register({ dispose: () => this.ended() });
  }

  private started(): void {
    if (this.timer || this.finish) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Guardrails: analysing the workspace…', cancellable: true }, (_progress, token) =>
        new Promise<void>((resolve) => {
          this.finish = resolve;
          token.onCancellationRequested(() => this.client.cancelLoad());
        }));
    }, this.notifyAfterMs);
  }

  private ended(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.finish?.();
    this.finish = undefined;
  }
}
