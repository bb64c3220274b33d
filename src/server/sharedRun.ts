// Slow work that several requests wait for at once (measuring the refactoring windows): it stops
// only when every request waiting for it has been cancelled, since one request giving up says
// nothing of the others.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export class SharedRun<T> {
  readonly result: Promise<T>;
  private waiting = 0;
  /** A caller without a token waits whatever happens: the run is never stopped then. */
  private pinned = false;
  private stopped = false;

  constructor(work: (isCancelled: () => boolean) => Promise<T>) {
    this.result = work(() => this.stopped);
  }

  /** The run's result for one more request; rejected with RequestCancelled when `token` is cancelled first. */
  join(token?: CancellationToken): Promise<T> {
    if (!token) {
      this.pinned = true;
      return this.result;
    }
    if (token.isCancellationRequested) return Promise.reject(cancelled());
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = (): boolean => {
        if (settled) return false;
        settled = true;
        this.waiting--;
        listener.dispose();
        return true;
      };
      const listener = token.onCancellationRequested(() => {
        if (!leave()) return;
        if (this.waiting === 0 && !this.pinned) this.stopped = true;
        reject(cancelled());
      });
      this.result.then((value) => leave() && resolve(value), (error: Error) => leave() && reject(error));
    });
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
}
