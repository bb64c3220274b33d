import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';

/**
 * Add a Refactoring Window: inserts a two-week window starting today into the rules file, with the
 * id, title, scope and goal as placeholders to type. Returns the editor, or undefined without a
 * rules file.
 */
export async function addWindow(rulesFile: vscode.Uri | undefined, today: string): Promise<vscode.TextEditor | undefined> {
  if (!rulesFile) {
    void vscode.window.showInformationMessage('Create a rules file first: Guardrails: Create Rules File.');
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(rulesFile);
  const document = editor.document;
  const root = parseTree(document.getText());
  if (!root || root.type !== 'object') {
    void vscode.window.showWarningMessage('Guardrails: the rules file is not a JSON object; fix it first.');
    return editor;
  }
  const windows = findNodeAtLocation(root, ['windows']);
  const snippet = new vscode.SnippetString();
  let at: number;
  if (windows?.type === 'array') {
    const last = windows.children?.[windows.children.length - 1];
    at = last ? last.offset + last.length : windows.offset + 1;
    snippet.appendText(last ? ',\n    ' : '\n    ');
    appendWindow(snippet, today);
    if (!last) snippet.appendText('\n  ');
  } else {
    const last = root.children?.[root.children.length - 1];
    at = last ? last.offset + last.length : root.offset + 1;
    snippet.appendText(`${last ? ',' : ''}\n  "windows": [\n    `);
    appendWindow(snippet, today);
    snippet.appendText('\n  ]');
  }
  // The snippet carries its own indentation: VS Code must not add the current line's to it.
  await editor.insertSnippet(snippet, document.positionAt(at), { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  return editor;
}

function appendWindow(snippet: vscode.SnippetString, today: string): void {
  snippet.appendText('{ "id": "').appendPlaceholder('pay-down', 1).appendText('", "title": "').appendPlaceholder('Pay down debt in one area', 2)
    .appendText(`", "start": "${today}", "end": "${addDays(today, 13)}", "scope": ["`).appendPlaceholder('src/**', 3)
    .appendText('"], "goals": [{ "metric": "debt", "target": ').appendPlaceholder('0', 4).appendText(' }] }');
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
