// The generic CI recipe, docs/ci/check.sh, run as a CI system would: in a clone of a repository
// whose base branch lives on a remote, on a branch that adds a violation (and on one that adds
// none while the base already has one). The built command (dist/cli.js) does the checking.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { TestRepo, tempDir } from '../git/testRepo';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RECIPE = path.join(REPO_ROOT, 'docs', 'ci', 'check.sh');
const WHEN = { date: '2026-11-02T10:00:00+00:00', author: 'Ana Lima' };

const RULES = JSON.stringify({
  include: ['src/**'],
  layers: { ui: 'src/ui/**', domain: 'src/domain/**' },
  rules: [{ id: 'domain-pure', kind: 'forbidden', from: 'domain', to: 'ui', why: 'The domain knows nothing of screens.' }],
}, null, 2);

/** An "origin" with main (one file per layer) and the branch `name` made by `change`. */
function origin(name: string, change: (repo: TestRepo) => void): TestRepo {
  const repo = TestRepo.create('guardrails-ci-origin-');
  repo.write('guardrails.json', RULES)
    .write('src/ui/view.ts', "import { total } from '../domain/order';\nexport const view = () => total();\n")
    .write('src/domain/order.ts', 'export const total = (): number => 0;\n')
    .write('src/domain/price.ts', 'export const price = (): number => 1;\n');
  repo.commit('Two layers', WHEN);
  repo.git(['checkout', '-q', '-b', name]);
  change(repo);
  repo.commit(`Change on ${name}`, { ...WHEN, date: '2026-11-03T10:00:00+00:00' });
  return repo;
}

const addsViolation = (repo: TestRepo) => repo.write('src/domain/price.ts', "import { view } from '../ui/view';\nexport const price = (): number => (view() ? 1 : 0);\n");

/** Runs the recipe in a fresh clone of `source` at `branch`, as a CI job would. */
function runRecipe(source: TestRepo, branch: string, cloneArgs: string[] = []): { status: number | null; output: string; dir: string } {
  const dir = path.join(tempDir('guardrails-ci-job-'), 'checkout');
  const clone = spawnSync('git', ['clone', '-q', ...cloneArgs, '--branch', branch, `file://${source.dir}`, dir], { encoding: 'utf8' });
  assert.equal(clone.status, 0, clone.stderr);
  const run = spawnSync('sh', [RECIPE, 'main'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GUARDRAILS: `${process.execPath} ${CLI}`, GUARDRAILS_OUT: 'reports', NO_COLOR: '1' },
  });
  return { status: run.status, output: run.stdout + run.stderr, dir };
}

function cliKnowsSince(): boolean {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  return help.stdout.includes('--since') && help.stdout.includes('markdown');
}

describe('the CI shell recipe (docs/ci/check.sh)', function () {
  this.timeout(60_000);
  const made: string[] = [];

  before(function () {
    // The recipe runs the built command; `npm test` builds it before the unit tests.
    if (!fs.existsSync(CLI) || !cliKnowsSince()) this.skip();
  });

  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a branch that adds a violation, with the Markdown summary and SARIF written', () => {
    const source = origin('feature', addsViolation);
    const job = runRecipe(source, 'feature');
    made.push(source.dir, path.dirname(job.dir));
    assert.equal(job.status, 1, job.output);
    const markdown = fs.readFileSync(path.join(job.dir, 'reports', 'guardrails.md'), 'utf8');
    assert.match(markdown, /domain-pure/);
    assert.match(markdown, /src\/domain\/price\.ts/);
    assert.ok(job.output.includes(markdown.split('\n')[0]), 'the summary is printed in the job log');
    const sarif = JSON.parse(fs.readFileSync(path.join(job.dir, 'reports', 'guardrails.sarif'), 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    assert.deepEqual(results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]), [['domain-pure', 'src/domain/price.ts']]);
  });

  it('passes a branch that adds nothing, though the base branch already had a violation', () => {
    const source = TestRepo.create('guardrails-ci-origin-');
    made.push(source.dir);
    source.write('guardrails.json', RULES).write('src/ui/view.ts', 'export const view = () => 1;\n');
    addsViolation(source);
    source.commit('A violation already on main', WHEN);
    source.git(['checkout', '-q', '-b', 'docs']);
    source.write('src/ui/readme.ts', '// Screens.\nexport {};\n').commit('A file that breaks no rule', WHEN);
    const job = runRecipe(source, 'docs');
    made.push(path.dirname(job.dir));
    assert.equal(job.status, 0, job.output);
    assert.match(fs.readFileSync(path.join(job.dir, 'reports', 'guardrails.md'), 'utf8'), /no new findings/);
  });

  it('fetches the base branch and the history a shallow, single-branch clone lacks', () => {
    const source = origin('feature', addsViolation);
    const job = runRecipe(source, 'feature', ['--depth', '1', '--single-branch']);
    made.push(source.dir, path.dirname(job.dir));
    assert.equal(job.status, 1, job.output);
    assert.match(fs.readFileSync(path.join(job.dir, 'reports', 'guardrails.md'), 'utf8'), /domain-pure/);
  });

  it('exits 2, not 1, when the command cannot run (npx exits 1 for a package that is not installed)', () => {
    const source = origin('feature', addsViolation);
    const dir = path.join(tempDir('guardrails-ci-job-'), 'checkout');
    made.push(source.dir, path.dirname(dir));
    assert.equal(spawnSync('git', ['clone', '-q', `file://${source.dir}`, dir]).status, 0);
    const run = spawnSync('sh', [RECIPE, 'main'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GUARDRAILS: `${process.execPath} ${path.join(dir, 'no-such-cli.js')}` } });
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /cannot run '.*no-such-cli\.js': install Guardrails in the project/);
  });

  it('exits 2 with a message when the base branch does not exist', () => {
    const source = origin('feature', addsViolation);
    const dir = path.join(tempDir('guardrails-ci-job-'), 'checkout');
    made.push(source.dir, path.dirname(dir));
    assert.equal(spawnSync('git', ['clone', '-q', `file://${source.dir}`, dir]).status, 0);
    const run = spawnSync('sh', [RECIPE, 'no-such-branch'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GUARDRAILS: `${process.execPath} ${CLI}` } });
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /cannot fetch the base branch no-such-branch from origin/);
  });
});
