// Runs `git` without a shell, with bounded time and output. Everything a user's machine can do
// wrong (no git, not a repository, a timeout) comes back as a value, never as an exception.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

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

/**
 * A workspace's `.git/config` (and its `.gitattributes`) can name programs for git to run: an
 * fsmonitor hook, hooks, textconv drivers, clean and smudge filters, external diffs, the transport
 * a partial clone fetches missing objects with. Guardrails reads untrusted workspaces, so every
 * command turns those off: the hook settings here, and per command below. Filters run only when
 * git reads the working tree, which no command here does (blame is always of a commit).
 */
export const NO_WORKSPACE_CODE: readonly string[] = [
  '-c', 'core.fsmonitor=false',
  '-c', `core.hooksPath=${os.devNull}`,
  // No transport at all: a partial clone would otherwise fetch missing blobs through the
  // repository's own ssh command or remote helper.
  '-c', 'protocol.allow=never',
];

/**
 * The only commands Guardrails runs, each with the options that keep the repository's drivers
 * out of it. A new command must be added here, with its guards, before it can run: commands that
 * read the working tree (status, diff without two commits, blame of the working file) would run
 * the repository's fsmonitor and filters, and have no place in this list.
 */
const SAFE_COMMANDS: Readonly<Record<string, { config?: readonly string[]; options: readonly string[] }>> = {
  'rev-parse': { options: [] },
  'ls-tree': { options: [] },
  // Commits only (`check --since`, `guardrails.newSince`): no working tree, no diff.
  'merge-base': { options: [] },
  // `--batch` and `blob` print objects as stored: no textconv, no filters unless asked for.
  'cat-file': { options: [] },
  log: { options: ['--no-textconv', '--no-ext-diff'] },
  // Compares two stored trees (files moved between commits); never the working tree.
  'diff-tree': { options: ['--no-textconv', '--no-ext-diff'] },
  // An ignore-revs file named by the repository could be a FIFO or a device: read none.
  blame: { config: ['-c', 'blame.ignoreRevsFile='], options: ['--no-textconv'] },
};

export interface GitInvocation {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The executable, arguments and environment for one command, with every protection in place. */
export function gitInvocation(args: readonly string[], gitPath: string | undefined): GitInvocation | GitFailure {
  const [command, ...rest] = args;
  const safe = command === undefined ? undefined : SAFE_COMMANDS[command];
  if (safe === undefined || !Object.hasOwn(SAFE_COMMANDS, command)) {
    return { kind: 'failed', message: `git ${command ?? '(no command)'} is not a command Guardrails runs` };
  }
  return {
    file: gitPath ?? 'git',
    args: [...GLOBAL_ARGS, ...NO_WORKSPACE_CODE, ...(safe.config ?? []), command, ...safe.options, ...rest],
    env: gitEnvironment(),
  };
}

/** The environment git runs with: English messages, no prompts, no optional locks, no hook leftovers. */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', ...extra };
  // Set when we run inside a git hook; they would point every command at the hook's repository.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  // An external diff program from the environment is not ours to run either.
  delete env.GIT_EXTERNAL_DIFF;
  return env;
}

export function isGitFailure(value: GitInvocation | GitFailure): value is GitFailure {
  return 'kind' in value;
}

export function runGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  if (!fs.existsSync(options.cwd)) {
    return Promise.resolve({ ok: false, failure: { kind: 'failed', message: `${options.cwd}: no such directory` } });
  }
  const invocation = gitInvocation(args, options.gitPath);
  if (isGitFailure(invocation)) return Promise.resolve({ ok: false, failure: invocation });
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    execFile(
      invocation.file,
      invocation.args,
      { cwd: options.cwd, env: invocation.env, timeout, maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES, encoding: 'buffer', windowsHide: true },
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
