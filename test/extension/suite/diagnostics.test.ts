// What a developer sees in the editor: diagnostics for the whole workspace, updated as they type,
// quick fixes that work, problems in a broken rules file, and the status bar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { requestScreenshot } from '../screenshot';
import { codeOf, guardrailsDiagnostics, openEditor, revert, uri, waitForDiagnostics } from '../editor';
import { waitUntil } from '../wait';

interface GuardrailsApi {
  version: string;
  whenIdle(): Promise<void>;
  results(): { files: number }[];
  statusText(): string;
}

describe('Guardrails diagnostics in the editor', function () {
  this.timeout(60_000);
  let api: GuardrailsApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<GuardrailsApi>('guardrails.guardrails')!;
    api = await extension.activate();
    await waitForDiagnostics('src/domain/order.ts', 'the first analysis', (diagnostics) => diagnostics.length > 0);
  });

  it('shows every finding where it is written, in files that are not open too', async () => {
    const order = guardrailsDiagnostics('src/domain/order.ts');
    const layered = order.find((diagnostic) => codeOf(diagnostic) === 'layered')!;
    assert.ok(layered, 'the layered violation is shown');
    assert.equal(layered.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([layered.range.start.line, layered.range.start.character, layered.range.end.character], [0, 28, 42]);
    assert.match(layered.message, /layer domain must not import the outer layer ui/);
    assert.match(layered.message, /Why: The UI depends on the domain, never the reverse\./);
    const target = (layered.code as { target: vscode.Uri }).target;
    assert.ok(target.fsPath.endsWith('guardrails.json'));
    assert.equal(target.fragment, 'L9,5');
    assert.ok(layered.relatedInformation?.some((info) => info.message.startsWith('rule "layered"')));

    const debt = order.find((diagnostic) => codeOf(diagnostic) === 'debt/DEBT')!;
    assert.equal(debt.range.start.line, 7);
    assert.match(debt.message, /^DEBT: the domain should not format prices for display\. \(owner ana, ticket PAY-9\)$/);
    assert.equal((debt.code as { target: vscode.Uri }).target.toString(true), 'https://tracker.example.com/browse/PAY-9');

    // ui/format.ts was never opened: its TODO is there, as a hint so the Problems panel stays calm.
    const todo = guardrailsDiagnostics('src/ui/format.ts');
    assert.deepEqual(todo.map((diagnostic) => [codeOf(diagnostic), diagnostic.severity, diagnostic.range.start.line]), [['debt/TODO', vscode.DiagnosticSeverity.Hint, 0]]);
  });

  it('re-checks an unsaved edit: a forbidden import appears, then goes when removed', async () => {
    const editor = await openEditor('src/domain/order.ts');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), "import { query } from '../infra/db';\n"));
    const added = await waitForDiagnostics('src/domain/order.ts', 'domain-pure', (all) => all.some((d) => codeOf(d) === 'domain-pure'));
    const forbidden = added.find((d) => codeOf(d) === 'domain-pure')!;
    assert.deepEqual([forbidden.range.start.line, forbidden.range.start.character], [1, 22]);
    await editor.edit((edit) => edit.delete(editor.document.lineAt(1).rangeIncludingLineBreak));
    await waitForDiagnostics('src/domain/order.ts', 'domain-pure gone', (all) => !all.some((d) => codeOf(d) === 'domain-pure'));
    await revert(editor);
  });

  it('updates every file of a cycle when an edit closes it, and clears them when it opens again', async () => {
    const editor = await openEditor('src/ui/format.ts');
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), "import { render } from './view';\nexport const again = render;\n"));
    for (const rel of ['src/ui/view.ts', 'src/domain/order.ts', 'src/ui/format.ts']) {
      const diagnostics = await waitForDiagnostics(rel, 'no-cycles', (all) => all.some((d) => codeOf(d) === 'no-cycles'));
      const cycle = diagnostics.find((d) => codeOf(d) === 'no-cycles')!;
      // Reported on the import just typed; the other files show it as part of the cycle.
      assert.match(cycle.message, /import cycle: src\/ui\/format\.ts → src\/ui\/view\.ts → src\/domain\/order\.ts → src\/ui\/format\.ts/);
      assert.equal(cycle.message.startsWith('part of '), rel !== 'src/ui/format.ts');
      assert.equal(cycle.relatedInformation?.filter((info) => info.message.includes(' imports ')).length, 3);
    }
    const onImport = guardrailsDiagnostics('src/ui/format.ts').find((d) => codeOf(d) === 'no-cycles')!;
    assert.deepEqual([onImport.range.start.line, onImport.range.start.character], [0, 23]);
    await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 2, 0)));
    for (const rel of ['src/ui/view.ts', 'src/domain/order.ts', 'src/ui/format.ts']) {
      await waitForDiagnostics(rel, 'no-cycles gone', (all) => !all.some((d) => codeOf(d) === 'no-cycles'));
    }
    await revert(editor);
  });

  it('offers quick fixes, and "Ignore this line" inserts a suppression with the cursor on the reason', async () => {
    const editor = await openEditor('src/domain/order.ts');
    const range = new vscode.Range(0, 30, 0, 30);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore layered on this line with a reason'), titles.join(' | '));
    assert.ok(titles.includes('Add to baseline (known layered violation)'));
    assert.ok(titles.includes('Open rule layered'));

    const ignore = actions.find((action) => action.title.startsWith('Ignore layered'))!;
    await vscode.commands.executeCommand(ignore.command!.command, ...(ignore.command!.arguments ?? []));
    assert.equal(editor.document.lineAt(0).text, '// guardrails-ignore-next-line layered -- reason');
    assert.equal(editor.document.getText(editor.selection), 'reason', 'the reason placeholder is selected');
    await editor.edit((edit) => edit.replace(editor.selection, 'formatting moves to the UI in PAY-9'));
    await waitForDiagnostics('src/domain/order.ts', 'layered suppressed', (all) => !all.some((d) => codeOf(d) === 'layered'));
    await revert(editor);
    await waitForDiagnostics('src/domain/order.ts', 'layered back', (all) => all.some((d) => codeOf(d) === 'layered'));
  });

  it('explains an import on hover: both layers and the rules that apply', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri('src/domain/order.ts'), new vscode.Position(0, 32));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /`src\/domain\/order\.ts` \(layer \*\*domain\*\*\) → `src\/ui\/format\.ts` \(layer \*\*ui\*\*\)/);
    assert.match(text, /`layered` \(layers, error\)/);
    assert.match(text, /`no-cycles` \(no-cycle, warning\)/);
  });

  it('shows the problems of a broken rules file in it, and warns in the status bar', async () => {
    assert.equal(api.statusText(), '$(shield) $(error) 1 $(warning) 0 · 2 debt');
    const editor = await openEditor('guardrails.json');
    const text = editor.document.getText();
    const at = text.indexOf('"domain"]');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 8)), '"domian"'));
    const problems = await waitForDiagnostics('guardrails.json', 'the unknown layer', (all) => all.some((d) => /unknown layer "domian"/.test(d.message)));
    const problem = problems.find((d) => /unknown layer/.test(d.message))!;
    assert.match(problem.message, /did you mean "domain"\?/);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([problem.range.start.line, problem.range.start.character], [editor.document.positionAt(at).line, editor.document.positionAt(at).character]);
    await waitUntil('a warning in the status bar', () => (api.statusText().startsWith('$(warning)') ? true : undefined));
    // The last good analysis stays: the layered violation is still shown.
    assert.ok(guardrailsDiagnostics('src/domain/order.ts').some((d) => codeOf(d) === 'layered'));
    await revert(editor);
    await waitForDiagnostics('guardrails.json', 'the problems gone', (all) => !all.some((d) => /unknown layer/.test(d.message)));
  });
});

describe('what the editor looks like', function () {
  this.timeout(60_000);

  it('shows the diagnostics and the quick-fix menu on a forbidden import (screenshot)', async () => {
    const editor = await openEditor('src/domain/order.ts');
    editor.selection = new vscode.Selection(0, 32, 0, 32);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('editor.action.quickFix');
    // The menu renders asynchronously; asking for its actions waits until the provider answered.
    await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection);
    const file = await requestScreenshot('editor-quick-fix');
    if (file) assert.ok((await import('node:fs')).statSync(file).size > 10_000, 'the screenshot has content');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });
});
