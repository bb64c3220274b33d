// A new user's first minutes: a workspace without a rules file, the walkthrough, Create Rules File
// with its preview, the first findings, a refactoring window.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot } from '../screenshot';
import { codeOf, root, uri, waitForDiagnostics } from '../editor';

interface Preview { files: number; rules: { ruleId: string; severity: string; count: number }[]; debt: number; text: string }

describe('the first run in a workspace without rules', function () {
  this.timeout(90_000);

  it('shows the walkthrough (screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'guardrails.guardrails#start', false);
    const file = await requestScreenshot('walkthrough');
    if (file) assert.ok((await import('node:fs')).statSync(file).size > 10_000, 'the screenshot has content');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates a rules file from the folders there are, after saying what it would find', async () => {
    assert.equal(await exists(uri('guardrails.json')), false, 'the workspace starts without rules');
    const created = await vscode.commands.executeCommand<{ preview?: Preview; editor?: vscode.TextEditor }>('guardrails.createRulesFile', { confirm: false });
    const preview = created.preview!;
    // The fixture's folders under src/ become layers; the preview counts what they would find.
    assert.match(preview.text, /"domain": "src\/domain\/\*\*"/);
    assert.match(preview.text, /"ui": "src\/ui\/\*\*"/);
    assert.ok(preview.files > 0, 'files were analysed');
    assert.equal(preview.debt, 2, 'the two debt tags of the fixture');
    assert.equal(created.editor?.document.uri.fsPath, uri('guardrails.json').fsPath);
    assert.equal(created.editor?.document.getText(), preview.text, 'what was previewed is what was written');
    // The server picks the new rules file up by itself: the first findings appear.
    await waitForDiagnostics('src/domain/order.ts', 'the first findings', (all) => all.some((d) => codeOf(d) === 'debt/DEBT'));
  });

  it('sets a baseline of what is there, for the editor and CI alike', async () => {
    assert.equal(await vscode.commands.executeCommand<boolean>('guardrails.updateBaseline'), true);
    const written = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(uri('.guardrails/baseline.json'))).toString('utf8')) as { version: number; violations: unknown[] };
    assert.equal(typeof written.version, 'number');
    assert.ok(Array.isArray(written.violations));
  });

  it('adds a refactoring window to the rules file, with its fields to fill in', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('guardrails.addWindow');
    assert.ok(editor, 'the rules file is open');
    const text = editor.document.getText();
    assert.match(text, /"windows": \[\n {4}\{ "id": "pay-down", "title": "Pay down debt in one area", "start": "\d{4}-\d\d-\d\d", "end": "\d{4}-\d\d-\d\d", "scope": \["src\/\*\*"\], "goals": \[\{ "metric": "debt", "target": 0 \}\] \}\n {2}\]/);
    assert.equal(editor.document.getText(editor.selection), 'pay-down', 'the id is selected to be typed over');
    await editor.document.save();
    // A window in the rules file is valid: no rules-file problem appears.
    const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'guardrails' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(problems.map((d) => d.message), []);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), 'guardrails.json')).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), '.guardrails'), { recursive: true }).then(undefined, () => undefined);
  });
});

async function exists(target: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
    return true;
  } catch {
    return false;
  }
}
