import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient } from '../helpers/lspClient';
import { requireBuild } from '../helpers/lspWorkspace';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import { tempDir, type TestRepo } from '../git/testRepo';
import { buildOutcomesHistory } from '../windows/datedHistory';

// What the windows bought, the hotspots and the weekly trend reach an editor through the server's
// custom requests, with the same numbers as the CLI, on a dated history worked out by hand
// (test/unit/windows/datedHistory.ts); and none of it runs git in Restricted Mode.

const TODAY = '2026-03-25';
const SETTINGS = { today: TODAY, debounceMs: 20 };

interface WindowData { id: string; outcomes: unknown; hold: unknown; goals: unknown[]; note: string | null }
interface WindowsPanelData { today: string; windows: WindowData[]; trend: unknown[] }
interface HotspotsData { today: string; days: number; hotspots: { file: string; root: string; changes: number; score: number }[]; note?: string }
interface DebtRow { item: { file: string }; changes?: number }

async function cliJson<T>(args: string[]): Promise<T> {
  const run = await runCliCapture(args, REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as T;
}

describe('guardrails lsp: refactoring windows, hotspots and trend through custom requests', function () {
  this.timeout(60_000);
  let repo: TestRepo;
  let storage: string;

  before(function () {
    requireBuild(this);
    ({ repo } = buildOutcomesHistory());
    storage = tempDir('guardrails-lsp-storage-');
  });

  after(() => {
    repo?.dispose();
    if (storage) fs.rmSync(storage, { recursive: true, force: true });
  });

  it('answers the windows with outcomes, hold and trend, the hotspots, and debt rows with their change counts, as the CLI reports them', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { storagePath: storage } });
    try {
      await client.rpc.request('guardrails/whenIdle');
      const panel = await client.rpc.request<WindowsPanelData>('guardrails/windows', { force: true });
      const cli = await cliJson<{ windows: WindowData[]; trend: unknown[] }>(['windows', repo.dir, '--format', 'json', '--today', TODAY, '--no-cache']);
      assert.equal(panel.today, TODAY);
      assert.deepEqual(panel.windows.map((w) => w.outcomes), cli.windows.map((w) => w.outcomes));
      assert.deepEqual(panel.windows[0].outcomes, {
        before: { from: '2026-02-16', to: '2026-03-01', commits: 2, fixes: 2, churn: 5, filesPerCommit: 1.5, authors: 1 },
        during: { from: '2026-03-02', to: '2026-03-15', commits: 3, fixes: 0, churn: 4, filesPerCommit: 1, authors: 3 },
        after: { from: '2026-03-16', to: '2026-03-25', commits: 1, fixes: 1, churn: 2, filesPerCommit: 1, authors: 1 },
      });
      assert.deepEqual(panel.windows.map((w) => [w.hold, w.goals]), cli.windows.map((w) => [w.hold, w.goals]));
      assert.deepEqual((panel.windows[0].hold as { status: string }).status, 'regressed');
      assert.deepEqual(panel.trend, cli.trend);
      assert.equal(panel.trend.length, 7);

      // What past commits measured is kept in the client's storage for the next measurement.
      assert.ok(fs.readdirSync(path.join(storage, 'history')).some((name) => name.startsWith('history-')));

      const hotspots = await client.rpc.request<HotspotsData>('guardrails/hotspots');
      const cliHotspots = await cliJson<{ days: number; hotspots: unknown[] }>(['hotspots', repo.dir, '--format', 'json', '--today', TODAY, '--no-cache']);
      assert.deepEqual([hotspots.today, hotspots.days, hotspots.note], [TODAY, 90, undefined]);
      assert.deepEqual(hotspots.hotspots, cliHotspots.hotspots.map((hotspot) => ({ ...(hotspot as object), root: repo.dir })));

      // The counts are known now: the Debt view's rows carry them (what "hot first" sorts by).
      const debt = await client.rpc.request<DebtRow[]>('guardrails/debt');
      assert.deepEqual(debt.map((row) => [path.relative(repo.dir, row.item.file), row.changes]), [[path.join('src', 'core', 'b.ts'), 4]]);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('shows the reading of git history as progress in the client, and none when its storage already holds every past state', async () => {
    const cold = tempDir('guardrails-lsp-progress-');
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { storagePath: cold } });
    type Progress = { token: string | number; value: { kind: string; message?: string; percentage?: number } };
    const progressOf = (message: { params?: unknown }) => message.params as Progress;
    try {
      await client.rpc.request('guardrails/whenIdle');
      const before = client.rpc.received.length;
      await client.rpc.request<WindowsPanelData>('guardrails/windows', { force: true });
      const created = client.rpc.received.slice(before).filter((message) => message.method === 'window/workDoneProgress/create');
      assert.equal(created.length, 1, 'one progress for the measurement');
      const token = (created[0].params as { token: string | number }).token;
      const ofToken = (kind: string) => (message: { method?: string; params?: unknown }) =>
        message.method === '$/progress' && progressOf(message).token === token && progressOf(message).value.kind === kind;
      const begin = progressOf(await client.rpc.waitFor(ofToken('begin'), 'history progress begin')).value;
      assert.match(begin.message ?? '', /^reading git history: 0\/\d+ past commits analysed$/);
      await client.rpc.waitFor(ofToken('end'), 'history progress end');
      const reports = client.rpc.received.filter(ofToken('report')).map((message) => progressOf(message).value);
      const last = reports[reports.length - 1];
      assert.match(last?.message ?? '', /^reading git history: (\d+)\/\1 past commits analysed$/);
      assert.equal(last?.percentage, 100);

      const again = client.rpc.received.length;
      await client.rpc.request<WindowsPanelData>('guardrails/windows', { force: true });
      assert.deepEqual(client.rpc.received.slice(again).filter((message) => message.method === 'window/workDoneProgress/create'), []);
    } finally {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(cold, { recursive: true, force: true });
    }
  });

  describe('a measurement the requests waiting for it give up', () => {
    let cold: string;
    let client: LspClient;
    let cli: { windows: WindowData[]; trend: unknown[] };
    const logged = (pattern: RegExp) => client.rpc.received.filter((m) => m.method === 'window/logMessage' && pattern.test((m.params as { message: string }).message));
    /** The measurement's history progress, once created (call before the request): a cancel sent then finds the history being read. */
    const readingHistory = () => client.rpc.waitForNext((m) => m.method === 'window/workDoneProgress/create', 'the history progress');

    before(function () {
      if (process.platform === 'win32') this.skip();
    });

    beforeEach(async () => {
      cold = tempDir('guardrails-lsp-cancel-');
      // A git that takes its time to list the first past commit's files, as on a large repository:
      // this small history is measured faster than a cancel could reach the server otherwise.
      const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
      fs.writeFileSync(path.join(cold, 'git'), `#!/bin/sh\ncase "$*" in *ls-tree*) sleep 2;; esac\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
      const env = { PATH: `${cold}${path.delimiter}${process.env.PATH ?? ''}` };
      ({ client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { storagePath: cold }, env }));
      await client.rpc.request('guardrails/whenIdle');
      cli ??= await cliJson<{ windows: WindowData[]; trend: unknown[] }>(['windows', repo.dir, '--format', 'json', '--today', TODAY, '--no-cache']);
    });
    afterEach(async () => {
      assert.equal(await client.shutdown(), 0);
      fs.rmSync(cold, { recursive: true, force: true });
    });

    it('stops when every request waiting for it is cancelled, and measures whole when asked again', async () => {
      const history = readingHistory();
      const panel = client.rpc.requestId('guardrails/windows', { force: true });
      const dashboard = client.rpc.requestId('guardrails/dashboard');
      await history;
      client.rpc.notify('$/cancelRequest', { id: panel.id });
      client.rpc.notify('$/cancelRequest', { id: dashboard.id });
      for (const reply of [await panel.answer, await dashboard.answer]) assert.equal(reply.error?.code, -32800, JSON.stringify(reply).slice(0, 200));
      await client.rpc.waitFor((m) => m.method === 'window/logMessage' && /measuring the refactoring windows was cancelled/.test((m.params as { message: string }).message), 'the log saying it stopped');
      assert.deepEqual(logged(/measured \d+ refactoring window/), []);

      const again = await client.rpc.request<WindowsPanelData>('guardrails/windows');
      assert.deepEqual(again.windows.map((w) => [w.id, w.outcomes, w.hold, w.goals]), cli.windows.map((w) => [w.id, w.outcomes, w.hold, w.goals]));
      assert.deepEqual(again.trend, cli.trend);
    });

    it('goes on for the request that still waits when another one is cancelled', async () => {
      const history = readingHistory();
      const leaving = client.rpc.requestId('guardrails/windows', { force: true });
      const staying = client.rpc.requestId('guardrails/windows');
      await history;
      client.rpc.notify('$/cancelRequest', { id: leaving.id });
      assert.equal((await leaving.answer).error?.code, -32800);
      const panel = (await staying.answer).result as WindowsPanelData;
      assert.deepEqual(panel.windows.map((w) => [w.id, w.outcomes, w.hold, w.goals]), cli.windows.map((w) => [w.id, w.outcomes, w.hold, w.goals]));
      assert.deepEqual(panel.trend, cli.trend);
      assert.deepEqual(logged(/measuring the refactoring windows was cancelled/), []);
    });
  });

  it('runs no git in Restricted Mode: windows without outcomes, no hotspots, debt rows without change counts', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { trusted: false } });
    try {
      await client.rpc.request('guardrails/whenIdle');
      const panel = await client.rpc.request<WindowsPanelData>('guardrails/windows', { force: true });
      assert.deepEqual([panel.windows[0].outcomes, panel.trend], [null, []]);
      assert.match(panel.windows[0].note ?? '', /^git is not run in a workspace you have not trusted \(Restricted Mode\)/);
      const hotspots = await client.rpc.request<HotspotsData>('guardrails/hotspots');
      assert.deepEqual(hotspots.hotspots, []);
      assert.match(hotspots.note ?? '', /Restricted Mode/);
      const debt = await client.rpc.request<DebtRow[]>('guardrails/debt');
      assert.deepEqual(debt.map((row) => row.changes), [undefined]);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
