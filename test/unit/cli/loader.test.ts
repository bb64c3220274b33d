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
});
