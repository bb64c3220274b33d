// The dashboard in the editor area on the example shop with a month of dated commits: opened by its
// command, one section per window with its charts, the same hotspots as `guardrails hotspots`, and
// a look (the README's media/screenshots/dashboard.png, through `npm run screenshots`; never compared by pixels).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestScreenshot } from '../screenshot';
import { waitUntil } from '../wait';
import { activateWithWindowsMeasured } from './windowsMeasured';

interface Hotspot { file: string; changes: number; churn: number; debt: number; violations: number; score: number }
interface DashboardWindow {
  id: string;
  goals: { label: string; atStart: number | null; now: number; target: number }[];
  burndown: unknown[];
  outcomes: { before: { commits: number }; during: { commits: number; authors: number } } | null;
  hotspots: Hotspot[];
  trend: { week: string; violations: number; debt: number }[];
}
interface GuardrailsApi {
  windows(): Promise<{ today: string; windows: unknown[] } | undefined>;
  dashboard(): { open: boolean; data: { today: string; windows: DashboardWindow[] } | undefined; drawn: { windows: string[]; charts: number } | undefined };
}

const TODAY = '2026-11-27';

describe('the dashboard', function () {
  this.timeout(120_000);
  let api: GuardrailsApi;
  let extensionPath: string;

  before(async () => {
    ({ api, extensionPath } = await activateWithWindowsMeasured<GuardrailsApi>(TODAY));
  });

  it('opens in the editor area with a section per window, a chart per goal and the trend (screenshot)', async () => {
    await vscode.commands.executeCommand('guardrails.openDashboard');
    // The workbench tells the extension host about tabs a moment after the panel exists.
    const tab = await waitUntil('a tab named Guardrails Dashboard', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label === 'Guardrails Dashboard'));
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the tab holds a webview');
    assert.match(tab.input.viewType, /guardrails\.dashboard$/);
    assert.equal(tab.isActive, true);
    const drawn = await waitUntil('the dashboard to draw its windows', () => {
      const state = api.dashboard();
      return state.drawn && state.drawn.windows.length > 0 ? state.drawn : undefined;
    }, 30_000);
    // One section for payments-q4; its two goals' burndowns and the trend's two charts.
    assert.deepEqual(drawn, { windows: ['payments-q4'], charts: 4 });

    const [window] = api.dashboard().data!.windows;
    assert.deepEqual(window.goals.map((goal) => [goal.label, goal.atStart, goal.now, goal.target]), [['debt', 10, 4, 0], ['violations of domain-pure', 0, 0, 0]]);
    assert.deepEqual(window.trend, [
      { week: '2026-10-26', violations: 9, debt: 15 },
      { week: '2026-11-02', violations: 9, debt: 13 },
      { week: '2026-11-09', violations: 8, debt: 12 },
      { week: '2026-11-16', violations: 8, debt: 10 },
      { week: '2026-11-23', violations: 8, debt: 9 },
    ]);
    assert.equal(window.outcomes?.before.commits, 1);
    assert.equal(window.outcomes?.during.commits, 8);
    assert.equal(window.outcomes?.during.authors, 5);

    // The hottest files in the window's scope, as `guardrails hotspots` ranks them.
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const cli = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'hotspots', folder, '--today', TODAY, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const inScope = (JSON.parse(cli.stdout) as { hotspots: Hotspot[] }).hotspots.filter((h) => h.file.startsWith('src/features/payments/') && h.changes > 0);
    assert.deepEqual(window.hotspots, inScope.slice(0, 5));
    assert.equal(window.hotspots[0].file, 'src/features/payments/cardProcessor.ts');

    // Full width for the picture: no side bar, no panel, no notifications.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    // `npm run screenshots` copies it to media/screenshots/dashboard.png for the README.
    const file = await requestScreenshot('dashboard');
    if (file) assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
  });

  it('closes with its tab, and opens again from the Refactoring Windows view title', async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitUntil('the dashboard closed', () => (api.dashboard().open ? undefined : true));
    const packageJson = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    assert.ok(packageJson.contributes.menus['view/title'].some((item) => item.command === 'guardrails.openDashboard' && item.when === 'view == guardrails.windows'));
    await vscode.commands.executeCommand('guardrails.openDashboard');
    assert.equal(api.dashboard().open, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  });
});
