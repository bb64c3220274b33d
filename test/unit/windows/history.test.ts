import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRules } from '../../../src/core/rules/loadRules';
import { NodeFileSystem } from '../../../src/core/fs/nodeFileSystem';
import { openRepository } from '../../../src/core/git/repository';
import { GitHistory } from '../../../src/core/windows/gitHistory';
import { windowsForDirectory, snapshotDirectory } from '../../../src/core/windows/windowsForDirectory';
import type { WindowProgress, WindowsReport } from '../../../src/core/windows/windowReport';
import type { MeasuredState } from '../../../src/core/windows/records';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';

const LEDGER = fixturePath('windows', 'ledger');
const IN_MEMORY_NOTE = '// DEBT(@alice, L-1, est 4h): entries are kept in memory until the process exits';

/**
 * The ledger's history: the window (Nov 2 → 15) opens on the Oct 30 state; Bob removes the
 * core-pure import on Nov 3, Carol moves a debt note on Nov 5 (not paid down), Dave fixes the
 * rounding on a branch on Nov 6 that Erin merges on Nov 7.
 */
function buildLedgerHistory(): { repo: TestRepo; commits: Record<string, string> } {
  const repo = TestRepo.create('guardrails-ledger-').copyFrom(LEDGER);
  const commits: Record<string, string> = {};
  commits.start = repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
  repo.edit('src/core/ledger.ts', "import { save } from '../io/db';\n", '').edit('src/core/ledger.ts', '  save(entries);\n', '');
  commits.port = repo.commit('Keep the core free of io', { date: '2026-11-03T10:00:00+00:00', author: 'Bob Okafor' });
  repo.edit('src/core/ledger.ts', `${IN_MEMORY_NOTE}\nconst entries: number[] = [];\n`, `const entries: number[] = [];\n\n${IN_MEMORY_NOTE}\n`);
  commits.move = repo.commit('Move the in-memory note', { date: '2026-11-05T10:00:00+00:00', author: 'Carol Jensen' });
  repo.git(['checkout', '-q', '-b', 'rounding']);
  repo.edit('src/core/money.ts', '  // FIXME(bob): rounds half down; accounting wants half up\n', '').edit('src/core/money.ts', 'Math.floor', 'Math.round');
  commits.rounding = repo.commit('Round half up', { date: '2026-11-06T09:00:00+00:00', author: 'Dave Silva' });
  repo.git(['checkout', '-q', 'main']);
  commits.merge = repo.merge('rounding', { date: '2026-11-07T15:00:00+00:00', author: 'Erin Kowalski' });
  return { repo, commits };
}

async function report(dir: string, today: string, options: Parameters<typeof windowsForDirectory>[1] = {}): Promise<WindowsReport> {
  const outcome = await windowsForDirectory(dir, { today, ...options });
  if (!outcome.ok) assert.fail(outcome.message);
  return outcome.report;
}

function cleanup(r: WindowsReport): WindowProgress {
  return r.windows.find((w) => w.id === 'cleanup')!;
}

const goalRows = (w: WindowProgress) => w.goals.map((g) => [g.label, g.atStart, g.now, g.target, g.progress, g.status]);

