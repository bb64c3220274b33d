// Blob contents from git objects: many blobs through one `git cat-file --batch` process, and a
// synchronous single read for the rare file nobody asked for in advance.
import { execFileSync, spawn } from 'node:child_process';
import { DEFAULT_MAX_BYTES, formatSeconds, gitInvocation, isGitFailure, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export type ReadBlobsResult = { ok: true; blobs: Map<string, Buffer> } | { ok: false; failure: GitFailure };

export interface ReadBlobsOptions {
  timeoutMs?: number;
  /** Largest total of blob bytes accepted. */
  maxBytes?: number;
}

/** Contents of `oids` (missing objects are left out of the map). One process, however many blobs. */
export function readBlobs(repo: GitRepository, oids: readonly string[], options: ReadBlobsOptions = {}): Promise<ReadBlobsResult> {
  const unique = [...new Set(oids)];
  if (unique.length === 0) return Promise.resolve({ ok: true, blobs: new Map() });
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? 30_000 + unique.length * 5;
  const invocation = gitInvocation(['cat-file', '--batch'], repo.git.gitPath);
  if (isGitFailure(invocation)) return Promise.resolve({ ok: false, failure: invocation });
  return new Promise((resolve) => {
    const child = spawn(invocation.file, invocation.args, { cwd: repo.git.cwd, env: invocation.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const parser = new BatchParser();
    let stderr = '';
    let settled = false;
    const finish = (result: ReadBlobsResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, failure: { kind: 'timeout', message: `git cat-file did not finish within ${formatSeconds(timeoutMs)}` } }), timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, failure: error.code === 'ENOENT' ? { kind: 'missing', message: 'git is not installed or not on PATH' } : { kind: 'failed', message: `git cat-file failed: ${error.message}` } });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      parser.push(chunk);
      if (parser.bytes > maxBytes) finish({ ok: false, failure: { kind: 'too-large', message: 'git cat-file: blobs larger than the output limit' } });
      else if (parser.done === unique.length) finish({ ok: true, blobs: parser.blobs });
    });
    child.on('close', (code) => {
      if (parser.done === unique.length) finish({ ok: true, blobs: parser.blobs });
      else finish({ ok: false, failure: { kind: 'failed', message: `git cat-file failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}` } });
    });
    child.stdin.on('error', () => undefined); // the process died; 'close' reports it
    child.stdin.end(unique.join('\n') + '\n');
  });
}

/** One blob, synchronously (for a file read that was not prefetched); undefined when git cannot. */
export function readBlobSync(repo: GitRepository, oid: string): Buffer | undefined {
  const invocation = gitInvocation(['cat-file', 'blob', oid], repo.git.gitPath);
  if (isGitFailure(invocation)) return undefined;
  try {
    return execFileSync(invocation.file, invocation.args, {
      cwd: repo.git.cwd, env: invocation.env, timeout: repo.git.timeoutMs ?? 30_000, maxBuffer: DEFAULT_MAX_BYTES, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true,
    });
  } catch {
    return undefined;
  }
}

/**
 * Reads `cat-file --batch` output: `<oid> <type> <size>\n<content>\n` per object, or
 * `<oid> missing\n`. Chunks of one large blob are joined once, not re-copied per chunk.
 */
export class BatchParser {
  readonly blobs = new Map<string, Buffer>();
  /** With `keepAll`: every answer in order, any type (undefined for a missing object). */
  readonly answers: ({ type: string; data: Buffer } | undefined)[] = [];
  /** Objects answered so far (found or missing). */
  done = 0;
  bytes = 0;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private current: { oid: string; type: string; size: number; keep: boolean } | undefined;

  constructor(private readonly options: { keepAll?: boolean } = {}) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.current) {
        const needed = this.current.size + 1; // content and its trailing newline
        if (this.buffered < needed) return;
        const data = this.take(needed);
        if (this.options.keepAll) this.answers.push({ type: this.current.type, data: data.subarray(0, this.current.size) });
        else if (this.current.keep) this.blobs.set(this.current.oid, data.subarray(0, this.current.size));
        this.current = undefined;
        this.done++;
      } else {
        const joined = this.joinAll();
        const newline = joined.indexOf(0x0a);
        if (newline < 0) return;
        const header = joined.subarray(0, newline).toString('utf8');
        this.take(newline + 1);
        const [oid, type, size] = header.split(' ');
        if (size === undefined) {
          this.done++; // `<oid> missing` or `ambiguous`
          if (this.options.keepAll) this.answers.push(undefined);
        } else this.current = { oid, type, size: Number(size), keep: type === 'blob' }; // not a blob: read past it
      }
    }
  }

  private joinAll(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private take(length: number): Buffer {
    const all = this.joinAll();
    const head = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return head;
  }
}
