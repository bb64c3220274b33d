import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

function copyFixture(...parts: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cli-'));
  fs.cpSync(fixturePath(...parts), dir, { recursive: true });
  return dir;
}

describe('guardrails CLI', () => {
  it('exits 0 on a clean workspace and says so', async () => {
    const run = await runCliCapture(['check', fixturePath('cli', 'clean')], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /✔ 0 errors, 0 warnings, 0 info · 0 debt items · 2 files/);
  });

  it('exits 2 with file:line:col and a suggestion on a broken rules file', async () => {
    const run = await runCliCapture(['check', 'test/fixtures/cli/broken-rules'], REPO_ROOT);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /test\/fixtures\/cli\/broken-rules\/guardrails\.json:4:50: error: unknown layer "domian" — did you mean "domain"\?/);
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  });

  it('exits 2 on usage errors, a missing directory or no rules file', async () => {
    assert.equal((await runCliCapture(['check', '--bogus'], REPO_ROOT)).code, 2);
    assert.equal((await runCliCapture(['frobnicate'], REPO_ROOT)).code, 2);
    assert.equal((await runCliCapture(['check', '--format', 'xml', 'test/fixtures/cli/clean'], REPO_ROOT)).code, 2);
    const missing = await runCliCapture(['check', 'no/such/dir'], REPO_ROOT);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-none-'));
    const none = await runCliCapture(['check', bare], REPO_ROOT);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no guardrails\.json found/);
  });

  it('prints help and version', async () => {
    const help = await runCliCapture(['--help'], REPO_ROOT);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: guardrails <command>/);
    const version = await runCliCapture(['--version'], REPO_ROOT);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('fails on warnings only past --max-warnings', async () => {
    const dir = copyFixture('checks', 'unresolved');
    assert.equal((await runCliCapture(['check', dir], REPO_ROOT)).code, 0);
    const strict = await runCliCapture(['check', dir, '--max-warnings', '0'], REPO_ROOT);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /3 warnings exceed --max-warnings 0/);
    assert.equal((await runCliCapture(['check', dir, '--max-warnings', '3'], REPO_ROOT)).code, 0);
  });

  it('keeps known violations baselined across edits above them, and fails on a new one', async () => {
    const dir = copyFixture('checks', 'layers');
    const baselineFile = path.join(dir, 'known.json');
    const update = await runCliCapture(['check', dir, '--baseline', baselineFile, '--update-baseline'], REPO_ROOT);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stderr, /wrote 2 known violation\(s\)/);
    const written = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
    assert.deepEqual(written.violations.map((e: { ruleId: string; file: string }) => `${e.ruleId} ${e.file}`), [
      'layered src/app/run.ts', 'layered src/domain/entity.ts',
    ]);

    const run = path.join(dir, 'src', 'app', 'run.ts');
    fs.writeFileSync(run, `// a comment that moves every line down\n\n${fs.readFileSync(run, 'utf8')}`);
    const after = await runCliCapture(['check', dir, '--baseline', baselineFile, '--format', 'json'], REPO_ROOT);
    assert.equal(after.code, 0, after.stdout);
    const report = JSON.parse(after.stdout);
    assert.deepEqual(report.violations.map((v: { baselined: boolean; severity: string }) => [v.baselined, v.severity]), [[true, 'info'], [true, 'info']]);

    fs.appendFileSync(run, "import { view as again } from '../ui/view';\nexport const more = again;\n");
    const worse = await runCliCapture(['check', dir, '--baseline', baselineFile], REPO_ROOT);
    assert.equal(worse.code, 1);
    assert.match(worse.stdout, /run\.ts\n {2}7:31 {2}error/);
  });

  it('writes SARIF 2.1.0 with rule help and locations', async () => {
    const run = await runCliCapture(['check', fixturePath('checks', 'layers'), '--format', 'sarif'], REPO_ROOT);
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [result] = sarif.runs[0].results.filter((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri === 'src/app/run.ts');
    assert.equal(result.ruleId, 'layered');
    assert.equal(result.level, 'error');
    assert.deepEqual([result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn], [2, 22]);
    const rule = sarif.runs[0].tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, 'layered');
    assert.equal(rule.help.text, 'Outer layers depend on inner ones.');
  });

  it('reuses parse results with --cache and still sees every change', async () => {
    const dir = copyFixture('checks', 'layers');
    const cacheDir = path.join(dir, 'cache');
    const args = ['check', dir, '--format', 'json', '--cache-location', cacheDir];
    const first = await runCliCapture(args, REPO_ROOT);
    const cached = fs.readdirSync(cacheDir);
    assert.equal(cached.length, 1, 'one cache file for the one rules file');
    const second = await runCliCapture(args, REPO_ROOT);
    const findings = (run: { stdout: string }) => JSON.parse(run.stdout).violations.map((v: { ruleId: string; file: string; line: number }) => `${v.ruleId} ${v.file}:${v.line}`);
    assert.deepEqual(findings(second), findings(first));
    fs.appendFileSync(path.join(dir, 'src', 'domain', 'entity.ts'), "import { view } from '../ui/view';\nexport const seen = view;\n");
    const third = await runCliCapture(args, REPO_ROOT);
    assert.deepEqual(findings(third), [...findings(first), 'layered src/domain/entity.ts:4'].sort((a: string, b: string) => a.localeCompare(b)));
    // Nothing changed in the sources, but the rules did: the findings follow the rules.
    const rulesFile = path.join(dir, 'guardrails.json');
    fs.writeFileSync(rulesFile, fs.readFileSync(rulesFile, 'utf8').replace('"why"', '"severity": "off", "why"'));
    assert.deepEqual(findings(await runCliCapture(args, REPO_ROOT)), []);
  });

  it('with --cache, skips reading files whose size and modification time vouch for them, unless modified too recently to tell', async () => {
    const dir = copyFixture('checks', 'layers');
    const args = ['check', dir, '--format', 'json', '--cache-location', path.join(dir, 'cache')];
    const layered = async () => JSON.parse((await runCliCapture(args, REPO_ROOT)).stdout).violations.map((v: { file: string; line: number }) => `${v.file}:${v.line}`);
    const entity = path.join(dir, 'src', 'domain', 'entity.ts');
    const original = fs.readFileSync(entity, 'utf8');
    // Same size, one more forbidden import: only reading the file can tell.
    const forbidden = original.replace(/^.*$/m, (line) => `import '../ui/view';`.padEnd(line.length, ' ')).slice(0, original.length);
    assert.equal(forbidden.length, original.length);
    const hourAgo = new Date(Date.now() - 3600_000);
    const setText = (text: string, time: Date) => {
      fs.writeFileSync(entity, text);
      fs.utimesSync(entity, time, time);
    };

    // Modified just now: a rewrite within the same clock tick must still be seen.
    const now = new Date();
    setText(original, now);
    const before = await layered();
    setText(forbidden, now);
    assert.ok((await layered()).includes('src/domain/entity.ts:1'), 'a recent file is read again');

    // Modified an hour ago: its stat vouches for it, so it is not read (as git's index and ESLint's
    // metadata cache do); a tool that rewrites a file and restores its size and time goes unseen.
    setText(original, hourAgo);
    assert.deepEqual(await layered(), before);
    setText(forbidden, hourAgo);
    assert.deepEqual(await layered(), before, 'same size and time: taken from the cache unread');
    fs.utimesSync(entity, now, now);
    assert.ok((await layered()).includes('src/domain/entity.ts:1'), 'a new modification time: read, and the import seen');
  });

  it('resolves again with --cache when files come or go', async () => {
    const dir = copyFixture('checks', 'unresolved');
    const args = ['check', dir, '--format', 'json', '--cache-location', path.join(dir, 'cache')];
    const unresolved = async () => JSON.parse((await runCliCapture(args, REPO_ROOT)).stdout).violations.filter((v: { ruleId: string }) => v.ruleId === 'no-unresolved').length;
    assert.equal(await unresolved(), 1);
    assert.equal(await unresolved(), 1, 'the same from the cache');
    fs.writeFileSync(path.join(dir, 'src', 'missing.ts'), 'export const missing = 1;\n');
    assert.equal(await unresolved(), 0, 'main.ts is unchanged, but its import now resolves');
  });

  it('prints the graph as JSON and DOT', async () => {
    const json = await runCliCapture(['graph', fixturePath('checks', 'allowed'), '--format', 'json'], REPO_ROOT);
    assert.equal(json.code, 0);
    const edges = JSON.parse(json.stdout).edges.map((e: { from: string; to: string; kind: string; line: number }) => `${e.from} ${e.to} ${e.kind} ${e.line}`);
    assert.deepEqual(edges, [
      'src/app/useCase.ts src/domain/rule.ts static 1',
      'src/app/useCase.ts src/app/helper.ts static 2',
      'src/app/useCase.ts src/shared/util.ts static 3',
      'src/app/useCase.ts src/ui/screen.ts static 4',
      'src/app/useCase.ts pkg:lodash static 5',
      'src/app/useCase.ts pkg:zod static 6',
      'src/app/useCase.ts node:fs static 7',
    ]);
    const dot = await runCliCapture(['graph', fixturePath('checks', 'allowed'), '--format', 'dot'], REPO_ROOT);
    assert.match(dot.stdout, /^digraph/);
    assert.match(dot.stdout, /"src\/app\/useCase\.ts" -> "src\/ui\/screen\.ts"/);
  });

  it('lists debt with `guardrails debt`', async () => {
    const run = await runCliCapture(['debt', 'examples/shop', '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
    assert.equal(run.code, 0);
    const { debt } = JSON.parse(run.stdout);
    assert.equal(debt.length, 9);
    assert.equal(debt.filter((d: { overdue: boolean }) => d.overdue).length, 1);
    // Each item says how often its file changed in git (this repository's own history here).
    assert.ok(debt.every((d: { changes: unknown }) => typeof d.changes === 'number'));
    // The fast path (no resolution, no checks) lists exactly what a full check finds.
    const check = await runCliCapture(['check', 'examples/shop', '--format', 'json', '--today', '2026-11-27'], REPO_ROOT);
    assert.deepEqual(debt.map(({ changes: _changes, ...item }: { changes: number }) => item), JSON.parse(check.stdout).debt);
  });

  it('lets the nearest rules file govern each package of a monorepo, and skips excluded folders', async () => {
    const run = await runCliCapture(['check', fixturePath('cli', 'monorepo'), '--format', 'json'], REPO_ROOT);
    assert.equal(run.code, 1, run.stderr);
    const found = JSON.parse(run.stdout).violations.map((v: { ruleId: string; file: string; line: number }) => `${v.ruleId} ${v.file}:${v.line}`).sort();
    // packages/a has its own rules (no root cycle rule there); packages/b follows the root's.
    assert.deepEqual(found, ['a-no-fs packages/a/src/x.ts:1', 'root-no-cycles packages/b/src/q.ts:1']);
  });

  describe('bad input', () => {
    it('reports an unparsable file and still analyses the rest', async () => {
      const run = await runCliCapture(['check', fixturePath('cli', 'bad-input'), '--format', 'json'], REPO_ROOT);
      const report = JSON.parse(run.stdout);
      const parse = report.violations.find((v: { ruleId: string }) => v.ruleId === 'parse-error');
      assert.equal(parse.file, 'src/broken.ts');
      assert.equal(parse.line, 2);
      assert.match(parse.message, /cannot parse/);
      assert.deepEqual(report.debt.map((d: { file: string }) => d.file), ['src/good.ts']);
      assert.equal(run.code, 1);
    });

    it('skips a 5 MB generated file and a binary file with a notice, and survives a symlink loop', async () => {
      const dir = copyFixture('cli', 'clean');
      fs.writeFileSync(path.join(dir, 'src', 'generated.ts'), `export const data = [${'1,'.repeat(2_600_000)}];\n`);
      fs.writeFileSync(path.join(dir, 'src', 'blob.js'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]));
      fs.symlinkSync(path.join(dir, 'src'), path.join(dir, 'src', 'lib', 'loop'));
      const run = await runCliCapture(['check', dir, '--no-color'], REPO_ROOT);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /skipped src\/generated\.ts \(5(\.\d)? MB > 1 MB limit/);
      assert.match(run.stdout, /blob\.js/);
      assert.match(run.stdout, /2 files in/);
    });

    it('says once that there is no tsconfig and uses defaults', async () => {
      const run = await runCliCapture(['check', fixturePath('cli', 'clean'), '--format', 'json'], REPO_ROOT);
      const notices = JSON.parse(run.stdout).notices.filter((n: { message: string }) => /no tsconfig/.test(n.message));
      assert.equal(notices.length, 1);
    });
  });
});
