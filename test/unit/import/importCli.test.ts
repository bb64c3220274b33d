import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { loadRules } from '../../../src/core/rules/loadRules';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';

const DC = (...parts: string[]): string => fixturePath('import', 'dependency-cruiser', ...parts);
const EB = (...parts: string[]): string => fixturePath('import', 'eslint-boundaries', ...parts);

/** The JSON part of the printed rules file (after the comment header). */
function body(text: string): Record<string, unknown> {
  return JSON.parse(text.slice(text.indexOf('\n{') + 1)) as Record<string, unknown>;
}

describe('guardrails import (command line)', () => {
  it('runs a CommonJS configuration in a child process and prints the rules file, notes on stderr', async () => {
    const run = await runCliCapture(['import', 'dependency-cruiser', '.dependency-cruiser.cjs'], DC('layered'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\/\/ Imported from \.dependency-cruiser\.cjs by `guardrails import dependency-cruiser` \(Guardrails /);
    const rules = body(run.stdout).rules as Array<{ id: string }>;
    assert.equal(rules.length, 10);
    const lines = run.stderr.trimEnd().split('\n');
    assert.ok(lines.includes('not mapped: no-orphans from.orphan: Guardrails has no orphan check'), run.stderr);
    assert.equal(lines[lines.length - 1], 'guardrails: imported 10 rules; 3 not mapped, 7 approximated (listed above)');
  });

  it('follows extends from an ES module configuration, and writes --output', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-import-')), 'guardrails.json');
    const run = await runCliCapture(['import', 'dependency-cruiser', DC('extends', '.dependency-cruiser.mjs'), '--output', out], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    const written = body(fs.readFileSync(out, 'utf8'));
    // The base's rule takes the extending severity; its `exclude` matches no file here.
    assert.deepEqual(written.rules, [
      { id: 'no-circular', kind: 'no-cycle', severity: 'error' },
      { id: 'api-no-ui', kind: 'forbidden', severity: 'warning', from: 'src/api/**', to: 'src/ui/**', why: 'The API never renders.' },
      { id: 'not-to-spec', kind: 'forbidden', severity: 'error', from: '**', to: '**/*.spec.ts' },
    ]);
    assert.match(run.stderr, /^approximated: options exclude: dist\/\*\* matches no file now/m);
    const loaded = loadRules(out, new NodeFileSystem());
    assert.deepEqual(loaded.problems.filter((p) => p.severity === 'error'), []);
  });

  it('reads a JSON configuration with comments without running anything', async () => {
    const run = await runCliCapture(['import', 'dependency-cruiser', DC('json', '.dependency-cruiser.json')], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((body(run.stdout).rules as Array<{ id: string; kind: string }>).map((r) => `${r.id}:${r.kind}`), ['no-circular:no-cycle', 'not-to-unresolvable:no-unresolved']);
  });

  it('imports a flat ESLint configuration using eslint-plugin-boundaries', async () => {
    const run = await runCliCapture(['import', 'eslint-boundaries', 'eslint.config.mjs'], EB('flat'));
    assert.equal(run.code, 0, run.stderr);
    const config = body(run.stdout);
    assert.deepEqual(config.layers, { app: 'src/app/**', feature: 'src/features/*/**', shared: 'src/@(components|lib|hooks)/**' });
    assert.deepEqual(config.exclude, ['dist/**', 'coverage/**']);
    assert.deepEqual((config.rules as Array<Record<string, unknown>>).map((r) => [r.id, r.from, r.to]), [
      ['element-types/feature', 'feature', ['app']],
      ['element-types/shared', 'shared', ['app', 'feature']],
      ['element-types/feature-feature', 'src/features/{featureName}/**', 'src/features/!{featureName}/**'],
    ]);
    assert.match(run.stderr, /^approximated: boundaries\/element-types rules: turned off for scripts\/\*\*/m);
  });

  it('exits 2 with a clear message when the input cannot be read', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['import', 'dependency-cruiser', DC('nope.cjs')], /nope\.cjs: no such file/],
      [['import', 'dependency-cruiser', DC('broken', 'throws.cjs')], /throws\.cjs: running it to read the configuration failed: .*Error: DEPCRUISE_ENV is not set/],
      [['import', 'dependency-cruiser', DC('broken', 'number.cjs')], /does not export a dependency-cruiser configuration/],
      [['import', 'dependency-cruiser', DC('broken', 'syntax.json')], /^guardrails: test\/fixtures\/import\/dependency-cruiser\/broken\/syntax\.json:3:19: CommaExpected/],
      [['import', 'dependency-cruiser', 'x.ts'], /TypeScript configuration files cannot be read/],
      [['import', 'eslint-boundaries', DC('json', '.dependency-cruiser.json')], /no "boundaries\/elements" setting/],
      [['import', 'webpack', 'x.js'], /import takes dependency-cruiser or eslint-boundaries, not "webpack"/],
      [['import', 'dependency-cruiser'], /needs the configuration file to read/],
    ];
    for (const [argv, message] of cases) {
      if (argv[2] === 'x.ts') fs.writeFileSync(path.join(os.tmpdir(), 'x.ts'), 'export default {};\n');
      const run = await runCliCapture(argv, argv[2] === 'x.ts' ? os.tmpdir() : REPO_ROOT);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message, argv.join(' '));
      assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
      assert.equal(run.stdout, '');
    }
  });
});
