// How a full load shows its progress in the client (window/workDoneProgress, when the client can)
// and learns it should stop: the client's Cancel button, or the guardrails/cancelLoad notification.
import type { Connection } from 'vscode-languageserver';
import type { LoadReporter } from './workspaceAnalysis';

export class LoadProgress implements LoadReporter {
  private readonly cancelled = new Set<number>();
  private counter = 0;

  constructor(private readonly connection: Connection, private readonly canReportProgress: () => boolean) {}

  /** The load running now stops (guardrails/cancelLoad). */
  cancelCurrent(): void {
    this.cancelled.add(this.counter);
  }

  async begin(): ReturnType<LoadReporter['begin']> {
    const id = ++this.counter;
    const done = { report: (_message: string, _fraction: number) => undefined, isCancelled: () => this.cancelled.has(id), done: () => undefined };
    if (!this.canReportProgress()) return done;
    const reporter = await this.connection.window.createWorkDoneProgress();
    reporter.begin('Guardrails', 0, 'starting', true);
    let last = -1;
    return {
      report: (message: string, fraction: number) => {
        const percentage = Math.floor(fraction * 100);
        if (percentage === last) return;
        last = percentage;
        reporter.report(percentage, message);
      },
      isCancelled: () => reporter.token.isCancellationRequested || this.cancelled.has(id),
      done: () => reporter.done(),
    };
  }
}