describe('windows: progress from git history', function () {
  this.timeout(30_000);
  let repo: TestRepo;
  let commits: Record<string, string>;
  before(() => ({ repo, commits } = buildLedgerHistory()));
  after(() => repo.dispose());

  it('measures each goal from the last commit before the window opened', async () => {
    const w = cleanup(await report(repo.dir, '2026-11-08'));
    assert.equal(w.source, 'git');
    assert.equal(w.note, null);
    assert.deepEqual(w.startState, { kind: 'commit', commit: commits.start, date: '2026-10-30T12:00:00+00:00', subject: 'Start the ledger' });
    assert.deepEqual([w.daysTotal, w.daysLeft, w.elapsed, w.status], [14, 8, 0.4286, 'behind']);
    assert.deepEqual(goalRows(w), [
      ['debt', 4, 3, 0, 0.25, 'behind'],
      ['violations of core-pure', 1, 0, 0, 1, 'done'],
      ['estimate (hours)', 4, 4, 0, 0, 'behind'],
      ['debt (FIXME) in src/core/**', 1, 0, 0, 1, 'done'],
    ]);
  });

  it('draws one point a day from each day\'s last mainline commit, today from the working tree', async () => {
    const w = cleanup(await report(repo.dir, '2026-11-08'));
    assert.deepEqual(w.burndown.map((p) => [p.date, p.values.join(' '), p.commit ?? 'working tree']), [
      ['2026-11-02', '4 1 4 1', commits.start],
      ['2026-11-03', '4 0 4 1', commits.port],
      ['2026-11-04', '4 0 4 1', commits.port],
      ['2026-11-05', '4 0 4 1', commits.move],
      ['2026-11-06', '4 0 4 1', commits.move],
      ['2026-11-07', '3 0 4 0', commits.merge],
      ['2026-11-08', '3 0 4 0', 'working tree'],
    ]);
  });

  it('lists what was paid down and who removed it; the moved note is not paid down', async () => {
    const w = cleanup(await report(repo.dir, '2026-11-08'));
    assert.deepEqual(w.paidDown.map((item) => [item.kind, `${item.file}:${item.line}`, item.kind === 'debt' ? item.text : item.to, item.removedBy?.name, item.removedBy?.commit]), [
      ['debt', 'src/core/money.ts:2', 'rounds half down; accounting wants half up', 'Dave Silva', commits.rounding],
      ['violation', 'src/core/ledger.ts:1', 'src/io/db.ts', 'Bob Okafor', commits.port],
    ]);
    assert.equal(w.estimateBurned, 0);
    assert.deepEqual(w.contributors.map((c) => [c.name, c.items]), [['Bob Okafor', 1], ['Dave Silva', 1]]);
  });

  it('reports a window that has not opened yet without measuring history', async () => {
    const later = (await report(repo.dir, '2026-11-08')).windows.find((w) => w.id === 'later')!;
    assert.deepEqual([later.status, later.source, later.elapsed, later.daysLeft, later.note], ['not-started', 'none', 0, 20, 'opens on 2026-12-01, in 23 day(s).']);
    assert.deepEqual(goalRows(later), [['debt', null, 1, 0, 0, 'not-started']]);
    assert.deepEqual([later.burndown, later.paidDown], [[], []]);
  });

  it('reads "now" from git when --today is before the newest commit', async () => {
    const w = cleanup(await report(repo.dir, '2026-11-04'));
    assert.deepEqual(goalRows(w).map((row) => row.slice(0, 3)), [['debt', 4, 4], ['violations of core-pure', 1, 0], ['estimate (hours)', 4, 4], ['debt (FIXME) in src/core/**', 1, 1]]);
    assert.equal(w.note, `"now" is commit ${commits.port.slice(0, 7)} (2026-11-03), the last on or before 2026-11-04.`);
    assert.deepEqual(w.burndown.map((p) => p.commit), [commits.start, commits.port, commits.port]);
  });

  it('stops the burndown at the end of a window that has ended', async () => {
    const w = cleanup(await report(repo.dir, '2026-11-20'));
    assert.deepEqual([w.status, w.elapsed, w.daysLeft, w.burndown.length], ['ended', 1, 0, 14]);
    assert.deepEqual(w.burndown[13], { date: '2026-11-15', values: [3, 0, 4, 0], commit: commits.merge });
  });

  it('analyses each commit once and parses each version of a file once', async () => {
    const opened = await openRepository(repo.dir);
    assert.ok(opened.ok);
    const loaded = loadRules(path.join(repo.dir, 'guardrails.json'), new NodeFileSystem());
    assert.ok(loaded.ok);
    const history = new GitHistory(opened.repo, loaded.config, { today: '2026-11-08' });
    for (const commit of [commits.start, commits.port, commits.port, commits.move, commits.merge, commits.start]) {
      assert.ok((await history.stateAt(commit)).ok);
    }
    // The first commit builds the project; the others only change file contents, so they update it.
    assert.deepEqual([history.analysed, history.updatedInPlace], [4, 3]);
    // 3 files at the start, then ledger.ts twice and money.ts once: 6 versions, each parsed once.
    assert.deepEqual([history.facts.misses, history.facts.hits], [6, 0]);
    assert.equal(history.blobs.syncReads, 0); // every blob came through a prefetch (cat-file --batch)
  });
});

