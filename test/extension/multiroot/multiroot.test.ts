// Two folders, two rules files: each folder's files follow its own rules, each finding once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForEvent } from '../wait';

const folder = (name: string): vscode.Uri => vscode.workspace.workspaceFolders!.find((candidate) => candidate.name === name)!.uri;
const guardrails = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'guardrails');
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('a multi-root workspace', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension('guardrails.guardrails')!.activate();
  });

  it('checks each folder with its own rules, and shows each finding once', async () => {
    assert.deepEqual(vscode.workspace.workspaceFolders!.map((f) => f.name), ['app', 'lib']);
    const rule = vscode.Uri.joinPath(folder('app'), 'src', 'domain', 'rule.ts');
    const parse = vscode.Uri.joinPath(folder('lib'), 'src', 'core', 'parse.ts');
    await waitForEvent('findings in both folders', vscode.languages.onDidChangeDiagnostics, () =>
      guardrails(rule).length > 0 && guardrails(parse).length > 1 ? true : undefined, 20_000);
    assert.deepEqual(guardrails(rule).map((d) => [codeOf(d), d.severity, d.range.start.line]), [['app-layered', vscode.DiagnosticSeverity.Error, 0]]);
    assert.deepEqual(guardrails(parse).map((d) => [codeOf(d), d.severity, d.range.start.line]).sort(), [
      ['debt/TODO', vscode.DiagnosticSeverity.Hint, 2],
      ['lib-core-pure', vscode.DiagnosticSeverity.Warning, 0],
    ]);
  });
});
