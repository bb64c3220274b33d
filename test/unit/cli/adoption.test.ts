import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir } from '../git/testRepo';

/** A workspace with one violation in src/app and one in src/lib, and no "baseline" in its rules file. */
function workspace(): string {
  const dir = tempDir('guardrails-adopt-');
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('guardrails.json', JSON.stringify({
    layers: { app: 'src/app/**', lib: 'src/lib/**', ui: 'src/ui/**' },
    rules: [{ id: 'layered', kind: 'layers', order: ['ui', 'app', 'lib'] }],
  }));
  write('src/ui/view.ts', 'export const view = 1;\n');
  write('src/app/run.ts', "import { view } from '../ui/view';\nexport const run = view;\n");
  write('src/app/ok.ts', 'export const ok = 1;\n');
  write('src/lib/util.ts', "import { run } from '../app/run';\nexport const util = run;\n");
  return dir;
}

describe('adopting on an existing codebase: defects a real codebase showed', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = workspace();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('check --update-baseline writes .guardrails/baseline.json, and the next check reads it without being told', async () => {
    const before = await runCliCapture(['check', dir, '--format', 'json'], REPO_ROOT);
    assert.equal(before.code, 1);
    const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
    assert.equal(update.code, 0, update.stderr);
    assert.ok(fs.existsSync(path.join(dir, '.guardrails', 'baseline.json')));
    const after = await runCliCapture(['check', dir, '--format', 'json'], REPO_ROOT);
    assert.equal(after.code, 0, 'the known violations no longer fail the build');
    const report = JSON.parse(after.stdout);
    assert.deepEqual(report.violations.map((v: { baselined: boolean }) => v.baselined), [true, true]);
    assert.equal(report.summary.baselined, 2);
  });

  it('check DIR below the rules folder reports that folder only, and check FILE that file', async () => {
    const folder = await runCliCapture(['check', path.join(dir, 'src', 'app'), '--format', 'json'], REPO_ROOT);
    const inFolder = JSON.parse(folder.stdout);
    assert.equal(folder.code, 1);
    assert.deepEqual(inFolder.violations.map((v: { file: string }) => v.file), ['src/app/run.ts']);
    assert.equal(inFolder.files, 2);
    assert.equal(inFolder.root, dir, 'paths stay relative to the rules folder');

    const file = await runCliCapture(['check', path.join(dir, 'src', 'app', 'ok.ts'), '--format', 'json'], REPO_ROOT);
    assert.equal(file.code, 0, file.stderr);
    const onFile = JSON.parse(file.stdout);
    assert.deepEqual([onFile.violations, onFile.files], [[], 1]);

    const text = await runCliCapture(['check', 'src/lib/util.ts', '--no-color'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^src\/lib\/util\.ts\n/);
    assert.doesNotMatch(text.stdout, /^src\/app\/run\.ts$/m);
    assert.match(text.stdout, /showing src\/lib\/util\.ts only/);
    assert.match(text.stdout, / 1 file in /);
  });

  it('check --cache creates no node_modules in a project that has none: the user cache folder takes it', async () => {
    const cacheHome = tempDir('guardrails-cache-home-');
    const saved = process.env.GUARDRAILS_CACHE_DIR;
    process.env.GUARDRAILS_CACHE_DIR = cacheHome;
    try {
      const run = await runCliCapture(['check', dir, '--cache'], REPO_ROOT);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(fs.existsSync(path.join(dir, 'node_modules')), false, 'no node_modules appears in the project');
      assert.equal(fs.readdirSync(path.join(cacheHome, 'facts')).filter((name) => name.startsWith('facts-')).length, 1);

      fs.mkdirSync(path.join(dir, 'node_modules'));
      await runCliCapture(['check', dir, '--cache'], REPO_ROOT);
      assert.equal(fs.readdirSync(path.join(dir, 'node_modules', '.cache', 'guardrails')).filter((name) => name.startsWith('facts-')).length, 1, 'beside other tools\' caches where node_modules exists');
    } finally {
      if (saved === undefined) delete process.env.GUARDRAILS_CACHE_DIR;
      else process.env.GUARDRAILS_CACHE_DIR = saved;
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('analyses declaration files: their imports (type-only) and references are edges, their debt is debt', async () => {
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('guardrails.json', JSON.stringify({
      layers: { types: 'src/types/**', stores: 'src/stores/**' },
      rules: [
        { id: 'types-alone', kind: 'forbidden', from: 'types', to: 'stores' },
        { id: 'types-alone-at-run-time', kind: 'forbidden', from: 'types', to: 'stores', allowTypeOnly: true },
      ],
    }));
    write('src/stores/RootStore.ts', 'export default class RootStore {}\n');
    write('src/types/window.d.ts', "import RootStore from '../stores/RootStore';\n// TODO: type the rest of window\ndeclare global { interface Window { stores: RootStore } }\n");
    write('src/app/main.ts', '/// <reference path="../types/window.d.ts" />\nexport const stores = window.stores;\n');
    const run = await runCliCapture(['check', dir, '--format', 'json'], REPO_ROOT);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.violations.map((v: { ruleId: string; file: string; to: string }) => `${v.ruleId} ${v.file} -> ${v.to}`), ['types-alone src/types/window.d.ts -> src/stores/RootStore.ts']);
    assert.deepEqual(report.debt.map((d: { id: string }) => d.id), ['TODO:src/types/window.d.ts:type the rest of window']);
    const graph = JSON.parse((await runCliCapture(['graph', dir, '--format', 'json'], REPO_ROOT)).stdout);
    assert.deepEqual(graph.edges.map((e: { from: string; to: string; kind: string }) => `${e.from} ${e.kind} ${e.to}`).filter((edge: string) => edge.includes('types/')), [
      'src/app/main.ts reference src/types/window.d.ts',
      'src/types/window.d.ts static src/stores/RootStore.ts',
    ]);
  });
});
