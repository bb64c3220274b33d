// One `git cat-file --batch` process kept open for a whole history: every tree and blob of every
// commit is asked of it, so stepping through months of commits starts no process per commit
// (starting one from a large Node process costs tens of milliseconds).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BatchParser } from './catFile';
import { gitInvocation, isGitFailure, type GitFailure } from './gitRunner';
import type { GitRepository } from './repository';

export interface BatchObject {
  type: string;
  data: Buffer;
}

export type BatchResult = { ok: true; objects: Map<string, BatchObject> } | { ok: false; failure: GitFailure };

export class CatFileSession {
  private child: ChildProcessWithoutNullStreams | undefined;
  private failure: GitFailure | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: { parser: BatchParser; expected: number; resolve: (result: BatchResult) => void } | undefined;
  private stderr = '';

  constructor(private readonly repo: GitRepository) {}

  /** The objects named (object ids or `<commit>^{tree}`), by the name asked; missing ones left out. */
  read(names: readonly string[]): Promise<BatchResult> {
    const unique = [...new Set(names)];
    if (unique.length === 0) return Promise.resolve({ ok: true, objects: new Map() });
    const result = this.queue.then(() => this.exchange(unique));
    this.queue = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private exchange(names: string[]): Promise<BatchResult> {
    const child = this.start();
    if (!child) return Promise.resolve({ ok: false, failure: this.failure! });
    return new Promise((resolve) => {
      const parser = new BatchParser({ keepAll: true });
      // Held open while an answer is awaited; let go between requests.
      setRef(child, true);
      this.pending = {
        parser,
        expected: names.length,
        resolve: (result) => {
          this.pending = undefined;
          setRef(child, false);
          resolve(result.ok ? { ok: true, objects: byName(names, parser) } : result);
        },
      };
      child.stdin.write(names.join('\n') + '\n');
    });
  }

  private start(): ChildProcessWithoutNullStreams | undefined {
    if (this.failure) return undefined;
    if (this.child) return this.child;
    // The hardened runner's invocation: no hooks, fsmonitor or transports of the repository's own.
    const invocation = gitInvocation(['cat-file', '--batch'], this.repo.git.gitPath);
    if (isGitFailure(invocation)) {
      this.failure = invocation;
      return undefined;
    }
    const child = spawn(invocation.file, invocation.args, { cwd: this.repo.git.cwd, env: invocation.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const fail = (failure: GitFailure): void => {
      this.failure ??= failure;
      this.child = undefined;
      this.pending?.resolve({ ok: false, failure: this.failure });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'ENOENT' ? { kind: 'missing', message: 'git is not installed or not on PATH' } : { kind: 'failed', message: `git cat-file failed: ${error.message}` });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const pending = this.pending;
      if (!pending) return;
      pending.parser.push(chunk);
      if (pending.parser.done === pending.expected) pending.resolve({ ok: true, objects: new Map() });
    });
    child.on('close', (code) => {
      if (this.child === child || this.pending) fail({ kind: 'failed', message: `git cat-file stopped (exit ${code}): ${this.stderr.trim().split('\n')[0] ?? ''}` });
    });
    child.stdin.on('error', () => undefined); // the process died; 'close' reports it
    // An idle session never keeps the program alive: git sees its input end when we exit.
    setRef(child, false);
    this.child = child;
    return child;
  }
}

/** The parser keys objects by the id git answered with; map them back to the names asked, in order. */
function byName(names: readonly string[], parser: BatchParser): Map<string, BatchObject> {
  const objects = new Map<string, BatchObject>();
  parser.answers.forEach((answer, i) => {
    if (answer) objects.set(names[i], answer);
  });
  return objects;
}

function setRef(child: ChildProcessWithoutNullStreams, held: boolean): void {
  if (held) child.ref();
  else child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    const handle = stream as unknown as { ref?(): void; unref?(): void };
    if (held) handle.ref?.();
    else handle.unref?.();
  }
}
