import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';

/** The installed `guardrails` command: the loader that runs the bundle with V8's code cache. */
describe('the guardrails command (dist/cli.js)', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');

  it('gives the same report with a cold and a warm code cache, and keeps its exit code', function () {
    if (!fs.existsSync(cli)) this.skip();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cache-'));
    const run = () => spawnSync(process.execPath, [cli, 'check', 'examples/shop', '--format', 'json', '--today', '2026-11-27'], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, GUARDRAILS_CACHE_DIR: cacheDir },
    });
    const cold = run();
    assert.equal(cold.status, 1, cold.stderr);
    const cached = fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
    assert.equal(cached.length, 1, 'the first run writes the code cache');
    const warm = run();
    assert.equal(warm.status, 1, warm.stderr);
    const strip = (text: string) => JSON.parse(text, (key, value) => (key === 'durationMs' ? 0 : value));
    assert.deepEqual(strip(warm.stdout), strip(cold.stdout));
    const usage = spawnSync(process.execPath, [cli, 'check', '--bogus'], { encoding: 'utf8', env: { ...process.env, GUARDRAILS_CACHE_DIR: cacheDir } });
    assert.equal(usage.status, 2);
    // A command named like an object's own property is unknown, not a crash before parsing.
    const inherited = spawnSync(process.execPath, [cli, 'constructor'], { encoding: 'utf8', env: { ...process.env, GUARDRAILS_CACHE_DIR: cacheDir } });
    assert.deepEqual([inherited.status, inherited.stderr.split('\n')[0]], [2, 'guardrails: unknown command "constructor"; commands: check, debt, graph, windows, snapshot, hotspots, lsp, import']);

    // An upgrade writes a new cache and removes this installation's old ones, never another's.
    const [current] = cached;
    const installation = current.split('-')[1];
    const oldBuild = `cli-${installation}-00000000.v8cache`;
    const oldName = 'cli-0123456789abcdef.v8cache';
    const otherInstallation = 'cli-ffffffff-00000000.v8cache';
    for (const name of [oldBuild, oldName, otherInstallation]) fs.writeFileSync(path.join(cacheDir, name), 'stale');
    fs.rmSync(path.join(cacheDir, current));
    assert.equal(run().status, 1);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), [current, otherInstallation].sort());
  });

  it('keeps the code cache a `windows` run writes for the next one, beside the one `check` writes', function () {
    if (!fs.existsSync(cli)) this.skip();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cache-'));
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-windows-'));
    fs.writeFileSync(path.join(workspace, 'guardrails.json'), JSON.stringify({ include: ['**/*.ts'], windows: [{ id: 'w', start: '2026-11-01', end: '2026-11-30', scope: ['**'], goals: [{ metric: 'debt', target: 0 }] }] }));
    fs.writeFileSync(path.join(workspace, 'a.ts'), '// TODO: one\nexport const a = 1;\n');
    try {
      const run = (command: string) => {
        const done = spawnSync(process.execPath, [cli, command, workspace, '--format', 'json', '--today', '2026-11-27', '--no-cache'], {
          encoding: 'utf8', env: { ...process.env, GUARDRAILS_CACHE_DIR: cacheDir },
        });
        assert.ok(done.status === 0 || done.status === 1, done.stderr);
      };
      /** Each code cache file with when it was written: a cache V8 rejected is written again at exit. */
      const caches = () => new Map(fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache')).map((name) => [name, fs.statSync(path.join(cacheDir, name)).mtimeMs]));
      run('windows');
      const written = caches();
      assert.equal(written.size, 1, 'the first windows run writes its code cache');
      run('windows');
      assert.deepEqual(caches(), written, 'the next windows run takes it as it is');
      run('check');
      assert.equal(caches().size, 2, 'check keeps its own, compiled under V8\'s usual settings');
      run('windows');
      run('check');
      const both = caches();
      run('windows');
      run('check');
      assert.deepEqual(caches(), both, 'neither replaces nor rewrites the other');
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
