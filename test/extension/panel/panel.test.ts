// The Refactoring Windows panel on the example shop with a month of dated commits
// (scripts/example-history.mjs): real progress from git, the same numbers as the CLI, and a look.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { requestScreenshot } from '../screenshot';
import { waitUntil } from '../wait';
import { activateWithWindowsMeasured } from './windowsMeasured';

interface Goal { metric: string; atStart: number | null; now: number; target: number; progress: number | null }
interface Window {
  id: string; status: string; source: string; elapsed: number; goals: Goal[]; burndown: { date: string; values: number[] }[];
  paidDown: { file: string; line: number; removedBy: { name: string } | null }[]; outcomes: unknown; hold: unknown;
}
interface Row { label: string; description: string; children: Row[] }
interface GuardrailsApi {
  windows(): Promise<{ today: string; windows: Window[]; trend: unknown[] } | undefined>;
  hotspots(): Promise<{ today: string; days: number; hotspots: Record<string, unknown>[]; note?: string }>;
  nextPanelRender(): Promise<{ cards: number; charts: number; outcomes: string[][]; trend: number }>;
  viewRows(view: 'debt' | 'architecture'): Promise<Row[]>;
}

const TODAY = '2026-11-27';

function bounded<T>(what: string, promise: Promise<T>, ms = 20_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

describe('the Refactoring Windows panel', function () {
  this.timeout(90_000);
  let api: GuardrailsApi;
  let extensionPath: string;

  before(async () => {
    ({ api, extensionPath } = await activateWithWindowsMeasured<GuardrailsApi>(TODAY));
  });

  it('measures progress from the commit before the window opened', async () => {
    const [window] = (await api.windows())!.windows;
    assert.equal(window.id, 'payments-q4');
    assert.equal(window.source, 'git');
    assert.equal(window.status, 'on-track');
    assert.deepEqual(window.goals.map((goal) => [goal.metric, goal.atStart, goal.now, goal.target, goal.progress]), [
      ['debt', 10, 4, 0, 0.6],
      ['violations', 0, 0, 0, 1],
    ]);
    assert.equal(window.burndown.length, 26);
    assert.deepEqual(window.burndown[0].values, [10, 0]);
    assert.equal(window.paidDown.length, 6);
    assert.ok(window.paidDown.every((item) => item.removedBy !== null), 'every paid-down item names who removed it');
  });

  it('shows the same numbers as `guardrails windows`: progress, outcomes, hold and the weekly trend', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const cli = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'windows', folder, '--today', TODAY, '--format', 'json', '--no-cache'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout) as { windows: Window[]; trend: unknown[] };
    const panel = (await api.windows())!;
    const numbers = (windows: Window[]) => windows.map((w) => ({
      id: w.id, status: w.status, source: w.source, elapsed: w.elapsed, goals: w.goals, burndown: w.burndown, outcomes: w.outcomes, hold: w.hold,
      paid: w.paidDown.map((p) => `${p.file}:${p.line} ${p.removedBy?.name}`),
    }));
    assert.deepEqual(numbers(panel.windows), numbers(fromCli.windows));
    assert.deepEqual(panel.trend, fromCli.trend);
    // The shop's history: one import commit before the window, eight commits by five people during it.
    assert.deepEqual(panel.windows[0].outcomes, {
      before: { from: '2026-10-07', to: '2026-11-01', commits: 1, fixes: 0, churn: 48, filesPerCommit: 49, authors: 1 },
      during: { from: '2026-11-02', to: '2026-11-27', commits: 8, fixes: 0, churn: 19, filesPerCommit: 1, authors: 5 },
    });
  });

  it('ranks the hotspots as `guardrails hotspots` does, and sorts the Debt view hot first', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const cli = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'hotspots', folder, '--today', TODAY, '--format', 'json', '--no-cache'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const hotspots = await api.hotspots();
    assert.deepEqual([hotspots.today, hotspots.days, hotspots.note], [TODAY, 90, undefined]);
    assert.deepEqual(hotspots.hotspots, (JSON.parse(cli.stdout) as { hotspots: Record<string, unknown>[] }).hotspots.map((hotspot) => ({ ...hotspot, root: folder })));
    assert.deepEqual(hotspots.hotspots[0], { file: 'src/features/payments/cardProcessor.ts', changes: 5, churn: 26, debt: 2, violations: 0, score: 10, root: folder });

    await vscode.commands.executeCommand('guardrails.debt.groupBy', 'file');
    await vscode.commands.executeCommand('guardrails.debt.sortBy', 'hot');
    try {
      const rows = await waitUntil('debt rows with change counts', async () => {
        const current = await api.viewRows('debt');
        return current[0]?.children[0]?.description.startsWith('5 changes · ') ? current : undefined;
      });
      assert.deepEqual(rows.slice(0, 4).map((row) => row.label), [
        'src/features/payments/cardProcessor.ts', 'src/features/payments/fraudCheck.ts', 'src/features/payments/refunds.ts', 'src/domain/discounts.ts',
      ]);
      assert.deepEqual(rows[1].children.map((row) => row.description.split(' · ').slice(0, 2).join(' · ')), ['2 changes · DEBT']);
    } finally {
      await vscode.commands.executeCommand('guardrails.debt.sortBy', 'position');
      await vscode.commands.executeCommand('guardrails.debt.groupBy', 'owner');
    }
  });

  it('exports the debt as Markdown and CSV, with the burndown as SVG', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-export-'));
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('guardrails.exportDebtReport', vscode.Uri.file(folder));
    assert.deepEqual(written.map((uri) => path.basename(uri.fsPath)), ['burndown-payments-q4.svg', 'debt.csv', 'debt-report.md']);
    const csv = fs.readFileSync(path.join(folder, 'debt.csv'), 'utf8').trimEnd().split('\r\n');
    assert.equal(csv[0], 'tag,file,line,column,owner,ticket,due,overdue,estimate,estimateHours,interest,severity,text');
    assert.equal(csv.length, 10);
    assert.ok(csv.includes('DEBT,src/features/payments/fraudCheck.ts,5,4,bob,PAY-7,2026-10-01,true,4h,4,,error,thresholds are guesses; use the fraud service score'));
    const markdown = fs.readFileSync(path.join(folder, 'debt-report.md'), 'utf8');
    assert.match(markdown, /^# Debt report \(2026-11-27\)\n\n9 items · 8\.5d estimated · 1 overdue/);
    assert.match(markdown, /\| bob \| 1 \| 1 \| 4h \|/);
    assert.match(markdown, /\| debt \| 10 \| 4 \| 0 \| 60% \| on track \|/);
    assert.match(markdown, /!\[Burndown of payments-q4\]\(burndown-payments-q4\.svg\)/);
    const svg = fs.readFileSync(path.join(folder, 'burndown-payments-q4.svg'), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((svg.match(/<path /g) ?? []).length, 2);
  });

  it('draws a card with its burndown and what it bought, the trend under it, beside the Debt and Architecture trees (screenshot)', async () => {
    const drawn = api.nextPanelRender();
    await vscode.commands.executeCommand('workbench.view.extension.guardrails');
    await vscode.commands.executeCommand('guardrails.windows.refresh');
    assert.deepEqual(await bounded('the panel to draw', drawn), {
      cards: 1,
      charts: 1,
      outcomes: [['commits: 1 → 8 ↑', 'fix commits: 0 → 0 =', 'churn (lines): 48 → 19 ↓', 'files per commit: 49 → 1 ↓', 'authors: 1 → 5 ↑']],
      trend: 2,
    });
    assert.ok((await api.viewRows('debt')).length > 0);
    await vscode.commands.executeCommand('notifications.clearAll');
    await requestScreenshot('panel');
  });
});
