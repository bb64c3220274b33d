import * as path from 'node:path';
import * as vscode from 'vscode';
import { addToBaseline } from '../../core/baseline/addToBaseline';
import { NodeFileSystem } from '../../core/fs/nodeFileSystem';
import { findRulesFile } from '../../core/rules/findRulesFile';
import { starterRules } from '../../core/rules/starterRules';
import { DIRECTIVE } from '../../core/suppress/suppressions';
import type { Violation } from '../../core/model/types';
import type { AnalysisService } from '../analysis/analysisService';
import { COMMANDS } from './commandIds';

const fs = new NodeFileSystem();

/** Every command of the extension; each one small, each returning something a test can check. */
export function registerCommands(service: AnalysisService, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.rerun, () => service.reload()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.showView, () => vscode.commands.executeCommand('workbench.view.extension.guardrails')),
    vscode.commands.registerCommand(COMMANDS.openRulesFile, openRulesFile),
    vscode.commands.registerCommand(COMMANDS.createRulesFile, createRulesFile),
    vscode.commands.registerCommand(COMMANDS.ignoreLine, ignoreLine),
    vscode.commands.registerCommand(COMMANDS.addToBaseline, (violation: Violation, rulesFile: string) => addViolationToBaseline(service, log, violation, rulesFile)),
    vscode.commands.registerCommand(COMMANDS.openRule, openAt),
    vscode.commands.registerCommand(COMMANDS.openTicket, openTicket),
    vscode.commands.registerCommand(COMMANDS.addOwner, addOwner),
  ];
}

async function openAt(file: string, line: number, column: number): Promise<vscode.TextEditor> {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  return vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(position, position) });
}

/** The rules file of the active editor's file, or of the first workspace folder. */
async function openRulesFile(): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const start = active?.scheme === 'file' ? active.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const file = start ? findRulesFile(start, fs) : undefined;
  if (file) return vscode.window.showTextDocument(vscode.Uri.file(file));
  const choice = await vscode.window.showInformationMessage('This workspace has no guardrails.json yet.', 'Create Rules File');
  return choice ? createRulesFile() : undefined;
}

/** Writes a starter guardrails.json from the folder structure (never overwrites one). */
async function createRulesFile(): Promise<vscode.TextEditor | undefined> {
  const folder = vscode.workspace.workspaceFolders?.length === 1
    ? vscode.workspace.workspaceFolders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the rules file go?' });
  if (!folder) return undefined;
  const target = vscode.Uri.joinPath(folder.uri, 'guardrails.json');
  if (!fs.fileExists(target.fsPath)) {
    await vscode.workspace.fs.writeFile(target, Buffer.from(starterRules(folder.uri.fsPath, fs), 'utf8'));
  }
  return vscode.window.showTextDocument(target);
}

/** Inserts a suppression above the line and leaves the cursor on the reason, which is required. */
async function ignoreLine(uri: vscode.Uri, line: number, ruleId: string): Promise<boolean> {
  const editor = await vscode.window.showTextDocument(uri);
  const indent = editor.document.lineAt(line).text.match(/^\s*/)?.[0] ?? '';
  const snippet = new vscode.SnippetString(`${indent}// ${DIRECTIVE} ${ruleId} -- `).appendPlaceholder('reason').appendText('\n');
  return editor.insertSnippet(snippet, new vscode.Position(line, 0));
}

async function addViolationToBaseline(service: AnalysisService, log: vscode.LogOutputChannel, violation: Violation, rulesFile: string): Promise<boolean> {
  const entry = service.results().find(({ project }) => project.config.file === rulesFile);
  if (!entry) return false;
  const config = entry.project.config;
  const file = config.baseline ?? path.join(config.root, '.guardrails', 'baseline.json');
  const written = addToBaseline(file, violation, config.root, fs);
  if (!written.ok) {
    log.warn(`cannot add to the baseline: ${written.message}`);
    void vscode.window.showWarningMessage(`Guardrails: cannot add to the baseline: ${written.message}`);
    return false;
  }
  if (!config.baseline) {
    void vscode.window.showInformationMessage(`Guardrails wrote ${vscode.workspace.asRelativePath(file)}; add "baseline": ".guardrails/baseline.json" to the rules file to use it.`);
  }
  service.baselineChanged(file);
  return true;
}

/** Opens a debt item's ticket in the browser: http and https only, never other schemes. */
async function openTicket(url: string): Promise<boolean> {
  const uri = vscode.Uri.parse(url, true);
  if (uri.scheme !== 'http' && uri.scheme !== 'https') return false;
  return vscode.env.openExternal(uri);
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
