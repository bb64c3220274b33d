// Deep inputs end in a clear message or a bounded result, never a stack trace or a hang: long
// `extends` chains, JSON nested thousands deep, absurd thread counts, folders that cannot exist.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-deep-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SOURCE = { 'src/a.ts': 'export const a = 1;\n' };
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /internal error|RangeError|\n\s+at .*:\d+:\d+/, text.slice(0, 500));
}

describe('deep inputs', function () {
  this.timeout(30_000);

  it('refuses an extends chain of 5,000 files at the 33rd, naming the chain', async () => {
    const files: Record<string, string> = { ...SOURCE, 'guardrails.json': '{ "extends": ["./c0.json"] }' };
    for (let i = 0; i < 5000; i++) files[`c${i}.json`] = i < 4999 ? `{ "extends": ["./c${i + 1}.json"] }` : '{}';
    const dir = workspace(files);
    const run = await runCliCapture(['check', dir, '--no-color'], REPO_ROOT);
    assert.equal(run.code, 2, run.stderr);
    assertNoStack(run.stderr);
    assert.match(run.stderr, /c31\.json:1:15: error: "extends" goes more than 32 files deep: guardrails\.json → c0\.json → c1\.json → c2\.json → … → c30\.json → c31\.json → c32\.json; extend fewer files in a row/);
  });

  it('refuses a rules file nested 10,000 deep, at the bracket that goes too deep', async () => {
    const dir = workspace({ ...SOURCE, 'guardrails.json': `{\n  "rules": [],\n  "x": ${nested(10_000)}\n}\n` });
    const run = await runCliCapture(['check', dir, '--no-color'], REPO_ROOT);
    assert.equal(run.code, 2);
    assertNoStack(run.stderr);
    assert.match(run.stderr, /guardrails\.json:3:107: error: JSON nested more than 100 levels deep here: no rules file needs that many/);
  });

  it('ignores a tsconfig nested 10,000 deep, with a warning where it goes too deep', async () => {
    const dir = workspace({ ...SOURCE, 'guardrails.json': '{}', 'tsconfig.json': `{ "compilerOptions": ${nested(10_000)} }` });
    const run = await runCliCapture(['check', dir, '--no-color'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assertNoStack(run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /tsconfig\.json:1:121: JSON nested more than 100 levels deep here: no tsconfig needs that many; its options are ignored/);
  });

  it('reports a baseline nested 10,000 deep with its place (a warning, as for any unreadable baseline), not a RangeError', async () => {
    const dir = workspace({ ...SOURCE, 'guardrails.json': '{}', 'deep.json': `{ "version": 1, "violations": ${nested(10_000)} }` });
    const run = await runCliCapture(['check', dir, '--no-color', '--baseline', path.join(dir, 'deep.json')], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assertNoStack(run.stdout + run.stderr);
    assert.match(run.stdout, /deep\.json:1:130: JSON nested more than 100 levels deep here: no baseline needs that many/);
  });

  it('caps --concurrency at the cores and says so; rejects what is not a number', async () => {
    const dir = workspace({ ...SOURCE, 'guardrails.json': '{}' });
    const run = await runCliCapture(['check', dir, '--no-color', '--concurrency', '99999999999999999999'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assertNoStack(run.stderr);
    assert.match(run.stderr, new RegExp(`--concurrency 999999999999… is more than the ${os.availableParallelism()} cores here: using ${os.availableParallelism()} threads`));
    const bad = await runCliCapture(['check', dir, '--concurrency', '-1'], REPO_ROOT);
    assert.equal(bad.code, 2);
  });

  describe('folders under /proc (Node 20 mkdirSync recursive never returns there)', () => {
    before(function () {
      if (!fs.existsSync('/proc/self')) this.skip();
    });
    // Each case runs in a child process with a time limit: before the fix, each one never ended.
    const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');

    it('writeFileAtomic returns an error value', () => {
      const module = path.join(REPO_ROOT, 'out', 'src', 'core', 'util', 'writeFileAtomic.js');
      const run = node(['-e', `console.log(JSON.stringify(require(${JSON.stringify(module)}).writeFileAtomic('/proc/guardrails/x/b.json', '{}', 'baseline')))`]);
      assert.equal(run.signal, null, 'ended by itself');
      assert.deepEqual(JSON.parse(run.stdout), { ok: false, message: 'cannot write baseline /proc/guardrails/x/b.json: cannot create the folder /proc/guardrails (ENOENT)' });
    });

    it('--cache-location, --baseline and GUARDRAILS_CACHE_DIR there end with a message', function () {
      if (!fs.existsSync(cli)) this.skip();
      const dir = workspace({ ...SOURCE, 'guardrails.json': '{}' });
      const cache = node([cli, 'check', dir, '--no-color', '--cache-location', '/proc/guardrails/cache']);
      assert.equal(cache.status, 0, cache.stderr);
      assert.match(cache.stderr, /cannot keep the cache in \/proc\/guardrails\/cache: cannot create the folder \/proc\/guardrails \(ENOENT\); running without it/);
      const baseline = node([cli, 'check', dir, '--no-color', '--update-baseline', '--baseline', '/proc/guardrails/b.json']);
      assert.equal(baseline.status, 2, baseline.stderr);
      assert.match(baseline.stderr, /cannot create the folder \/proc\/guardrails \(ENOENT\)/);
      const env = node([cli, 'check', dir, '--no-color'], { GUARDRAILS_CACHE_DIR: '/proc/guardrails/v8' });
      assert.equal(env.status, 0, env.stderr);
      assert.match(env.stderr, /GUARDRAILS_CACHE_DIR: cannot create the folder \/proc\/guardrails \(ENOENT\); the code cache is not kept/);
    });
  });
});