describe('windows: a file moved during the window', function () {
  this.timeout(30_000);

  it('is not paid down: its imports and its notes moved with it', async () => {
    const repo = TestRepo.create('guardrails-moved-').copyFrom(LEDGER);
    try {
      repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
      const moved = repo.read('src/core/ledger.ts').replace("'../io/db'", "'../../io/db'").replace("'./money'", "'../money'");
      repo.remove('src/core/ledger.ts').write('src/core/book/ledger.ts', moved);
      repo.commit('Move the ledger into book/', { date: '2026-11-03T10:00:00+00:00', author: 'Bob Okafor' });
      const w = cleanup(await report(repo.dir, '2026-11-08'));
      assert.deepEqual(goalRows(w).map((row) => row.slice(0, 3)), [['debt', 4, 4], ['violations of core-pure', 1, 1], ['estimate (hours)', 4, 4], ['debt (FIXME) in src/core/**', 1, 1]]);
      assert.deepEqual(w.paidDown, []);
    } finally {
      repo.dispose();
    }
  });
});

describe('windows: a commit that changes only the baseline', function () {
  this.timeout(30_000);

  it('softens the findings it lists from that day on, as a fresh analysis of that commit would', async () => {
    const repo = TestRepo.create('guardrails-baseline-').copyFrom(LEDGER);
    try {
      repo.edit('guardrails.json', '"include": ["src/**"],', '"include": ["src/**"],\n  "baseline": ".guardrails/baseline.json",');
      repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
      const written = await runCliCapture(['check', repo.dir, '--update-baseline', '--today', '2026-11-04'], REPO_ROOT);
      assert.equal(written.code, 0, written.stderr);
      repo.commit('Baseline the known findings', { date: '2026-11-04T10:00:00+00:00', author: 'Bob Okafor' });
      const w = cleanup(await report(repo.dir, '2026-11-06'));
      assert.deepEqual(w.burndown.map((p) => [p.date, p.values[1]]), [['2026-11-02', 1], ['2026-11-03', 1], ['2026-11-04', 0], ['2026-11-05', 0], ['2026-11-06', 0]]);
    } finally {
      repo.dispose();
    }
  });
});

