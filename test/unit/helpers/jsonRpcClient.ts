// A plain JSON-RPC 2.0 client over a child process's stdio, with LSP's base-protocol framing
// (`Content-Length` headers), written out here rather than taken from vscode-jsonrpc so that a test
// using it proves what goes over the wire, as any editor's client would see it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** Answers a request the server sends to the client (`workspace/configuration`, ...); throwing answers an error. */
export type RequestHandler = (params: unknown) => unknown;

/** How long a wait lasts unless told otherwise: long enough for a loaded CI machine, short enough to fail a test. */
export const DEFAULT_WAIT_MS = 10_000;

/** Splits a byte stream into base-protocol messages: headers, an empty line, `Content-Length` bytes of JSON. */
export class MessageReader {
  private buffer = Buffer.alloc(0);

  constructor(private readonly onMessage: (message: RpcMessage) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const headers = this.buffer.subarray(0, headerEnd).toString('ascii').split('\r\n');
      const lengthHeader = headers.find((header) => /^content-length:/i.test(header));
      if (!lengthHeader) throw new Error(`a message without Content-Length: ${headers.join(' | ')}`);
      const length = Number(lengthHeader.slice(lengthHeader.indexOf(':') + 1).trim());
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      // Content-Length counts bytes, not characters: slice the buffer before decoding.
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.onMessage(JSON.parse(body) as RpcMessage);
    }
  }
}

export function frame(message: RpcMessage): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

interface Waiter {
  matches(message: RpcMessage): boolean;
  resolve(message: RpcMessage): void;
}

/**
 * A language client reduced to the wire: send requests and notifications, answer the server's
 * requests with handlers, and wait (always with a time limit) for a message that matches.
 */
export class JsonRpcClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every message received from the server, in order. */
  readonly received: RpcMessage[] = [];
  /** Requests the server sent to the client, by method. */
  readonly serverRequests: RpcMessage[] = [];
  readonly handlers = new Map<string, RequestHandler>();
  readonly exited: Promise<number | null>;
  private stderrText = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();
  private waiters: Waiter[] = [];
  private listeners: ((message: RpcMessage) => void)[] = [];

  constructor(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    this.process = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const reader = new MessageReader((message) => this.dispatch(message));
    this.process.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderrText += chunk.toString()));
    // Writing to a server that has just exited fails with EPIPE: the exit itself is what tests look at.
    this.process.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => {
      for (const [, request] of this.pending) request.reject(new Error(`the server exited (code ${code}) before answering ${request.method}${this.stderrTail()}`));
      this.pending.clear();
      resolve(code);
    }));
  }

  get stderr(): string {
    return this.stderrText;
  }

  request<T = unknown>(method: string, params?: unknown, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
    }) as Promise<T>;
    this.write({ jsonrpc: '2.0', id, method, params });
    return withTimeout(answer, timeoutMs, `an answer to ${method} (request ${id})`, () => this.stderrTail());
  }

  /** Sends a request and returns its id without waiting (to cancel it). */
  requestId(method: string, params?: unknown): { id: number; answer: Promise<RpcMessage> } {
    const id = this.nextId++;
    const answer = this.waitFor((message) => message.id === id && message.method === undefined, `the answer to ${method} (request ${id})`);
    this.write({ jsonrpc: '2.0', id, method, params });
    return { id, answer };
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The first message (already received, or still to come) that matches. */
  waitFor(matches: (message: RpcMessage) => boolean, description: string, timeoutMs = DEFAULT_WAIT_MS): Promise<RpcMessage> {
    const seen = this.received.find(matches);
    if (seen) return Promise.resolve(seen);
    return this.waitForNext(matches, description, timeoutMs);
  }

  /** The next message to arrive that matches (ignoring those already received). */
  waitForNext(matches: (message: RpcMessage) => boolean, description: string, timeoutMs = DEFAULT_WAIT_MS): Promise<RpcMessage> {
    let waiter: Waiter | undefined;
    const found = new Promise<RpcMessage>((resolve) => {
      waiter = { matches, resolve };
      this.waiters.push(waiter);
    });
    return withTimeout(found, timeoutMs, description, () => this.stderrTail()).finally(() => {
      this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
    });
  }

  /** Calls `listener` with every message from the server as it arrives. */
  onMessage(listener: (message: RpcMessage) => void): void {
    this.listeners.push(listener);
  }

  /** Ends the process if a test left it running. */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }

  private write(message: RpcMessage): void {
    // The server may be gone (a test about exiting): nothing is left to tell it.
    if (this.process.stdin.writable) this.process.stdin.write(frame(message));
  }

  private dispatch(message: RpcMessage): void {
    this.received.push(message);
    for (const listener of this.listeners) listener(message);
    if (message.method !== undefined && message.id !== undefined) {
      this.serverRequests.push(message);
      this.answerServer(message);
    } else if (message.id !== undefined && message.id !== null) {
      const request = this.pending.get(Number(message.id));
      if (request) {
        this.pending.delete(Number(message.id));
        if (message.error) request.reject(new Error(`${request.method} failed: ${message.error.code} ${message.error.message}`));
        else request.resolve(message.result);
      }
    }
    for (const waiter of [...this.waiters]) if (waiter.matches(message)) waiter.resolve(message);
  }

  /** The server's requests get the handler's answer (a promise is awaited), or `null` (what a client without the feature may say). */
  private answerServer(message: RpcMessage): void {
    const handler = this.handlers.get(message.method!);
    void (async () => {
      try {
        const result: unknown = handler ? await handler(message.params) : null;
        this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      } catch (error) {
        this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: error instanceof Error ? error.message : String(error) } });
      }
    })();
  }

  private stderrTail(): string {
    const tail = this.stderrText.trim().split('\n').slice(-20).join('\n');
    return tail ? `\nserver stderr:\n${tail}` : '';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, description: string, detail: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${description} within ${ms} ms${detail()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
