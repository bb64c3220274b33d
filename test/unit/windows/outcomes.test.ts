import * as assert from 'node:assert/strict';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { TestRepo } from '../git/testRepo';

const RULES = `{
  "include": ["src/**"],
  "layers": { "core": "src/core/**", "io": "src/io/**" },
  "rules": [
    { "id": "core-pure", "kind": "forbidden", "from": "core", "to": ["io"] },
    { "id": "no-cycles", "kind": "no-cycle" }
  ],
  "debt": { "tags": { "TODO": "info", "FIXME": "warning" } },
  "windows": [
    { "id": "tidy", "title": "Tidy the core", "start": "2026-03-02", "end": "2026-03-15",
      "scope": ["src/core/**"], "hold": "error",
      "goals": [ { "metric": "debt", "target": 0 }, { "metric": "violations", "rule": "core-pure", "target": 0 } ] }
  ]
}
`;

/**
 * A history whose numbers are known by hand (committer dates in UTC). The window runs Mar 2–15;
 * "today" is Mar 25, so before = Feb 16–Mar 1, during = Mar 2–15, after = Mar 16–25.
 * In scope (src/core/**), by period:
 *   before  c2 Bob "Fix rounding in a" (a.ts +1 −1), c4 Bob "bugfix: b and util" (b.ts +3, util +1 −1)
 *   during  c5 Alice (a.ts −2), c6 Dave on a branch "Prefix fixture names" (b.ts +1), merged by Erin
 *           (a merge: never counted), c7 Carol (a.ts −1)
 *   after   c8 Bob "Revert: b saves again" (b.ts +2, brings a core-pure finding back); c9 touches util only
 */
function buildHistory(): { repo: TestRepo; commits: Record<string, string> } {
  const repo = TestRepo.create('guardrails-outcomes-');
  const commits: Record<string, string> = {};
  const at = (day: string, hour = 12) => `${day}T${String(hour).padStart(2, '0')}:00:00+00:00`;
  repo.write('guardrails.json', RULES)
    .write('tsconfig.json', '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "bundler", "strict": true } }\n')
    .write('README.md', '# Tidy\n')
    .write('src/core/a.ts', "import { save } from '../io/db';\n// TODO: validate amounts\nexport function a(x: number): number {\n  save([x]);\n  return x;\n}\n")
    .write('src/core/b.ts', '// FIXME(bob): b is too clever\nexport function b(x: number): number {\n  return x * 2;\n}\n')
    .write('src/io/db.ts', 'export function save(entries: readonly number[]): void {\n  console.log(entries.length);\n}\n')
    .write('src/util/u.ts', 'export const u = 1;\n');
  commits.c1 = repo.commit('Start', { date: at('2026-02-10'), author: 'Alice Martin' });
  repo.edit('src/core/a.ts', '  return x;\n', '  return Math.round(x);\n');
  commits.c2 = repo.commit('Fix rounding in a', { date: at('2026-02-17'), author: 'Bob Okafor' });
  repo.write('README.md', '# Tidy\n\nA small core.\n');
  commits.c3 = repo.commit('Add docs', { date: at('2026-02-20'), author: 'Carol Jensen' });
  repo.edit('src/core/b.ts', '  return x * 2;\n}\n', '  return x * 2;\n}\nexport const b2 = 2;\nexport const b3 = 3;\nexport const b4 = 4;\n');
  repo.write('src/util/u.ts', 'export const u = 2;\n');
  commits.c4 = repo.commit('bugfix: b and util', { date: at('2026-02-25'), author: 'Bob Okafor' });
  repo.edit('src/core/a.ts', "import { save } from '../io/db';\n", '').edit('src/core/a.ts', '  save([x]);\n', '');
  commits.c5 = repo.commit('Remove io import from a', { date: at('2026-03-03'), author: 'Alice Martin' });
  repo.git(['checkout', '-q', '-b', 'prefix']);
  repo.edit('src/core/b.ts', 'export const b4 = 4;\n', "export const b4 = 4;\nexport const fixtureName = 'b';\n");
  commits.c6 = repo.commit('Prefix fixture names', { date: at('2026-03-05'), author: 'Dave Silva' });
  repo.git(['checkout', '-q', 'main']);
  commits.merge = repo.merge('prefix', { date: at('2026-03-06'), author: 'Erin Kowalski' });
  repo.edit('src/core/a.ts', '// TODO: validate amounts\n', '');
  commits.c7 = repo.commit('Remove the TODO in a', { date: at('2026-03-10'), author: 'Carol Jensen' });
  repo.edit('src/core/b.ts', '// FIXME(bob): b is too clever\n', "import { save } from '../io/db';\n// FIXME(bob): b is too clever\nexport { save };\n");
  commits.c8 = repo.commit('Revert: b saves again', { date: at('2026-03-18'), author: 'Bob Okafor' });
  repo.write('src/util/u.ts', 'export const u = 3;\n');
  commits.c9 = repo.commit('Tidy util', { date: at('2026-03-20'), author: 'Alice Martin' });
  return { repo, commits };
}

describe('windows: outcomes, trend, hotspots and the ratchet from a dated history', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let commits: Record<string, string>;
  before(() => ({ repo, commits } = buildHistory()));
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
      '- debt: 2 `████▅▅▅` 1',
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