describe('windows: a commit that adds a file', () => {
  it('adds it to the project in place and parses only that file', async () => {
    const repo = TestRepo.create('guardrails-add-').copyFrom(LEDGER);
    try {
      const first = repo.commit('Start', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
      repo.write('src/io/file.ts', '// TODO: write to a file\nexport {};\n');
      const second = repo.commit('Add a file store', { date: '2026-11-03T12:00:00+00:00', author: 'Bob Okafor' });
      const history = await historyOf(repo.dir);
      const before = await history.stateAt(first);
      const after = await history.stateAt(second);
      assert.ok(before.ok && after.ok);
      assert.deepEqual([before.state.debt.length, after.state.debt.length], [4, 5]);
      assert.deepEqual([history.analysed, history.updatedInPlace, history.facts.misses, history.facts.hits], [2, 1, 4, 0]);
    } finally {
      repo.dispose();
    }
  });
});

async function historyOf(dir: string): Promise<GitHistory> {
  const opened = await openRepository(dir);
  assert.ok(opened.ok);
  const loaded = loadRules(path.join(dir, 'guardrails.json'), new NodeFileSystem());
  assert.ok(loaded.ok);
  return new GitHistory(opened.repo, loaded.config, { today: '2026-11-08' });
}

describe('windows: files and folders that come and go between commits', function () {
  this.timeout(60_000);
  it('resolve each commit\'s imports exactly as a fresh analysis of that commit does', async () => {
    const repo = TestRepo.create('guardrails-come-go-');
    try {
      repo.write('guardrails.json', JSON.stringify({
        include: ['src/**'],
        layers: { core: 'src/core/**', io: 'src/io/**' },
        rules: [
          { id: 'core-pure', kind: 'forbidden', from: 'core', to: ['io'] },
          { id: 'no-cycles', kind: 'no-cycle' },
          { id: 'resolved', kind: 'no-unresolved' },
        ],
      }));
      repo.write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', strict: true } }));
      repo.write('package.json', JSON.stringify({ name: 'ledger', version: '1.0.0' }));
      repo.write('src/core/report.ts', "import { format } from './format';\nimport { save } from '../io/db';\nimport { pad } from '../util/pad';\nimport { x } from '@io/db';\nexport const report = [format, save, pad, x];\n");
      repo.write('src/io/db.ts', 'export const save = 1;\nexport const x = 2;\n');
      const commits = [repo.commit('Start', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' })];
      // A file that was missing appears (and closes a cycle); a folder appears with a file in it.
      repo.write('src/core/format.ts', "import { report } from './report';\nexport const format = report.length;\n");
      repo.write('src/util/pad.ts', 'export const pad = 0;\n');
      commits.push(repo.commit('Add format and pad', { date: '2026-11-01T12:00:00+00:00', author: 'Bob Okafor' }));
      // A file goes and a folder of the same name comes: the import now finds its index file.
      repo.remove('src/io/db.ts').write('src/io/db/index.ts', 'export const save = 3;\nexport const x = 4;\n');
      commits.push(repo.commit('Split the store', { date: '2026-11-02T12:00:00+00:00', author: 'Carol Jensen' }));
      // A folder goes; a version bump changes nothing resolution reads; an alias arrives.
      repo.remove('src/util/pad.ts').write('package.json', JSON.stringify({ name: 'ledger', version: '1.1.0' }));
      commits.push(repo.commit('Drop pad, bump', { date: '2026-11-03T12:00:00+00:00', author: 'Dave Silva' }));
      repo.write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', strict: true, paths: { '@io/*': ['./src/io/*'] } } }));
      commits.push(repo.commit('Alias io', { date: '2026-11-04T12:00:00+00:00', author: 'Erin Kowalski' }));

      const forward = await historyOf(repo.dir);
      const backAndForth = await historyOf(repo.dir);
      const summary = (state: MeasuredState) => ({
        violations: state.violations.map((v) => `${v.ruleId} ${v.file}:${v.line} → ${v.to}`).sort(),
        imports: [...state.imports ?? []].map((key) => key.replace('\0', ' → ')).sort(),
      });
      const seen: string[][] = [];
      for (const [history, order] of [[forward, [0, 1, 2, 3, 4]], [backAndForth, [4, 0, 3, 1, 2]]] as const) {
        for (const index of order) {
          const stepped = await history.stateAt(commits[index]);
          const fresh = await (await historyOf(repo.dir)).stateAt(commits[index]);
          assert.ok(stepped.ok && fresh.ok);
          assert.deepEqual(summary(stepped.state), summary(fresh.state), `commit ${index}`);
          if (history === forward) seen.push(summary(stepped.state).violations);
        }
        assert.equal(history.updatedInPlace, 4);
      }
      assert.deepEqual(seen, [
        ['core-pure src/core/report.ts:2 → src/io/db.ts', 'resolved src/core/report.ts:1 → unresolved:./format', 'resolved src/core/report.ts:3 → unresolved:../util/pad'],
        ['core-pure src/core/report.ts:2 → src/io/db.ts', 'no-cycles src/core/report.ts:1 → src/core/format.ts'],
        ['core-pure src/core/report.ts:2 → src/io/db/index.ts', 'no-cycles src/core/report.ts:1 → src/core/format.ts'],
        ['core-pure src/core/report.ts:2 → src/io/db/index.ts', 'no-cycles src/core/report.ts:1 → src/core/format.ts', 'resolved src/core/report.ts:3 → unresolved:../util/pad'],
        ['core-pure src/core/report.ts:2 → src/io/db/index.ts', 'core-pure src/core/report.ts:4 → src/io/db/index.ts', 'no-cycles src/core/report.ts:1 → src/core/format.ts', 'resolved src/core/report.ts:3 → unresolved:../util/pad'],
      ]);
    } finally {
      repo.dispose();
    }
  });
});

describe('windows: when git cannot serve', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function plainCopy(): string {
    const dir = tempDir('guardrails-nogit-');
    dirs.push(dir);
    fs.cpSync(LEDGER, dir, { recursive: true });
    return dir;
  }

  it('outside a repository, says so and does not make up a starting value', async () => {
    const dir = plainCopy();
    const w = cleanup(await report(dir, '2026-11-08'));
    assert.equal(w.source, 'none');
    assert.equal(w.note, `${dir} is not in a git repository; no snapshot either, so the starting values are unknown (\`guardrails snapshot\` records one; the extension does daily).`);
    assert.deepEqual(goalRows(w)[0], ['debt', null, 4, 0, null, 'unknown']);
    assert.equal(w.status, 'unknown');
    assert.deepEqual(w.burndown, [{ date: '2026-11-08', values: [4, 1, 4, 1] }]);
  });

  it('uses the snapshot taken at or before the start, and points only on days with one', async () => {
    const dir = plainCopy();
    const first = await snapshotDirectory(dir, { today: '2026-11-01' });
    assert.ok(first.ok);
    assert.deepEqual(first.recorded.map((r) => [path.relative(dir, r.file), r.date, r.windows]), [[path.join('.guardrails', 'snapshots.json'), '2026-11-01', ['cleanup', 'later']]]);
    fs.writeFileSync(path.join(dir, 'src/core/money.ts'), 'export function round(amount: number): number {\n  return Math.round(amount * 100) / 100;\n}\n');
    assert.ok((await snapshotDirectory(dir, { today: '2026-11-05' })).ok);
    const w = cleanup(await report(dir, '2026-11-08'));
    assert.equal(w.source, 'snapshot');
    assert.deepEqual(w.startState, { kind: 'snapshot', date: '2026-11-01', file: '.guardrails/snapshots.json' });
    assert.equal(w.note, `${dir} is not in a git repository; measured from the snapshot of 2026-11-01 in .guardrails/snapshots.json.`);
    assert.deepEqual(goalRows(w), [
      ['debt', 4, 3, 0, 0.25, 'behind'],
      ['violations of core-pure', 1, 1, 0, 0, 'behind'],
      ['estimate (hours)', 4, 4, 0, 0, 'behind'],
      ['debt (FIXME) in src/core/**', 1, 0, 0, 1, 'done'],
    ]);
    assert.deepEqual(w.burndown, [{ date: '2026-11-05', values: [3, 1, 4, 0] }, { date: '2026-11-08', values: [3, 1, 4, 0] }]);
    assert.deepEqual(w.paidDown.map((item) => [item.kind, item.file, item.removedBy]), [['debt', 'src/core/money.ts', null]]);
  });

  it('once the window has ended, lists what its last snapshot no longer had, not what went after it ended', async () => {
    const dir = plainCopy();
    assert.ok((await snapshotDirectory(dir, { today: '2026-11-01' })).ok);
    fs.writeFileSync(path.join(dir, 'src/core/money.ts'), 'export function round(amount: number): number {\n  return Math.round(amount * 100) / 100;\n}\n');
    assert.ok((await snapshotDirectory(dir, { today: '2026-11-05' })).ok);
    // After the window's last day (Nov 15): the TODO goes too.
    const ledger = path.join(dir, 'src/core/ledger.ts');
    fs.writeFileSync(ledger, fs.readFileSync(ledger, 'utf8').replace('  // TODO: reject amounts that are not finite\n', ''));
    const w = cleanup(await report(dir, '2026-11-20'));
    assert.equal(w.status, 'ended');
    assert.equal(w.source, 'snapshot');
    assert.deepEqual(w.paidDown.map((item) => [item.kind, item.file]), [['debt', 'src/core/money.ts']]);
    assert.deepEqual(goalRows(w)[0], ['debt', 4, 2, 0, 0.5, 'ended']);
  });

  it('once the window has ended without a snapshot after its start, says that later work is listed too', async () => {
    const dir = plainCopy();
    assert.ok((await snapshotDirectory(dir, { today: '2026-11-01' })).ok);
    const ledger = path.join(dir, 'src/core/ledger.ts');
    fs.writeFileSync(ledger, fs.readFileSync(ledger, 'utf8').replace('  // TODO: reject amounts that are not finite\n', ''));
    const w = cleanup(await report(dir, '2026-11-20'));
    assert.deepEqual(w.paidDown.map((item) => [item.kind, item.file]), [['debt', 'src/core/ledger.ts']]);
    assert.match(w.note ?? '', /no snapshot after 2026-11-01 up to 2026-11-15, so what was paid down after the window ended is listed too/);
  });

  it('in a shallow clone without the start, falls back with a note that says how to fix it', async () => {
    const { repo } = buildLedgerHistory();
    const shallow = path.join(tempDir('guardrails-shallow-'), 'clone');
    dirs.push(path.dirname(shallow));
    try {
      repo.git(['clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow]);
    } finally {
      repo.dispose();
    }
    const w = cleanup(await report(shallow, '2026-11-08'));
    assert.equal(w.source, 'none');
    assert.match(w.note ?? '', /^this is a shallow clone whose history does not reach back before 2026-11-02 \(git fetch --unshallow fetches it\); no snapshot either/);
    assert.deepEqual(goalRows(w)[0], ['debt', null, 3, 0, null, 'unknown']);
  });

  it('without git, falls back with one clear note', async () => {
    const dir = plainCopy();
    const w = cleanup(await report(dir, '2026-11-08', { git: { gitPath: path.join(dir, 'no-such-git') } }));
    assert.equal(w.source, 'none');
    assert.match(w.note ?? '', /^git is not installed or not on PATH; no snapshot either/);
  });
});

describe('windows: a step that adds and removes files', function () {
  this.timeout(60_000);
  it('keeps the other files\' findings, drops those of a file that went, and resolves references again', async () => {
    const repo = TestRepo.create('guardrails-step-files-');
    try {
      repo.write('guardrails.json', JSON.stringify({
        include: ['src/**'],
        layers: { core: 'src/core/**', io: 'src/io/**' },
        rules: [{ id: 'core-pure', kind: 'forbidden', from: 'core', to: ['io'] }, { id: 'resolved', kind: 'no-unresolved' }],
      }));
      repo.write('src/io/db.ts', 'export const save = 1;\n');
      repo.write('src/core/a.ts', "import { save } from '../io/db';\nexport const a = save;\n");
      repo.write('src/core/b.ts', '/// <reference path="../types/env.d.ts" />\nexport const b = 1;\n');
      repo.write('src/core/keep.ts', "import { save } from '../io/db';\nexport const keep = save;\n");
      const commits = [repo.commit('Start', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' })];
      // A file with a finding goes, one with a finding comes, and the file a reference names comes.
      repo.remove('src/core/a.ts').write('src/core/c.ts', "import { save } from '../io/db';\nexport const c = save;\n");
      repo.write('src/types/env.d.ts', 'declare const ENV: string;\n');
      commits.push(repo.commit('Swap a for c, add env', { date: '2026-11-01T12:00:00+00:00', author: 'Bob Okafor' }));
      repo.remove('src/types/env.d.ts');
      commits.push(repo.commit('Drop env', { date: '2026-11-02T12:00:00+00:00', author: 'Carol Jensen' }));

      const history = await historyOf(repo.dir);
      const findings = (state: MeasuredState) => state.violations.map((v) => `${v.ruleId} ${v.file}:${v.line} → ${v.to}`).sort();
      const seen: string[][] = [];
      for (const commit of commits) {
        const stepped = await history.stateAt(commit);
        const fresh = await (await historyOf(repo.dir)).stateAt(commit);
        assert.ok(stepped.ok && fresh.ok);
        assert.deepEqual(findings(stepped.state), findings(fresh.state));
        seen.push(findings(stepped.state));
      }
      assert.equal(history.updatedInPlace, 2);
      assert.deepEqual(seen, [
        ['core-pure src/core/a.ts:1 → src/io/db.ts', 'core-pure src/core/keep.ts:1 → src/io/db.ts', 'resolved src/core/b.ts:1 → unresolved:../types/env.d.ts'],
        ['core-pure src/core/c.ts:1 → src/io/db.ts', 'core-pure src/core/keep.ts:1 → src/io/db.ts'],
        ['core-pure src/core/c.ts:1 → src/io/db.ts', 'core-pure src/core/keep.ts:1 → src/io/db.ts', 'resolved src/core/b.ts:1 → unresolved:../types/env.d.ts'],
      ]);
    } finally {
      repo.dispose();
    }
  });
});
