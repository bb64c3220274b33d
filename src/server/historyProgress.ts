// How a measurement of the refactoring windows shows its reading of git history in the client
// (window/workDoneProgress, when the client can): begun only once past commits are to be analysed,
// so a measurement the history cache answers shows nothing; told per whole percent; ended with it.
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

export interface HistoryProgressReporter {
  report(done: number, total: number): void;
  done(): void;
}

export class HistoryProgressReport implements HistoryProgressReporter {
  /** Begun on the first report: every later step waits for it, so they reach the client in order. */
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private last = -1;

  constructor(private readonly connection: Connection, private readonly enabled: boolean) {}

  report(done: number, total: number): void {
    if (!this.enabled || total === 0) return;
    // Never back (the client may drop a smaller one): the total grows when more states are asked for.
    const percentage = Math.max(this.last, Math.floor((done / total) * 100));
    if (percentage === this.last) return;
    this.last = percentage;
    const message = `reading git history: ${done}/${total} past commits analysed`;
    if (!this.reporter) {
      this.reporter = this.connection.window.createWorkDoneProgress().then((reporter) => {
        reporter.begin('Guardrails', percentage, message, false);
        return reporter;
      }, () => undefined);
      return;
    }
    void this.reporter.then((reporter) => reporter?.report(percentage, message));
  }

  done(): void {
    void this.reporter?.then((reporter) => reporter?.done());
  }
}
