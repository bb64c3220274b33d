// Small workspaces written by the tests, for inputs a hostile repository could hold (links out of
// the folder, FIFOs, files nobody can read), and a way to run the CLI in a child process where a
// defect would hang or eat memory: the child is killed at a bound instead of the test run.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';

/** `src/a/a.ts` imports `src/b/b.ts`, which rule `a-not-b` forbids: one finding to baseline. */
export const LAYERED: Record<string, string> = {
  'guardrails.json': JSON.stringify({
    include: ['src/**'],
    rules: [{ id: 'a-not-b', kind: 'forbidden', from: 'src/a/**', to: 'src/b/**' }],
  }, null, 2),
  'src/a/a.ts': "import { b } from '../b/b';\nexport const a = b + 1;\n",
  'src/b/b.ts': 'export const b = 1;\n',
};

/** A fresh folder (real path) holding `files`; a rules file given as an object is written as JSON. */
export function workspace(files: Record<string, string | object> = LAYERED, name = 'guardrails-hostile-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), name)));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** `LAYERED` with more rules-file fields. */
export function layeredWith(extra: object, files: Record<string, string> = {}): Record<string, string> {
  return { ...LAYERED, 'guardrails.json': JSON.stringify({ ...JSON.parse(LAYERED['guardrails.json']), ...extra }, null, 2), ...files };
}

export function removeWorkspace(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface ChildRun {
  code: number | null;
  /** The signal that ended it: SIGKILL when it ran past the bound. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The compiled CLI (`npm run compile-tests` builds it next to the tests). */
export const CLI = path.join(REPO_ROOT, 'out', 'src', 'cli', 'main.js');

/** Runs the CLI in a child process, killed after `timeoutMs` and capped in memory. */
export function runCliChild(args: string[], cwd: string, options: { timeoutMs?: number; uid?: number; gid?: number } = {}): ChildRun {
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 20_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
