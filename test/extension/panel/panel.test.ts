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

interface Goal { metric: string; atStart: number | null; now: number; target: number; progress: number | null }
interface Window { id: string; status: string; source: string; elapsed: number; goals: Goal[]; burndown: { date: string; values: number[] }[]; paidDown: { file: string; line: number; removedBy: { name: string } | null }[] }
interface GuardrailsApi {
  windows(): Promise<{ today: string; windows: Window[] } | undefined>;
  nextPanelRender(): Promise<{ cards: number; charts: number }>;
  viewRows(view: 'debt' | 'architecture'): Promise<unknown[]>;
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
    const extension = vscode.extensions.getExtension<GuardrailsApi>('guardrails.guardrails')!;
    extensionPath = extension.extensionPath;
    api = await extension.activate();
    await vscode.workspace.getConfiguration('guardrails').update('today', TODAY, vscode.ConfigurationTarget.Workspace);
    await waitUntil('the windows measured', async () => {
      const data = await api.windows();
      return data?.today === TODAY && data.windows.length > 0 ? data : undefined;
    }, 60_000);
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

  it('shows the same numbers as `guardrails windows`', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const cli = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'cli.js'), 'windows', folder, '--today', TODAY, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = JSON.parse(cli.stdout).windows as Window[];
    const fromPanel = (await api.windows())!.windows;
    const numbers = (windows: Window[]) => windows.map((w) => ({ id: w.id, status: w.status, source: w.source, elapsed: w.elapsed, goals: w.goals, burndown: w.burndown, paid: w.paidDown.map((p) => `${p.file}:${p.line} ${p.removedBy?.name}`) }));
    assert.deepEqual(numbers(fromPanel), numbers(fromCli));
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

  it('draws a card with its burndown beside the Debt and Architecture trees (screenshot)', async () => {
    const drawn = api.nextPanelRender();
    await vscode.commands.executeCommand('workbench.view.extension.guardrails');
    await vscode.commands.executeCommand('guardrails.windows.refresh');
    assert.deepEqual(await bounded('the panel to draw', drawn), { cards: 1, charts: 1 });
    assert.ok((await api.viewRows('debt')).length > 0);
    await vscode.commands.executeCommand('notifications.clearAll');
    await requestScreenshot('panel');
  });
});
