import * as assert from 'node:assert/strict';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import type { TestRepo } from '../git/testRepo';
import { buildOutcomesHistory, OUTCOMES_RULES as RULES } from './datedHistory';

describe('windows: outcomes, trend, hotspots and the ratchet from a dated history', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let commits: Record<string, string>;
  before(() => ({ repo, commits } = buildOutcomesHistory()));
  after(() => repo.dispose());

  async function windowsJson(): Promise<{ windows: Record<string, unknown>[]; trend: unknown[] }> {
    const run = await runCliCapture(['windows', repo.dir, '--format', 'json', '--today', '2026-03-25'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout);
  }

  it('counts commits, fixes, churn, files per commit and authors before, during and after the window', async () => {
    const report = await windowsJson();
    assert.deepEqual(report.windows[0].outcomes, {
      before: { from: '2026-02-16', to: '2026-03-01', commits: 2, fixes: 2, churn: 5, filesPerCommit: 1.5, authors: 1 },
      during: { from: '2026-03-02', to: '2026-03-15', commits: 3, fixes: 0, churn: 4, filesPerCommit: 1, authors: 3 },
      after: { from: '2026-03-16', to: '2026-03-25', commits: 1, fixes: 1, churn: 2, filesPerCommit: 1, authors: 1 },
    });
  });

  it('says an ended window regressed, by how much, since its end', async () => {
    const report = await windowsJson();
    assert.deepEqual(report.windows[0].hold, {
      since: '2026-03-15', commit: commits.c7, status: 'regressed',
      goals: [{ atEnd: 1, now: 1, regressedBy: 0 }, { atEnd: 0, now: 1, regressedBy: 1 }],
    });
  });

  it('credits each removal once, to the commit that made it', async () => {
    const report = await windowsJson();
    const paid = report.windows[0].paidDown as { kind: string; file: string; removedBy: { commit: string } }[];
    assert.deepEqual(paid.map((item) => [item.kind, item.file, item.removedBy.commit]), [
      ['debt', 'src/core/a.ts', commits.c7],
      ['violation', 'src/core/a.ts', commits.c5],
    ]);
  });

  it('gives violations and debt per week from each week\'s last commit, the current week from the working tree', async () => {
    const report = await windowsJson();
    assert.deepEqual(report.trend, [
      { week: '2026-02-09', violations: 1, debt: 2 },
      { week: '2026-02-16', violations: 1, debt: 2 },
      { week: '2026-02-23', violations: 1, debt: 2 },
      { week: '2026-03-02', violations: 0, debt: 2 },
      { week: '2026-03-09', violations: 0, debt: 1 },
      { week: '2026-03-16', violations: 1, debt: 1 },
      { week: '2026-03-23', violations: 1, debt: 1 },
    ]);
  });

  it('shows outcomes, the hold and the trend in Markdown and text', async () => {
    const markdown = await runCliCapture(['windows', repo.dir, '--format', 'markdown', '--today', '2026-03-25'], REPO_ROOT);
    const lines = markdown.stdout.split('\n');
    for (const expected of [
      '**Regressed:** regressed since 2026-03-15: violations of core-pure regressed by 1 (0 → 1)',
      '| Outcome | Before → during → after |',
      '| commits | 2 → 3 ↑ → 1 ↓ |',
      '| fixes | 2 → 0 ↓ → 1 ↑ |',
      '| churn (lines) | 5 → 4 ↓ → 2 ↓ |',
      '| files per commit | 1.5 → 1 ↓ → 1 = |',
      '| authors | 1 → 3 ↑ → 1 ↓ |',
      '### Trend (weekly, 2026-02-09 → 2026-03-23)',
      '- violations: 1 `███▁▁██` 1',
      '- debt: 2 `████▁▁▁` 1',
      '| 2026-03-09 | 0 | 1 |',
    ]) assert.ok(lines.includes(expected), `missing ${expected}\n${markdown.stdout}`);
    const text = await runCliCapture(['windows', repo.dir, '--today', '2026-03-25'], REPO_ROOT);
    assert.ok(text.stdout.includes('  commits           2 → 3 ↑ → 1 ↓\n'), text.stdout);
    assert.ok(text.stdout.includes('  violations  1 ███▁▁██ 1\n'), text.stdout);
  });

  it('ranks files with findings by changes in the last N days', async () => {
    const all = await runCliCapture(['hotspots', repo.dir, '--format', 'json', '--today', '2026-03-25'], REPO_ROOT);
    assert.equal(all.code, 0, all.stderr);
    const report = JSON.parse(all.stdout);
    assert.deepEqual([report.from, report.days], ['2025-12-26', 90]);
    assert.deepEqual(report.hotspots, [{ file: 'src/core/b.ts', changes: 4, churn: 10, debt: 1, violations: 1, score: 8 }]);
    const recent = JSON.parse((await runCliCapture(['hotspots', repo.dir, '--format', 'json', '--today', '2026-03-25', '--days', '20'], REPO_ROOT)).stdout);
    assert.deepEqual(recent.hotspots, [{ file: 'src/core/b.ts', changes: 1, churn: 2, debt: 1, violations: 1, score: 2 }]);
    const text = await runCliCapture(['hotspots', repo.dir, '--today', '2026-03-25'], REPO_ROOT);
    assert.match(text.stdout, /^ {2}src\/core\/b\.ts +8 +4 +10 +1 +1$/m);
    const debt = JSON.parse((await runCliCapture(['debt', repo.dir, '--format', 'json', '--today', '2026-03-25'], REPO_ROOT)).stdout);
    assert.deepEqual(debt.debt.map((item: { file: string; changes: number }) => [item.file, item.changes]), [['src/core/b.ts', 4]]);
  });

  it('check --since reports window-regressed only when the change made the window regress', async () => {
    const regressed = async (ref: string): Promise<string[]> => {
      const run = await runCliCapture(['check', repo.dir, '--format', 'json', '--today', '2026-03-25', '--since', ref], REPO_ROOT);
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      return JSON.parse(run.stdout).violations.filter((v: { ruleId: string }) => v.ruleId === 'window-regressed').map((v: { message: string }) => v.message);
    };
    // From c7 (the window's end, where it held) the change brought c8's regression: new.
    assert.deepEqual(await regressed(commits.c7), [`window "tidy" regressed: violations of core-pure is 1, above the 0 it reached by 2026-03-15 (commit ${commits.c7.slice(0, 7)})`]);
    // From c8 on the window had already regressed: not something this change did.
    assert.deepEqual(await regressed(commits.c8), []);
  });

  it('check reports window-regressed on the window, with its hold severity', async () => {
    const run = await runCliCapture(['check', repo.dir, '--format', 'json', '--today', '2026-03-25'], REPO_ROOT);
    assert.equal(run.code, 1);
    const regressed = JSON.parse(run.stdout).violations.filter((v: { ruleId: string }) => v.ruleId === 'window-regressed');
    assert.deepEqual(regressed.map((v: Record<string, unknown>) => [v.severity, v.file, v.line, v.message]), [[
      'error', 'guardrails.json', 10,
      `window "tidy" regressed: violations of core-pure is 1, above the 0 it reached by 2026-03-15 (commit ${commits.c7.slice(0, 7)})`,
    ]]);
    // Before the window's end nothing is held; with "hold": "off" nothing is reported.
    const during = JSON.parse((await runCliCapture(['check', repo.dir, '--format', 'json', '--today', '2026-03-12'], REPO_ROOT)).stdout);
    assert.equal(during.violations.filter((v: { ruleId: string }) => v.ruleId === 'window-regressed').length, 0);
    repo.write('guardrails.json', RULES.replace('"hold": "error"', '"hold": "off"'));
    try {
      const off = JSON.parse((await runCliCapture(['check', repo.dir, '--format', 'json', '--today', '2026-03-25'], REPO_ROOT)).stdout);
      assert.equal(off.violations.filter((v: { ruleId: string }) => v.ruleId === 'window-regressed').length, 0);
    } finally {
      repo.write('guardrails.json', RULES);
    }
  });
});
