import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';

describe('CLI: guardrails windows', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  before(() => {
    repo = TestRepo.create('guardrails-cli-windows-').copyFrom(fixturePath('windows', 'ledger'));
    repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
    repo.edit('src/io/db.ts', '// FIXME: writes the whole list on every call\n', '');
    repo.commit('Append instead of rewriting', { date: '2026-11-04T10:00:00+00:00', author: 'Bob Okafor' });
  });
  after(() => repo.dispose());

  it('prints the JSON of DESIGN.md section 5', async () => {
    const run = await runCliCapture(['windows', repo.dir, '--format', 'json', '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(run.code, 0);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report.windows[0]).slice(0, 6), ['id', 'title', 'start', 'end', 'today', 'scope']);
    const w = report.windows[0];
    assert.deepEqual([w.id, w.elapsed, w.source, w.status], ['cleanup', 0.4286, 'git', 'behind']);
    assert.deepEqual(w.goals[0], { metric: 'debt', label: 'debt', atStart: 4, now: 3, target: 0, progress: 0.25, met: false, status: 'behind' });
    assert.deepEqual(w.goals[1].rule, 'core-pure');
    assert.deepEqual(w.goals[3].scope, ['src/core/**']);
    assert.deepEqual(w.burndown.map((p: { date: string; values: number[] }) => `${p.date} ${p.values[0]}`), [
      '2026-11-02 4', '2026-11-03 4', '2026-11-04 3', '2026-11-05 3', '2026-11-06 3', '2026-11-07 3', '2026-11-08 3',
    ]);
    assert.deepEqual(w.paidDown, [{
      kind: 'debt', id: 'FIXME:src/io/db.ts:writes the whole list on every call', tag: 'FIXME', file: 'src/io/db.ts', line: 1,
      text: 'writes the whole list on every call', owner: null, estimateHours: null,
      removedBy: { ...w.paidDown[0].removedBy, name: 'Bob Okafor', email: 'bob@example.com', subject: 'Append instead of rewriting', date: '2026-11-04T10:00:00+00:00' },
    }]);
  });

  it('prints the same numbers as Markdown for a review or a pull request', async () => {
    const run = await runCliCapture(['windows', repo.dir, '--format', 'markdown', '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(run.code, 0);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('### Clean up the ledger (`cleanup`): behind'), run.stdout);
    assert.ok(lines.includes('| debt | 4 | 3 | 0 | 25% | behind |'));
    assert.ok(lines.includes('| violations of core-pure | 1 | 1 | 0 | 0% | behind |'));
    assert.ok(lines.includes('| debt (FIXME) in src/core/** | 1 | 1 | 0 | 0% | behind |'));
    assert.ok(lines.some((line) => /^\| FIXME: writes the whole list on every call \| `src\/io\/db.ts:1` \| {2}\| Bob Okafor \(`[0-9a-f]{7}`, 2026-11-04\) \|$/.test(line)));
    assert.ok(lines.includes('**Paid down:** 1 item(s), 0h of estimate'));
  });

  it('prints text for a terminal', async () => {
    const run = await runCliCapture(['windows', repo.dir, '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(run.code, 0);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'Clean up the ledger (cleanup)  BEHIND');
    assert.equal(lines[1], '  2026-11-02 → 2026-11-15 · day 7 of 14 · 8 day(s) left · 43% of the time used');
    assert.ok(lines.includes('  debt                                4       3       0       25%  behind'), run.stdout);
    assert.ok(lines.some((line) => line.startsWith('    src/io/db.ts:1  FIXME: writes the whole list on every call  — Bob Okafor (')));
  });

  it('exits 2 on a wrong format or a broken rules file', async () => {
    const format = await runCliCapture(['windows', repo.dir, '--format', 'sarif'], REPO_ROOT);
    assert.deepEqual([format.code, format.stderr], [2, 'guardrails: windows --format takes text, json, markdown, not "sarif"\n']);
    const broken = await runCliCapture(['windows', fixturePath('cli', 'broken-rules')], REPO_ROOT);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^guardrails: the rules file has errors\n/);
  });
});

describe('CLI: guardrails snapshot', () => {
  it('records the open windows and says where', async () => {
    const dir = tempDir('guardrails-cli-snapshot-');
    try {
      fs.cpSync(fixturePath('windows', 'ledger'), dir, { recursive: true });
      const run = await runCliCapture(['snapshot', '.', '--today', '2026-11-20'], dir);
      assert.deepEqual([run.code, run.stdout], [0, `Recorded 2026-11-20 for later in ${path.join('.guardrails', 'snapshots.json')}\n`]);
      const again = await runCliCapture(['snapshot', '.', '--today', '2026-12-21'], dir);
      assert.deepEqual([again.code, again.stdout], [0, 'No open refactoring windows: nothing to record.\n']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the example history (scripts/example-history.mjs)', function () {
  this.timeout(60_000);
  it('gives the example window real progress', async () => {
    const parent = tempDir('guardrails-example-history-');
    const out = path.join(parent, 'shop');
    try {
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'example-history.mjs'), '--out', out], { stdio: 'pipe' });
      const run = await runCliCapture(['windows', out, '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
      assert.equal(run.code, 0);
      const w = JSON.parse(run.stdout).windows[0];
      assert.deepEqual([w.id, w.source, w.status, w.elapsed, w.daysLeft], ['payments-q4', 'git', 'on-track', 0.5319, 22]);
      assert.deepEqual(w.goals.map((g: { label: string; atStart: number; now: number; progress: number }) => [g.label, g.atStart, g.now, g.progress]), [
        ['debt', 10, 4, 0.6],
        ['violations of domain-pure', 0, 0, 1],
      ]);
      assert.equal(w.burndown.length, 26);
      assert.equal(w.estimateBurned, 11);
      assert.deepEqual(w.paidDown.map((p: { file: string; removedBy: { name: string } }) => [p.file, p.removedBy.name]), [
        ['src/features/payments/cardProcessor.ts', 'Alice Martin'],
        ['src/features/payments/cardProcessor.ts', 'Bob Okafor'],
        ['src/features/payments/cardProcessor.ts', 'Dave Silva'],
        ['src/features/payments/fraudCheck.ts', 'Bob Okafor'],
        ['src/features/payments/legacyRetry.ts', 'Erin Kowalski'],
        ['src/features/payments/refunds.ts', 'Carol Jensen'],
      ]);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
