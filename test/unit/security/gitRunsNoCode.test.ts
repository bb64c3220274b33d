// A repository's own `.git/config` can name programs git runs for it: an fsmonitor hook, textconv
// drivers, clean filters. Guardrails reads history from untrusted workspaces, so none of them may
// ever run. Each script below writes a marker file when it runs; no git-using path may create it.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { lineDates } from '../../../src/core/git/blame';
import { findRemovals } from '../../../src/core/git/removals';
import { runGit } from '../../../src/core/git/gitRunner';
import { openRepository } from '../../../src/core/git/repository';
import { fixturePath, REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, TestRepo } from '../git/testRepo';
import { CLI } from './hostileWorkspace';

describe('security: git runs no code from the repository', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let marker: string;

  before(() => {
    repo = TestRepo.create('guardrails-hostile-git-').copyFrom(fixturePath('windows', 'ledger'));
    repo.write('.gitattributes', '*.ts diff=evil filter=evil\n*.json diff=evil filter=evil\n');
    repo.commit('Start the ledger', { date: '2026-10-30T12:00:00+00:00', author: 'Alice Martin' });
    repo.edit('src/io/db.ts', '// FIXME: writes the whole list on every call\n', '');
    repo.commit('Append instead of rewriting', { date: '2026-11-04T10:00:00+00:00', author: 'Bob Okafor' });
    // An uncommitted edit: blaming the working file would run the clean filter on it.
    repo.write('src/core/money.ts', `${repo.read('src/core/money.ts')}\n// TODO: round half to even\n`);

    marker = path.join(tempDir('guardrails-marker-'), 'ran');
    const script = path.join(path.dirname(marker), 'evil.sh');
    // Leaves its name and arguments in the marker, then behaves like the program it stands for
    // (an fsmonitor hook, called with its protocol version, answers nothing).
    fs.writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncase "$1" in 1|2) exit 0;; esac\nif [ -f "$1" ]; then cat "$1"; else cat; fi\n`, { mode: 0o755 });
    repo.git(['config', 'core.fsmonitor', script]);
    repo.git(['config', 'diff.evil.textconv', script]);
    repo.git(['config', 'filter.evil.clean', script]);
    repo.git(['config', 'filter.evil.smudge', script]);
    repo.git(['config', 'diff.external', script]);
    repo.git(['config', 'core.pager', script]);
  });
  after(() => {
    repo.dispose();
    fs.rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  beforeEach(() => fs.rmSync(marker, { force: true }));
  const ran = (): string => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '');

  it('the scripts do run for a plain git command (the test would notice)', () => {
    repo.git(['diff', 'HEAD', '--', 'src/core/money.ts']);
    assert.notEqual(ran(), '', 'git itself ran the configured programs');
  });

  it('blame for debt ages runs none of them, and still dates committed lines', async () => {
    const opened = await openRepository(repo.dir);
    assert.ok(opened.ok);
    const dates = await lineDates(opened.repo, path.join(repo.dir, 'src', 'core', 'money.ts'));
    assert.equal(ran(), '');
    assert.ok(dates && dates.size > 0, 'committed lines have dates');
    assert.equal(dates.get(1), '2026-10-30');
    const lines = repo.read('src/core/money.ts').split('\n').length;
    assert.equal(dates.get(lines - 1), undefined, 'the uncommitted line has no date');
  });

  it('paid-down attribution (git log -p) runs none of them', async () => {
    const opened = await openRepository(repo.dir);
    assert.ok(opened.ok);
    const found = await findRemovals(opened.repo, [{ needle: 'FIXME: writes the whole list on every call', file: 'src/io/db.ts' }], { sinceDay: '2026-10-01' });
    assert.equal(ran(), '');
    assert.ok(found.ok && found.commits[0]);
    assert.equal(found.commits[0].authorName, 'Bob Okafor');
  });

  it('guardrails windows (history, blobs, attribution) runs none of them', async () => {
    const run = await runCliCapture(['windows', repo.dir, '--format', 'json', '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(ran(), '');
    const window = JSON.parse(run.stdout).windows[0];
    assert.equal(window.source, 'git');
    assert.equal(window.paidDown[0]?.removedBy?.name, 'Bob Okafor');
  });

  it('the runner refuses a command that is not on its list (status would run fsmonitor on the index)', async () => {
    assert.deepEqual(await runGit(['status'], { cwd: repo.dir }), { ok: false, failure: { kind: 'failed', message: 'git status is not a command Guardrails runs' } });
    assert.equal(ran(), '');
  });

  it('guardrails check and debt run none of them', async () => {
    assert.equal((await runCliCapture(['check', repo.dir, '--today', '2026-11-08'], REPO_ROOT)).code, 1, 'core-pure is broken');
    assert.equal((await runCliCapture(['debt', repo.dir, '--today', '2026-11-08'], REPO_ROOT)).code, 0);
    assert.equal(ran(), '');
  });

  it('check --since (ref, merge base, the merge base\'s tree and blobs) runs none of them', async () => {
    const run = await runCliCapture(['check', repo.dir, '--since', 'HEAD~1', '--format', 'json', '--today', '2026-11-08'], REPO_ROOT);
    assert.equal(ran(), '');
    assert.equal(run.code, 0, `only the uncommitted TODO is new, and it is not an error: ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { since: { commit: string }; fixed: { debt: { text: string }[] }; debt: { text: string }[] };
    assert.match(report.since.commit, /^[0-9a-f]{40}$/);
    assert.deepEqual(report.debt.map((item) => item.text), ['round half to even']);
    assert.deepEqual(report.fixed.debt.map((item) => item.text), ['writes the whole list on every call']);
  });

  describe('the language server (the extension\'s engine)', () => {
    let server: ChildProcess;
    let connection: MessageConnection;
    /** The latest status the server sent (its notices say why new-code mode waits). */
    let status: { notices: { message: string }[] } | undefined;
    /** Every diagnostic message published, by file URI (the latest of each). */
    const published = new Map<string, string[]>();
    before(async () => {
      server = spawn(process.execPath, [CLI, 'lsp', '--stdio', '--concurrency', 'off'], { cwd: repo.dir, stdio: ['pipe', 'pipe', 'inherit'] });
      connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
      connection.onNotification('guardrails/status', (sent: typeof status) => {
        status = sent;
      });
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { message: string }[] }) => {
        published.set(params.uri, params.diagnostics.map((diagnostic) => diagnostic.message));
      });
      connection.listen();
      await connection.sendRequest('initialize', {
        processId: process.pid, rootUri: pathToFileURL(repo.dir).href, capabilities: {},
        workspaceFolders: [{ uri: pathToFileURL(repo.dir).href, name: 'ledger' }],
        // VS Code's client says so in Restricted Mode.
        initializationOptions: { trusted: false, settings: { today: '2026-11-08', newSince: 'HEAD~1' } },
      });
      void connection.sendNotification('initialized', {});
      await connection.sendRequest('guardrails/whenIdle');
    });
    after(async () => {
      await connection.sendRequest('shutdown').catch(() => undefined);
      void connection.sendNotification('exit');
      connection.dispose();
      server.kill();
    });

    interface Row { item: { text: string }; ageDays?: number }
    const rows = (): Promise<Row[]> => connection.sendRequest('guardrails/debt');
    /** Asks until a debt item has an age (ages arrive in the background), or gives up. */
    async function agesKnown(attempts: number): Promise<boolean> {
      for (let attempt = 0; attempt < attempts; attempt++) {
        if ((await rows()).some((row) => row.ageDays !== undefined)) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    }

    it('in an untrusted workspace runs no git at all: no debt ages, windows from snapshots only, saying why', async () => {
      assert.equal(await agesKnown(10), false);
      const panel: { windows: { source: string; note?: string }[] } = await connection.sendRequest('guardrails/windows', { force: true });
      assert.match(panel.windows[0].note ?? '', /git is not run in a workspace you have not trusted \(Restricted Mode\); trust it to measure from history/);
      assert.ok(![...published.values()].flat().some((message) => message.startsWith('(existing) ')), 'nothing is softened without git');
      assert.ok(status?.notices.some((notice) => /guardrails\.newSince needs git, which does not run in Restricted Mode/.test(notice.message)), JSON.stringify(status));
      assert.equal(ran(), '');
    });

    it('once trusted, blames and reads history with the protections: still nothing runs', async () => {
      void connection.sendNotification('guardrails/workspaceTrusted');
      assert.equal(await agesKnown(50), true);
      const panel: { windows: { source: string }[] } = await connection.sendRequest('guardrails/windows', { force: true });
      assert.equal(panel.windows[0].source, 'git');
      // guardrails.newSince (HEAD~1) reads the merge base once trusted: the committed violation is marked existing.
      const existingShown = (): boolean => [...published.values()].flat().some((message) => message.startsWith('(existing) '));
      for (let attempt = 0; attempt < 50 && !existingShown(); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(existingShown(), JSON.stringify([...published]));
      assert.deepEqual(status?.notices.filter((notice) => /newSince/.test(notice.message)), []);
      assert.equal(ran(), '');
    });
  });
});
