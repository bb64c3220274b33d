import * as vscode from 'vscode';

/** Report a message and how far the work is (0..1). */
export type ReportProgress = (message: string, fraction: number) => void;

/**
 * Progress that stays quiet for quick work (a spinner in the status bar) and becomes a cancellable
 * notification when the work takes longer than `notifyAfterMs`, as in a 20,000-file workspace.
 */
export async function withEscalatingProgress<T>(
  token: vscode.CancellationToken,
  work: (report: ReportProgress, isCancelled: () => boolean) => Promise<T>,
  notifyAfterMs = 1500,
): Promise<T> {
  let latest = { message: 'starting', fraction: 0 };
  let notification: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  let shownFraction = 0;
  let cancelledByUser = false;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const forward = (): void => {
    if (!notification) return;
    notification.report({ message: latest.message, increment: Math.max(0, (latest.fraction - shownFraction) * 100) });
    shownFraction = latest.fraction;
  };
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Guardrails', cancellable: true },
      (progress, notificationToken) => {
        notificationToken.onCancellationRequested(() => (cancelledByUser = true));
        notification = progress;
        forward();
        return finished;
      },
    );
  }, notifyAfterMs);

  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Guardrails' }, (progress) =>
      work(
        (message, fraction) => {
          latest = { message, fraction };
          progress.report({ message });
          forward();
        },
        () => token.isCancellationRequested || cancelledByUser,
      ),
    );
  } finally {
    clearTimeout(timer);
    finish();
  }
}
