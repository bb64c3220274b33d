import * as vscode from 'vscode';
import { debtCsv, debtMarkdown } from '../../core/report/debtReport';
import { burndownSvg } from '../../core/report/burndownSvg';
import type { AnalysisService } from '../analysis/analysisService';
import type { WindowsView } from '../views/windowsView';

/**
 * "Export Debt Report": Markdown and CSV of the debt, with each window's burndown as SVG, into a
 * folder the user picks. Returns the files written.
 */
export async function exportDebtReport(service: AnalysisService, windowsView: WindowsView, today: string, folder?: vscode.Uri): Promise<vscode.Uri[]> {
  const target = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export Here', title: 'Export Debt Report' }))?.[0];
  if (!target) return [];
  await service.whenIdle();
  const entries = service.results();
  if (entries.length === 0) {
    void vscode.window.showWarningMessage('Guardrails: no rules file, so no debt to report.');
    return [];
  }
  const root = entries[0].project.root;
  const items = entries.flatMap((entry) => entry.result.debt);
  const panel = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Guardrails: measuring refactoring windows' }, () => windowsView.refresh());
  const windows = panel?.windows ?? [];

  const written: vscode.Uri[] = [];
  const write = async (name: string, text: string): Promise<void> => {
    const uri = vscode.Uri.joinPath(target, name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    written.push(uri);
  };
  const charts: Record<string, string> = {};
  for (const window of windows) {
    const svg = burndownSvg(window, { standalone: true });
    if (!svg) continue;
    charts[window.id] = `burndown-${window.id}.svg`;
    await write(charts[window.id], `${svg}\n`);
  }
  await write('debt.csv', debtCsv(items, root));
  await write('debt-report.md', debtMarkdown({
    root, today, items, charts,
    windows: windows.length > 0 ? { version: '', root, today, durationMs: 0, windows } : undefined,
  }));
  const report = written[written.length - 1];
  void vscode.window.showInformationMessage(`Guardrails exported ${items.length} debt item(s) to ${target.fsPath}.`, 'Open Report').then((choice) => {
    if (choice) void vscode.window.showTextDocument(report);
  });
  return written;
}
