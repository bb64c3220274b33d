// Item 1 of issue 12: a rules file names paths (baseline, extends, tsconfig) that Guardrails reads
// and writes. None may lead outside the rules file's folder, and `--update-baseline` overwrites
// nothing but a baseline Guardrails wrote.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addToBaseline } from '../../../src/core/baseline/addToBaseline';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import type { Violation } from '../../../src/core/model/types';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { layeredWith, removeWorkspace, workspace } from './hostileWorkspace';

const VICTIM = 'precious data, not JSON\n';

describe('security: paths a rules file names stay in its folder', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>): string => {
    const dir = workspace(files);
    dirs.push(dir);
    return dir;
  };
  /** A folder beside the workspace, with a file the workspace must not touch. */
  const outsider = (): { dir: string; victim: string } => {
    const dir = make({ 'victim.txt': VICTIM });
    return { dir, victim: path.join(dir, 'victim.txt') };
  };
  after(() => dirs.forEach(removeWorkspace));

  it('"baseline": "../victim.txt" is a rules-file error at the value, and --update-baseline leaves the file alone', async () => {
    const dir = make(layeredWith({ baseline: '../victim.txt' }));
    const victim = path.join(path.dirname(dir), 'victim.txt');
    fs.writeFileSync(victim, VICTIM);
    try {
      const check = await runCliCapture(['check', dir], REPO_ROOT);
      assert.equal(check.code, 2);
      const line = check.stderr.split('\n').find((l) => l.includes('"baseline"')) ?? '';
      assert.match(line, /guardrails\.json:\d+:\d+: error: "baseline": "\.\.\/victim\.txt" is .*victim\.txt, outside the rules file's folder .*; keep the baseline inside it, such as "\.guardrails\/baseline\.json"/);
      const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
      assert.equal(update.code, 2);
      assert.equal(fs.readFileSync(victim, 'utf8'), VICTIM);
    } finally {
      fs.rmSync(victim, { force: true });
    }
  });

  it('an absolute baseline path elsewhere is refused the same way', async () => {
    const { victim } = outsider();
    const dir = make(layeredWith({ baseline: victim }));
    const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
    assert.equal(update.code, 2);
    assert.match(update.stderr, /"baseline": ".*victim\.txt" is .*, outside the rules file's folder/);
    assert.equal(fs.readFileSync(victim, 'utf8'), VICTIM);
  });

  it('a baseline inside the folder but reached through a symlink that leads out is refused', async () => {
    const { dir: elsewhere, victim } = outsider();
    const dir = make(layeredWith({ baseline: 'known/victim.txt' }));
    fs.symlinkSync(elsewhere, path.join(dir, 'known'));
    const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
    assert.equal(update.code, 2);
    assert.match(update.stderr, /"baseline": "known\/victim\.txt" leads outside the rules file's folder .* through a symlink/);
    assert.equal(fs.readFileSync(victim, 'utf8'), VICTIM);
  });

  it('the default .guardrails/baseline.json is not written through a committed .guardrails symlink', async () => {
    const { dir: elsewhere } = outsider();
    const dir = make(layeredWith({}));
    fs.symlinkSync(elsewhere, path.join(dir, '.guardrails'));
    const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
    assert.equal(update.code, 2);
    assert.match(update.stderr, /\.guardrails\/baseline\.json leads outside .*; replace the symlink/);
    assert.deepEqual(fs.readdirSync(elsewhere), ['victim.txt']);
  });

  for (const target of ['src/b/b.ts', 'guardrails.json']) {
    it(`--update-baseline never overwrites a file that is not a baseline Guardrails wrote ("baseline": "${target}")`, async () => {
      const dir = make(layeredWith({ baseline: target }));
      const before = fs.readFileSync(path.join(dir, target), 'utf8');
      const check = await runCliCapture(['check', dir], REPO_ROOT);
      assert.match(check.stdout, /cannot|invalid JSON|must be|unknown property|has no/, 'check says the baseline is not one');
      const update = await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT);
      assert.equal(update.code, 2);
      assert.match(update.stderr, new RegExp(`${target.replace(/[./]/g, '\\$&')} is not a baseline Guardrails wrote \\(.+\\); not overwriting it\\. Point "baseline" \\(or --baseline\\) at another file, or delete this one`));
      assert.equal(update.stderr.trim().split('\n').length, 1, 'one line');
      assert.equal(fs.readFileSync(path.join(dir, target), 'utf8'), before);
    });
  }

  it('--baseline FILE given on the command line is not overwritten unless it is a baseline either', async () => {
    const dir = make(layeredWith({}, { 'notes.json': '{ "version": 1, "name": "mine" }\n' }));
    const update = await runCliCapture(['check', dir, '--update-baseline', '--baseline', path.join(dir, 'notes.json')], REPO_ROOT);
    assert.equal(update.code, 2);
    assert.match(update.stderr, /notes\.json is not a baseline Guardrails wrote \(1:17: baseline has an unknown property "name"\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.json'), 'utf8'), '{ "version": 1, "name": "mine" }\n');
  });

  it('a missing baseline is created, an empty one replaced, and our own rewritten', async () => {
    const dir = make(layeredWith({ baseline: 'known.json' }));
    const file = path.join(dir, 'known.json');
    assert.equal((await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT)).code, 0);
    const written = fs.readFileSync(file, 'utf8');
    assert.match(written, /"ruleId": "a-not-b"/);
    assert.equal((await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT)).code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), written);
    fs.writeFileSync(file, '');
    assert.equal((await runCliCapture(['check', dir, '--update-baseline'], REPO_ROOT)).code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), written);
  });

  it('"extends" outside the folder is an error at the value; a package under node_modules may live anywhere', async () => {
    const { dir: elsewhere } = outsider();
    fs.writeFileSync(path.join(elsewhere, 'team.json'), '{ "exclude": ["**/*.spec.ts"] }\n');
    const out = make(layeredWith({ extends: ['../' + path.basename(elsewhere) + '/team.json'] }));
    const refused = await runCliCapture(['check', out], REPO_ROOT);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /guardrails\.json:\d+:\d+: error: "extends": ".*team\.json" is .*team\.json, outside the rules file's folder .*; extend rules files inside it, or one in a package under node_modules/);

    const etc = await runCliCapture(['check', make(layeredWith({ extends: '/etc/passwd' }))], REPO_ROOT);
    assert.equal(etc.code, 2);
    assert.match(etc.stderr, /"extends": "\/etc\/passwd" is \/etc\/passwd, outside/);

    // A linked package (npm link, workspaces, pnpm): its real path is elsewhere, and that is fine.
    const linked = make(layeredWith({ extends: './node_modules/@team/rules/team.json' }));
    fs.mkdirSync(path.join(linked, 'node_modules', '@team'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(linked, 'node_modules', '@team', 'rules'));
    const accepted = await runCliCapture(['check', linked], REPO_ROOT);
    assert.equal(accepted.code, 1, accepted.stderr);
  });

  it('"extends" that reaches out through a symlinked folder (not node_modules) is refused', async () => {
    const { dir: elsewhere } = outsider();
    fs.writeFileSync(path.join(elsewhere, 'team.json'), '{}\n');
    const dir = make(layeredWith({ extends: './shared/team.json' }));
    fs.symlinkSync(elsewhere, path.join(dir, 'shared'));
    const run = await runCliCapture(['check', dir], REPO_ROOT);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /"extends": "\.\/shared\/team\.json" leads outside the rules file's folder .* through a symlink/);
  });

  it('"tsconfig" outside the folder is an error at the value', async () => {
    const { dir: elsewhere } = outsider();
    fs.writeFileSync(path.join(elsewhere, 'tsconfig.json'), '{}\n');
    const dir = make(layeredWith({ tsconfig: path.join(elsewhere, 'tsconfig.json') }));
    const run = await runCliCapture(['check', dir], REPO_ROOT);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /guardrails\.json:\d+:\d+: error: "tsconfig": ".*tsconfig\.json" is .*, outside the rules file's folder .*; name a tsconfig inside it/);
  });

  it('guardrails snapshot does not write through a committed .guardrails symlink, and windows does not read through it', async () => {
    const { dir: elsewhere } = outsider();
    const window = { id: 'w', title: 'W', start: '2026-11-01', end: '2026-11-30', goals: [{ metric: 'debt', target: 0 }] };
    const dir = make(layeredWith({ windows: [window] }));
    fs.writeFileSync(path.join(elsewhere, 'snapshots.json'), '{ "version": 1, "snapshots": [] }\n');
    fs.symlinkSync(elsewhere, path.join(dir, '.guardrails'));
    const snap = await runCliCapture(['snapshot', dir, '--today', '2026-11-10'], REPO_ROOT);
    assert.equal(snap.code, 2);
    assert.match(snap.stderr, /\.guardrails\/snapshots\.json leads outside .*; replace the symlink with a regular file or folder; not writing there/);
    assert.equal(fs.readFileSync(path.join(elsewhere, 'snapshots.json'), 'utf8'), '{ "version": 1, "snapshots": [] }\n');
    const windows = await runCliCapture(['windows', dir, '--format', 'json', '--today', '2026-11-10'], REPO_ROOT);
    assert.equal(windows.code, 0, windows.stderr);
    assert.match(JSON.parse(windows.stdout).windows[0].note, /snapshots\.json leads outside/);
  });
});

