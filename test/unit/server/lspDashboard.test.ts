import * as assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { requireBuild } from '../helpers/lspWorkspace';
import { REPO_ROOT } from '../helpers/analyzeFixture';
import { runCliCapture } from '../helpers/runCliCapture';
import type { TestRepo } from '../git/testRepo';
import { buildOutcomesHistory } from '../windows/datedHistory';

// The dashboard's request (guardrails/dashboard) on the hand-checked dated history: each window as
// the panel has it, with the hottest files of its scope and its rules file's trend, as the CLI
// reports them; without git (Restricted Mode) it says why there are no hotspots.

const TODAY = '2026-03-25';
const SETTINGS = { today: TODAY, debounceMs: 20 };

interface Hotspot { file: string; changes: number }
interface DashboardWindow { id: string; scope: string[]; outcomes: unknown; goals: unknown[]; hotspots: Hotspot[]; hotspotsNote?: string; trend: unknown[] }
interface DashboardData { today: string; hotspotDays: number; windows: DashboardWindow[] }

async function cliJson<T>(args: string[]): Promise<T> {
  const run = await runCliCapture(args, REPO_ROOT);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as T;
}

describe('guardrails lsp: the dashboard request', function () {
  this.timeout(60_000);
  let repo: TestRepo;

  before(function () {
    requireBuild(this);
    ({ repo } = buildOutcomesHistory());
  });

  after(() => repo?.dispose());

  it('answers each window with the hotspots in its scope and its trend, as guardrails windows and hotspots report them', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS });
    try {
      await client.rpc.request('guardrails/whenIdle');
      const dashboard = await client.rpc.request<DashboardData>('guardrails/dashboard', { force: true });
      const windows = await cliJson<{ windows: DashboardWindow[]; trend: unknown[] }>(['windows', repo.dir, '--format', 'json', '--today', TODAY, '--no-cache']);
      const hotspots = await cliJson<{ hotspots: Hotspot[] }>(['hotspots', repo.dir, '--format', 'json', '--today', TODAY, '--no-cache']);
      assert.deepEqual([dashboard.today, dashboard.hotspotDays], [TODAY, 90]);
      assert.deepEqual(dashboard.windows.map((w) => [w.id, w.goals, w.outcomes]), windows.windows.map((w) => [w.id, w.goals, w.outcomes]));
      assert.ok(dashboard.windows.length > 0);
      for (const window of dashboard.windows) {
        // One rules file: its trend is the report's.
        assert.deepEqual(window.trend, windows.trend);
        const prefixes = window.scope.map((glob) => glob.replace(/\*\*$/, ''));
        const expected = hotspots.hotspots.filter((h) => h.changes > 0 && prefixes.some((prefix) => h.file.startsWith(prefix))).slice(0, 5);
        assert.ok(expected.length > 0, `hotspots in ${window.scope.join(', ')}`);
        assert.deepEqual(window.hotspots, expected);
      }
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('says why there are no hotspots or trend in Restricted Mode', async () => {
    const { client } = await LspClient.start({ root: repo.dir, settings: SETTINGS, initializationOptions: { trusted: false } });
    try {
      await client.rpc.request('guardrails/whenIdle');
      const dashboard = await client.rpc.request<DashboardData>('guardrails/dashboard', { force: true });
      assert.deepEqual(dashboard.windows.map((w) => [w.hotspots, w.trend]), dashboard.windows.map(() => [[], []]));
      assert.match(dashboard.windows[0].hotspotsNote ?? '', /Restricted Mode/);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
