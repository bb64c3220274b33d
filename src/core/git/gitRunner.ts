// Runs `git` without a shell, with bounded time and output. Everything a user's machine can do
// wrong (no git, not a repository, a timeout) comes back as a value, never as an exception.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';

export type GitFailureKind = 'missing' | 'not-a-repository' | 'timeout' | 'too-large' | 'failed';

export interface GitFailure {
  kind: GitFailureKind;
  /** One line a user can act on. */
  message: string;
}

export type GitResult = { ok: true; stdout: string } | { ok: false; failure: GitFailure };

export interface GitOptions {
  /** Directory git runs in. */
  cwd: string;
  /** The git executable; `git` from PATH by default. */
  gitPath?: string;
  timeoutMs?: number;
  /** Largest output accepted, in bytes. */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Options in front of every command: raw UTF-8 paths (`core.quotepath=off`), no colour or
 * signatures in `log` output whatever the user's config says, and pathspecs taken literally.
 */
export const GLOBAL_ARGS: readonly string[] = [
  '--no-pager', '--literal-pathspecs',
  '-c', 'core.quotepath=off', '-c', 'color.ui=false', '-c', 'log.showSignature=false',
];

/** The environment git runs with: English messages, no prompts, no optional locks, no hook leftovers. */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', ...extra };
  // Set when we run inside a git hook; they would point every command at the hook's repository.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  return env;
}

export function runGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  if (!fs.existsSync(options.cwd)) {
    return Promise.resolve({ ok: false, failure: { kind: 'failed', message: `${options.cwd}: no such directory` } });
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    execFile(
      options.gitPath ?? 'git',
      [...GLOBAL_ARGS, ...args],
      { cwd: options.cwd, env: gitEnvironment(), timeout, maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES, encoding: 'buffer', windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ ok: true, stdout: stdout.toString('utf8') });
          return;
        }
        resolve({ ok: false, failure: classifyFailure(error, stderr.toString('utf8'), args, timeout) });
      },
    );
  });
}

interface ExecError extends Error {
  code?: string | number | null;
  killed?: boolean;
  signal?: NodeJS.Signals | null;
}

export function classifyFailure(error: ExecError, stderr: string, args: readonly string[], timeoutMs: number): GitFailure {
  const command = `git ${args[0] ?? ''}`.trim();
  if (error.code === 'ENOENT') return { kind: 'missing', message: 'git is not installed or not on PATH' };
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return { kind: 'too-large', message: `${command} printed more than the output limit` };
  if (error.killed || error.signal) return { kind: 'timeout', message: `${command} did not finish within ${formatSeconds(timeoutMs)}` };
  const firstLine = stderr.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? error.message.split('\n')[0];
  if (/not a git repository/i.test(stderr)) return { kind: 'not-a-repository', message: 'not a git repository' };
  return { kind: 'failed', message: `${command} failed: ${firstLine.replace(/^(fatal|error): /, '')}` };
}

export function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** Splits NUL-terminated output (`-z`) into records, dropping the empty tail. */
export function splitNul(output: string): string[] {
  const parts = output.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
