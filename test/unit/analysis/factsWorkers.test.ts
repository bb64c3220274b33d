import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FactsWorkerPool, type FactsWorkers } from '../../../src/core/analysis/factsWorkers';
import { analyzeDirectory } from '../../../src/core/analysis/analyze';
import type { AnalysisResult } from '../../../src/core/model/types';
import { analyzeFixture, REPO_ROOT } from '../helpers/analyzeFixture';

const SHOP = ['..', '..', 'examples', 'shop'];

/** Counts the batches a load hands to the pool, to prove the threads were asked at all. */
function counting(pool: FactsWorkerPool): FactsWorkers & { batches: number; files: number } {
  const counted = {
    batches: 0,
    files: 0,
    workersFor: (files: number) => pool.workersFor(files),
    warmUp: (files: number) => pool.warmUp(files),
    analyze: (batch: Parameters<FactsWorkers['analyze']>[0], ctx: Parameters<FactsWorkers['analyze']>[1]) => {
      counted.batches++;
      counted.files += batch.length;
      return pool.analyze(batch, ctx);
    },
    close: () => pool.close(),
  };
  return counted;
}

/** Parsing on worker threads (`--concurrency`) must never change what a check reports. */
describe('parsing on worker threads', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const strip = (result: unknown) => JSON.parse(JSON.stringify(result), (key, value) => (key === 'durationMs' ? 0 : value));

  it('reports exactly what a single-threaded check reports, with the files parsed on two threads', async function () {
    if (!fs.existsSync(cli)) this.skip();
    const errors: string[] = [];
    const pool = new FactsWorkerPool(cli, 2, (message) => errors.push(message));
    const workers = counting(pool);
    try {
      const parallel = await analyzeFixture(SHOP, { workers });
      assert.equal(pool.threads, 2, 'two parsing threads ran');
      const alone = await analyzeFixture(SHOP);
      assert.deepEqual(strip(parallel), strip(alone));
      assert.ok(workers.batches > 0 && workers.files > 0, 'files were handed to the threads');
      assert.ok(workers.files < alone.files, 'the main thread parsed its share too');
      assert.deepEqual(errors, []);
    } finally {
      pool.close();
    }
  });

  it('reports a file nested too deeply to parse and analyses the rest, on any thread', async function () {
    if (!fs.existsSync(cli)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-deep-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'guardrails.json'), '{ "include": ["src/**"] }\n');
    fs.writeFileSync(path.join(dir, 'src', 'deep.ts'), `export const deep = ${'('.repeat(60_000)}1${')'.repeat(60_000)};\n`);
    fs.writeFileSync(path.join(dir, 'src', 'ok.ts'), "import { deep } from './deep';\n// TODO: still found\nexport const ok = deep;\n");
    const summary = (result: AnalysisResult) => [
      ...result.violations.map((v) => `${v.ruleId} ${path.basename(v.location.file)}:${v.location.range.start.line} ${v.message}`),
      ...result.debt.map((d) => `${d.tag} ${path.basename(d.file)}:${d.range.start.line}`),
    ];
    const expected = ['parse-error deep.ts:1 cannot parse: nested too deeply for the parser (its stack ran out) — the rest of the workspace is still analysed', 'TODO ok.ts:2'];
    const errors: string[] = [];
    const pool = new FactsWorkerPool(cli, 1, (message) => errors.push(message));
    try {
      const analyse = async (workers?: FactsWorkerPool) => {
        const outcome = await analyzeDirectory(dir, { today: '2026-11-27', workers });
        assert.ok(outcome.ok);
        return outcome.result;
      };
      assert.deepEqual(summary(await analyse()), expected);
      assert.deepEqual(summary(await analyse(pool)), expected);
      assert.equal(pool.threads, 1, 'the thread parsed, and is still up');
      assert.deepEqual(errors, []);
    } finally {
      pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to the main thread, and says so once, when a thread cannot run', async () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-worker-')), 'broken.js');
    fs.writeFileSync(broken, "throw new Error('no engine here');\n");
    const errors: string[] = [];
    const pool = new FactsWorkerPool(broken, 1, (message) => errors.push(message));
    try {
      const result = await analyzeFixture(SHOP, { workers: pool });
      assert.deepEqual(strip(result), strip(await analyzeFixture(SHOP)));
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], /a parsing thread stopped \(no engine here\); its files are parsed on the main thread/);
    } finally {
      pool.close();
    }
  });

  it('guardrails check --concurrency N prints the same report as --concurrency off, and rejects a bad value', function () {
    if (!fs.existsSync(cli)) this.skip();
    const run = (...extra: string[]) => spawnSync(process.execPath, [cli, 'check', 'examples/shop', '--format', 'json', '--today', '2026-11-27', ...extra], { cwd: REPO_ROOT, encoding: 'utf8' });
    const threaded = run('--concurrency', '2');
    const single = run('--concurrency', 'off');
    assert.equal(threaded.status, 1, threaded.stderr);
    assert.equal(threaded.stderr, '');
    assert.deepEqual(strip(JSON.parse(threaded.stdout)), strip(JSON.parse(single.stdout)));
    const bad = run('--concurrency', 'many');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--concurrency takes a number of threads, auto or off, not "many"/);
  });
});
