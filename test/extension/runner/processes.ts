// Small process helpers for the code-server runner: free ports, bounded waits, killing whole
// process groups (code-server forks its server, extension host and pty host into its own group).
import * as net from 'node:net';
import * as http from 'node:http';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves with the HTTP status of GET url, or undefined when nothing answers. */
function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/**
 * Polls `url` until it answers 2xx, `gaveUp()` returns a reason to stop, or `timeoutMs` passes.
 * Returns undefined on success, otherwise why it stopped.
 */
export async function waitForHttp(url: string, timeoutMs: number, gaveUp: () => string | undefined): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) return reason;
    const status = await httpStatus(url);
    if (status !== undefined && status >= 200 && status < 300) return undefined;
    await sleep(200);
  }
  return `no answer from ${url} within ${timeoutMs} ms`;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group led by `pid`, SIGKILL to whatever is left after `graceMs`. */
export async function killGroup(pid: number | undefined, graceMs = 5_000): Promise<void> {
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupAlive(pid)) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone between the check and the kill.
    }
  }
}

/** Same as killGroup but synchronous, for `process.on('exit')` where nothing can be awaited. */
export function killGroupNow(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Rejects with `message` after `ms`; the timer does not keep the process alive. */
export function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}
