import * as vscode from 'vscode';
import type { GuardrailsClient } from '../client/guardrailsClient';

/**
 * "Export Debt Report": Markdown and CSV of the debt, with each window's burndown as SVG, into a
 * folder the user picks. The server writes the text; this writes the files. Returns them.
 */
export async function exportDebtReport(client: GuardrailsClient, folder?: vscode.Uri): Promise<vscode.Uri[]> {
  const target = folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Export Here', title: 'Export Debt Report' }))?.[0];
  if (!target) return [];
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Guardrails: measuring refactoring windows' }, () => client.debtReport());
  if (report.files.length === 0) {
    void vscode.window.showWarningMessage('Guardrails: no rules file, so no debt to report.');
    return [];
  }
  const written: vscode.Uri[] = [];
  for (const file of report.files) {
    const uri = vscode.Uri.joinPath(target, file.name);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(file.text, 'utf8'));
    written.push(uri);
  }
  const markdown = written[written.length - 1];
  void vscode.window.showInformationMessage(`Guardrails exported ${report.items} debt item(s) to ${target.fsPath}.`, 'Open Report').then((choice) => {
    if (choice) void vscode.window.showTextDocument(markdown);
  });
  return written;
}
