import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';
import { at, branchRepo, RULES } from './branchRepo';

describe('check --since REF: only what is new against the merge base', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  before(() => {
    repo = branchRepo();
  });
  after(() => repo.dispose());

  it('reports exactly what the branch added and fixed, in JSON', async () => {
    const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    const mergeBase = repo.git(['merge-base', 'main', 'HEAD']).trim();
    assert.deepEqual(report.since, { ref: 'main', commit: mergeBase });
    const describe = (v: { ruleId: string; file: string; line: number; to: string }) => `${v.ruleId} ${v.file}:${v.line} -> ${v.to}`;
    assert.deepEqual(report.violations.map(describe), ['layered src/domain/a.ts:3 -> src/ui/view.ts', 'layered src/domain/c.ts:1 -> src/ui/view.ts']);
    assert.deepEqual(report.fixed.violations.map(describe), ['layered src/domain/b.ts:1 -> src/ui/view.ts']);
    assert.deepEqual(report.debt.map((d: { id: string }) => d.id), ['TODO:src/domain/c.ts:new note']);
    assert.deepEqual(report.fixed.debt.map((d: { id: string }) => d.id), ['FIXME:src/ui/view.ts:paid on the branch']);
    assert.deepEqual([report.summary.errors, report.summary.debt], [2, 1]);
    assert.equal(report.fixed.violations[0].why, 'The domain knows nothing of screens.');
  });

  it('reports the same with a --cache folder, cold and warm, whose facts the merge base shares', async () => {
    const cache = tempDir('guardrails-since-cache-');
    try {
      const report = async (extra: string[]) => {
        const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--format', 'json', '--today', '2026-11-27', ...extra], REPO_ROOT);
        assert.equal(run.code, 1, run.stderr);
        const { durationMs: _duration, cache: _cache, ...rest } = JSON.parse(run.stdout) as Record<string, unknown>;
        return rest;
      };
      const without = await report(['--no-cache']);
      assert.deepEqual(await report(['--cache-location', cache]), without, 'cold');
      assert.deepEqual(await report(['--cache-location', cache]), without, 'warm');
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });

  it('counts the working tree as now, and fails only on new findings', async () => {
    const clean = TestRepo.create('guardrails-since-clean-').write('guardrails.json', RULES)
      .write('src/domain/a.ts', "import { view } from '../ui/view';\nexport const a = view;\n")
      .write('src/ui/view.ts', 'export const view = 1;\n');
    try {
      clean.commit('Start with a known violation', at('01'));
      const same = await runCliCapture(['check', clean.dir, '--since', 'HEAD', '--format', 'json'], REPO_ROOT);
      assert.equal(same.code, 0, 'the old violation does not fail the build');
      assert.deepEqual(JSON.parse(same.stdout).violations, []);
      clean.write('src/domain/b.ts', "import { view } from '../ui/view';\nexport const b = view;\n");
      const edited = await runCliCapture(['check', clean.dir, '--since', 'HEAD', '--format', 'json'], REPO_ROOT);
      assert.equal(edited.code, 1);
      assert.deepEqual(JSON.parse(edited.stdout).violations.map((v: { file: string }) => v.file), ['src/domain/b.ts']);
    } finally {
      clean.dispose();
    }
  });

  it('prints a pull-request summary as Markdown', async () => {
    const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--format', 'markdown', '--today', '2026-11-27'], REPO_ROOT);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], '### ❌ Guardrails: 2 new findings (2 errors, 0 warnings) · 1 fixed · debt +1 −1 since `main`');
    assert.ok(lines.includes('#### New findings (2)'), run.stdout);
    assert.ok(lines.includes("| error | `layered` | `src/domain/c.ts:1` | layer domain must not import the outer layer ui: '../ui/view' (src/ui/view.ts, layer ui) |"), run.stdout);
    assert.ok(lines.some((l) => l.startsWith('| `layered` | `src/domain/b.ts:1` |')), run.stdout);
    assert.ok(lines.includes('| `TODO` | `src/domain/c.ts:2` | new note | `@alice` |  |'), run.stdout);
    assert.ok(lines.includes('| `FIXME` | `src/ui/view.ts:1` | paid on the branch |'), run.stdout);
  });

  it('prints the new findings and what was fixed as text', async () => {
    const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--today', '2026-11-27', '--no-color'], REPO_ROOT);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    const block = lines.slice(lines.indexOf('src/domain/a.ts') + 1, lines.indexOf('', lines.indexOf('src/domain/a.ts')));
    assert.deepEqual(block.filter((line) => /^ +\d+:\d+ +error/.test(line)).map((line) => line.trim().split(':')[0]), ['3'], 'only the second import of a.ts is new, not the old one that moved');
    assert.match(run.stdout, /^Fixed since main\n {2}✔ src\/domain\/b\.ts:1 {2}layered/m);
    assert.match(run.stdout, /new since main \([0-9a-f]{7}\): 2 findings, 1 debt item · fixed: 1 finding, 1 debt item · 2 existing not shown/);
  });

  it('writes only new results to SARIF, each marked new', async () => {
    const run = await runCliCapture(['check', repo.dir, '--since', 'main', '--format', 'sarif', '--today', '2026-11-27'], REPO_ROOT);
    const sarif = JSON.parse(run.stdout);
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((r: { ruleId: string; baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri} ${r.baselineState}`), [
      'layered src/domain/a.ts new', 'layered src/domain/c.ts new', 'debt/TODO src/domain/c.ts new',
    ]);
    assert.deepEqual(sarif.runs[0].properties.fixed, { violations: 1, debt: 1 });
    // Valid SARIF 2.1.0 by Microsoft's SARIF Multitool (from npm), as the full report is.
    const multitool = path.join(REPO_ROOT, 'node_modules', '.bin', 'sarif-multitool');
    if (!fs.existsSync(multitool)) return;
    const scratch = tempDir('guardrails-since-sarif-');
    try {
      fs.writeFileSync(path.join(scratch, 'since.sarif'), run.stdout);
      const validated = spawnSync(multitool, ['validate', path.join(scratch, 'since.sarif'), '--output', path.join(scratch, 'validation.sarif'), '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 50_000 });
      assert.equal(validated.status, 0, validated.stdout + validated.stderr);
      const problems = [...validated.stdout.matchAll(/: (error|warning) (SARIF\d+|JSON\d+): (.*)$/gm)].map((m) => m[2]).filter((rule) => rule !== 'SARIF2005');
      assert.deepEqual(problems, [], validated.stdout);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('narrows to a folder or a file asked for', async () => {
    const folder = await runCliCapture(['check', path.join(repo.dir, 'src', 'domain', 'c.ts'), '--since', 'main', '--format', 'json'], REPO_ROOT);
    const report = JSON.parse(folder.stdout);
    assert.deepEqual(report.violations.map((v: { file: string }) => v.file), ['src/domain/c.ts']);
    assert.deepEqual(report.fixed.violations, []);
    assert.equal(report.files, 1);
    const text = await runCliCapture(['check', path.join(repo.dir, 'src', 'domain', 'c.ts'), '--since', 'main', '--no-color'], REPO_ROOT);
    assert.match(text.stdout, /new since main \([0-9a-f]{7}\): 1 finding, 1 debt item · fixed: 0 findings, 0 debt items · 0 existing not shown/, 'what was already there elsewhere is not counted either');
  });

  it('exits 2 naming an unknown ref, a folder outside git, or a Markdown report without --since', async () => {
    const unknown = await runCliCapture(['check', repo.dir, '--since', 'no-such-branch'], REPO_ROOT);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^guardrails: --since no-such-branch: unknown git ref "no-such-branch"/);
    const plain = tempDir('guardrails-since-plain-');
    try {
      fs.writeFileSync(path.join(plain, 'guardrails.json'), RULES);
      const outside = await runCliCapture(['check', plain, '--since', 'main'], REPO_ROOT);
      assert.equal(outside.code, 2);
      assert.match(outside.stderr, /is not in a git repository; --since compares with git history/);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
    const markdown = await runCliCapture(['check', repo.dir, '--format', 'markdown'], REPO_ROOT);
    assert.deepEqual([markdown.code, markdown.stderr], [2, 'guardrails: check --format markdown is a pull-request summary: give it --since REF (for example --since origin/main)\n']);
  });
});
