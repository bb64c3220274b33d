// What the editor suites share: paths in the fixture workspace, Guardrails' diagnostics, bounded
// waits for them, editors that are reverted after each test.
import * as vscode from 'vscode';
import { waitForEvent } from './wait';

export const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0].uri;
export const uri = (rel: string): vscode.Uri => vscode.Uri.joinPath(root(), rel);

export const codeOf = (diagnostic: vscode.Diagnostic): string =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

export const guardrailsDiagnostics = (rel: string): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri(rel)).filter((diagnostic) => diagnostic.source === 'guardrails');

/** Resolves with a file's Guardrails diagnostics once `check` accepts them (15 s at most). */
export function waitForDiagnostics(rel: string, what: string, check: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForEvent(`${what} in ${rel}`, vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = guardrailsDiagnostics(rel);
    return check(diagnostics) ? diagnostics : undefined;
  }, 15_000);
}

export async function openEditor(rel: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(rel)));
}

/** Throws away unsaved edits so each test starts from the files on disk. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}
