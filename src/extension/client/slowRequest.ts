import * as vscode from 'vscode';

export type SlowRequestResult<T> = { ok: true; value: T } | { ok: false; cancelled: true };

/**
 * A request that can take long (measuring the refactoring windows reads git history): quiet while
 * quick, a notification with a Cancel button once it takes longer than `notifyAfterMs`. Cancelling
 * cancels the request (the server stops when no other request waits for the same work); any other
 * failure is thrown as it came.
 */
export async function slowRequest<T>(title: string, send: (token: vscode.CancellationToken) => Promise<T>, notifyAfterMs = 1500): Promise<SlowRequestResult<T>> {
  const source = new vscode.CancellationTokenSource();
  let settled = false;
  let closeNotification: (() => void) | undefined;
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
      new Promise<void>((resolve) => {
        if (settled) return resolve();
        closeNotification = resolve;
        token.onCancellationRequested(() => source.cancel());
      }));
  }, notifyAfterMs);
  try {
    return { ok: true, value: await send(source.token) };
  } catch (error) {
    if (source.token.isCancellationRequested) return { ok: false, cancelled: true };
    throw error;
  } finally {
    settled = true;
    clearTimeout(timer);
    closeNotification?.();
    source.dispose();
  }
}
