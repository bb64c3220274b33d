import * as vscode from 'vscode';
import type { RulesPreview } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';

export interface CreateRulesOptions {
  /** Write without asking (tests, the walkthrough's second click). */
  confirm?: boolean;
}

/**
 * Create Rules File: proposes layers from the folders that exist, shows what the proposal would
 * find before anything is written, and writes `guardrails.json` only when the user says so
 * (never over an existing one). Returns the preview, and the editor when the file was written.
 */
export async function createRulesFile(client: GuardrailsClient, options: CreateRulesOptions = {}): Promise<{ preview?: RulesPreview; editor?: vscode.TextEditor }> {
  const folder = vscode.workspace.workspaceFolders?.length === 1
    ? vscode.workspace.workspaceFolders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the rules file go?' });
  if (!folder) return {};
  const target = vscode.Uri.joinPath(folder.uri, 'guardrails.json');
  if (await exists(target)) return { editor: await vscode.window.showTextDocument(target) };
  const preview = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Guardrails: trying a starter rules file on this folder…' },
    () => client.previewRules(folder.uri.fsPath),
  );
  const choice = options.confirm === false ? 'Create' : await vscode.window.showInformationMessage(
    'Create guardrails.json?', { modal: true, detail: describePreview(preview) }, 'Create', 'Show Proposal',
  );
  if (choice === 'Show Proposal') {
    const document = await vscode.workspace.openTextDocument({ language: 'jsonc', content: preview.text });
    await vscode.window.showTextDocument(document);
    return { preview };
  }
  if (choice !== 'Create') return { preview };
  await vscode.workspace.fs.writeFile(target, Buffer.from(preview.text, 'utf8'));
  return { preview, editor: await vscode.window.showTextDocument(target) };
}

/** "In 44 files it would report: 3 no-cycles (error), 1 no-unresolved (warning); 9 debt items." */
export function describePreview(preview: RulesPreview): string {
  const findings = preview.rules.map((rule) => `${rule.count} ${rule.ruleId} (${rule.severity})`).join(', ');
  const debt = `${preview.debt} debt item${preview.debt === 1 ? '' : 's'}`;
  return `Each top-level source folder becomes a layer. In ${preview.files} files the proposal would report ${findings || 'no rule findings'}; ${debt}. Edit the layers and rules after creating it.`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