describe('security: Add to baseline (the editor\'s quick fix) overwrites only baselines too', () => {
  it('refuses a file that is not a baseline, and adds to one that is', () => {
    const dir = workspace(layeredWith({ baseline: 'src/b/b.ts' }));
    try {
      const violation: Violation = {
        ruleId: 'a-not-b', severity: 'error', message: 'no', from: path.join(dir, 'src/a/a.ts'), to: path.join(dir, 'src/b/b.ts'),
        location: { file: path.join(dir, 'src/a/a.ts'), range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } },
      };
      const refused = addToBaseline(path.join(dir, 'src/b/b.ts'), violation, dir, new NodeFileSystem());
      assert.equal(refused.ok, false);
      assert.match((refused as { message: string }).message, /b\.ts is not a baseline Guardrails wrote/);
      assert.equal(fs.readFileSync(path.join(dir, 'src/b/b.ts'), 'utf8'), 'export const b = 1;\n');
      const known = path.join(dir, 'known.json');
      fs.writeFileSync(known, '');
      assert.deepEqual(addToBaseline(known, violation, dir, new NodeFileSystem()), { ok: true });
      assert.match(fs.readFileSync(known, 'utf8'), /"file": "src\/a\/a\.ts"/);
    } finally {
      removeWorkspace(dir);
    }
  });
});
