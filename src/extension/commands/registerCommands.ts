import * as vscode from 'vscode';
import { ServerCommands } from '../../server/protocol';
import type { GuardrailsClient } from '../client/guardrailsClient';
import { COMMANDS } from './commandIds';
import { addWindow } from './addWindow';
import { createRulesFile, type CreateRulesOptions } from './createRulesFile';
import { DIRECTIVE, findRulesFile, NodeFileSystem, todayIso } from '../../core';

const fs = new NodeFileSystem();

/**
 * The extension's own commands; each one small, each returning something a test can check. The
 * quick fixes that change files the server owns (baseline, open rule, open ticket) are the
 * server's commands, which the language client registers.
 */
export function registerCommands(client: GuardrailsClient, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.rerun, () => client.reload()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.showView, () => vscode.commands.executeCommand('workbench.view.extension.guardrails')),
    vscode.commands.registerCommand(COMMANDS.openRulesFile, () => openRulesFile(client)),
    vscode.commands.registerCommand(COMMANDS.createRulesFile, (options?: CreateRulesOptions) => createRulesFile(client, options)),
    vscode.commands.registerCommand(COMMANDS.ignoreLine, ignoreLine),
    vscode.commands.registerCommand(COMMANDS.addOwner, addOwner),
    vscode.commands.registerCommand(COMMANDS.addWindow, () => addWindow(rulesFileOfWorkspace(), todayOf())),
    vscode.commands.registerCommand(COMMANDS.updateBaseline, () => vscode.commands.executeCommand<boolean>(ServerCommands.updateBaseline)),
  ];
}

/** The rules file of the active editor's file, or of the first workspace folder. */
function rulesFileOfWorkspace(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const start = active?.scheme === 'file' ? active.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = start ? findRulesFile(start, fs) : undefined;
  return file ? vscode.Uri.file(file) : undefined;
}

/** Today as the user set it (`guardrails.today`) or the real date. */
function todayOf(): string {
  const set = vscode.workspace.getConfiguration('guardrails').get<string>('today', '');
  return /^\d{4}-\d{2}-\d{2}$/.test(set) ? set : todayIso();
}

/** Opens the rules file of the active editor's file, or of the first workspace folder. */
async function openRulesFile(client: GuardrailsClient): Promise<vscode.TextEditor | undefined> {
  const file = rulesFileOfWorkspace();
  if (file) return vscode.window.showTextDocument(file);
  const choice = await vscode.window.showInformationMessage('This workspace has no guardrails.json yet.', 'Create Rules File');
  return choice ? (await createRulesFile(client)).editor : undefined;
}

/** Inserts a suppression above the line and leaves the cursor on the reason, which is required. */
async function ignoreLine(uri: vscode.Uri, line: number, ruleId: string): Promise<boolean> {
  const editor = await vscode.window.showTextDocument(uri);
  const indent = editor.document.lineAt(line).text.match(/^\s*/)?.[0] ?? '';
  const snippet = new vscode.SnippetString(`${indent}// ${DIRECTIVE} ${ruleId} -- `).appendPlaceholder('reason').appendText('\n');
  return editor.insertSnippet(snippet, new vscode.Position(line, 0));
}

/** `TODO: x` → `TODO(@owner): x`; `DEBT(PAY-1): x` → `DEBT(@owner, PAY-1): x`, with the owner selected. */
async function addOwner(uri: vscode.Uri, tagRange: vscode.Range): Promise<boolean> {
  const editor = await vscode.window.showTextDocument(uri);
  const after = editor.document.getText(new vscode.Range(tagRange.end, tagRange.end.translate(0, 1)));
  const snippet = new vscode.SnippetString();
  if (after === '(') {
    snippet.appendText('@').appendPlaceholder('owner').appendText(', ');
    return editor.insertSnippet(snippet, tagRange.end.translate(0, 1));
  }
  snippet.appendText('(@').appendPlaceholder('owner').appendText(')');
  return editor.insertSnippet(snippet, tagRange.end);
}
