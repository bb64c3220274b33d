// Bounded waits for extension tests: wait on an event when VS Code has one, poll only when not.
import type * as vscode from 'vscode';

/** Resolves with `check()`'s first non-undefined value; rejects naming `what` after `timeoutMs`. */
export async function waitUntil<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Resolves with the first value `check` returns that is not undefined, checking now and after
 * each firing of `event`; rejects naming `what` after `timeoutMs`.
 */
export function waitForEvent<E, T>(what: string, event: vscode.Event<E>, check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      listener.dispose();
      settle();
    };
    const listener = event(() => {
      const value = check();
      if (value !== undefined) finish(() => resolve(value));
    });
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const now = check();
    if (now !== undefined) finish(() => resolve(now));
  });
}
