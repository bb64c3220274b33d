// The rest of a working day: rules-file IntelliSense, more quick fixes, files coming and going,
// settings, and commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, hoverText, openEditor, revert, root, uri, waitForDiagnostics } from '../editor';
import { waitUntil } from '../wait';

describe('Guardrails across the workspace', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension('guardrails.guardrails')!.activate();
    await waitForDiagnostics('src/domain/order.ts', 'the first analysis', (all) => all.some((d) => codeOf(d) === 'layered'));
  });

  after(() => {
    fs.rmSync(path.join(root().fsPath, '.guardrails'), { recursive: true, force: true });
    fs.rmSync(path.join(root().fsPath, '.vscode'), { recursive: true, force: true });
    fs.rmSync(path.join(root().fsPath, 'src', 'domain', 'extra.ts'), { force: true });
    fs.rmSync(path.join(root().fsPath, 'src', 'domain', 'scratch'), { recursive: true, force: true });
  });

  it('completes and documents the rules file from its schema', async () => {
    const editor = await openEditor('guardrails.json');
    const text = editor.document.getText();
    const end = editor.document.positionAt(text.indexOf('"severity": "warning" }') + '"severity": "warning" }'.length);
    await editor.edit((edit) => edit.insert(end, ',\n    { "id": "new-rule", "kind": "" }'));
    const inKind = editor.document.positionAt(editor.document.getText().indexOf('"kind": ""') + '"kind": "'.length);
    const completions = await waitUntil('kind completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inKind);
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
      return labels.includes('no-cycle') ? labels : undefined;
    });
    for (const kind of ['forbidden', 'allowed', 'layers', 'entry-point', 'no-unresolved']) assert.ok(completions.includes(kind), `${kind} in ${completions.join(', ')}`);
    const onSeverity = editor.document.positionAt(text.indexOf('"severity"') + 3);
    const docs = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, onSeverity));
    assert.match(docs, /error|warning|info|off/i);
    await revert(editor);
  });

  it('shows a layer\'s globs and file count on hover, and each rule\'s violations above it', async () => {
    const document = await vscode.workspace.openTextDocument(uri('guardrails.json'));
    const onUi = document.positionAt(document.getText().indexOf('"ui": "src/ui/**"') + 2);
    const layer = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, onUi));
    assert.match(layer, /\*\*Layer ui\*\*/);
    assert.match(layer, /`src\/ui\/\*\*`/);
    assert.match(layer, /2 files/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((lens) => [lens.range.start.line + 1, lens.command?.title]);
    assert.deepEqual(titles, [[9, '1 violation'], [11, '✓ no violations'], [13, '✓ no violations']]);
  });

  it('adds an owner to a debt tag, with the owner selected', async () => {
    const editor = await openEditor('src/ui/format.ts');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 4, 0, 4));
    const add = actions.find((action) => action.title === 'Add an owner to this TODO');
    assert.ok(add, actions.map((action) => action.title).join(' | '));
    await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? []));
    assert.equal(editor.document.lineAt(0).text, "// TODO(@owner): use the user's locale.");
    assert.equal(editor.document.getText(editor.selection), 'owner');
    await revert(editor);
  });

  it('offers to open a debt item\'s ticket', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri('src/domain/order.ts'), new vscode.Range(7, 4, 7, 4));
    const open = actions.find((action) => action.title === 'Open ticket PAY-9');
    assert.ok(open, actions.map((action) => action.title).join(' | '));
    assert.deepEqual(open.command!.arguments, ['https://tracker.example.com/browse/PAY-9']);
  });

  it('adds a violation to the baseline, which softens it in place', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri('src/domain/order.ts'), new vscode.Range(0, 30, 0, 30));
    const baseline = actions.find((action) => action.title.startsWith('Add to baseline'))!;
    assert.equal(await vscode.commands.executeCommand(baseline.command!.command, ...(baseline.command!.arguments ?? [])), true);
    const written = JSON.parse(fs.readFileSync(path.join(root().fsPath, '.guardrails', 'baseline.json'), 'utf8'));
    assert.deepEqual(written.violations, [{ ruleId: 'layered', file: 'src/domain/order.ts', to: 'src/ui/format.ts', count: 1 }]);
    const softened = await waitForDiagnostics('src/domain/order.ts', 'a baselined layered finding', (all) =>
      all.some((d) => codeOf(d) === 'layered' && d.severity === vscode.DiagnosticSeverity.Hint));
    assert.match(softened.find((d) => codeOf(d) === 'layered')!.message, /^\(baselined\) /);
    fs.rmSync(path.join(root().fsPath, '.guardrails'), { recursive: true, force: true });
    await vscode.commands.executeCommand('guardrails.rerun');
    await waitForDiagnostics('src/domain/order.ts', 'layered as an error again', (all) =>
      all.some((d) => codeOf(d) === 'layered' && d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('follows files created and deleted on disk', async () => {
    const extra = uri('src/domain/extra.ts');
    await vscode.workspace.fs.writeFile(extra, Buffer.from("import { query } from '../infra/db';\n\nexport const extra = query;\n"));
    const found = await waitForDiagnostics('src/domain/extra.ts', 'domain-pure in a new file', (all) => all.some((d) => codeOf(d) === 'domain-pure'));
    assert.equal(found[0].range.start.line, 0);
    await vscode.workspace.fs.delete(extra);
    await waitForDiagnostics('src/domain/extra.ts', 'nothing once deleted', (all) => all.length === 0);
  });

  it('forgets the files of a folder deleted on disk', async () => {
    const dir = uri('src/domain/scratch');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'a.ts'), Buffer.from("import { query } from '../../infra/db';\n\nexport const a = query;\n"));
    await waitForDiagnostics('src/domain/scratch/a.ts', 'domain-pure in a new folder', (all) => all.some((d) => codeOf(d) === 'domain-pure'));
    await vscode.workspace.fs.delete(dir, { recursive: true });
    await waitForDiagnostics('src/domain/scratch/a.ts', 'nothing once the folder is gone', (all) => all.length === 0);
  });

  it('goes back to the file on disk when an unsaved buffer is closed without saving', async () => {
    const editor = await openEditor('src/domain/order.ts');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), "import { query } from '../infra/db';\n"));
    await waitForDiagnostics('src/domain/order.ts', 'domain-pure while unsaved', (all) => all.some((d) => codeOf(d) === 'domain-pure'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics('src/domain/order.ts', 'domain-pure gone with the buffer', (all) => !all.some((d) => codeOf(d) === 'domain-pure'));
  });

  it('removes an unused suppression and keeps the code written before it on the line', async () => {
    const editor = await openEditor('src/ui/view.ts');
    const last = editor.document.lineCount;
    await editor.edit((edit) => edit.insert(new vscode.Position(last, 0), 'export const z = 1; // guardrails-ignore-next-line layered -- nothing to hide\n'));
    const [unused] = (await waitForDiagnostics('src/ui/view.ts', 'an unused suppression', (all) => all.some((d) => codeOf(d) === 'unused-suppression')))
      .filter((d) => codeOf(d) === 'unused-suppression');
    assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, unused.range);
    const remove = actions.find((action) => action.title === 'Remove unused suppression')!;
    assert.ok(await vscode.workspace.applyEdit(remove.edit!));
    assert.equal(editor.document.lineAt(unused.range.start.line).text, 'export const z = 1;');
    await revert(editor);
  });

  it('hides the kinds of findings the settings leave out', async () => {
    const config = vscode.workspace.getConfiguration('guardrails');
    await config.update('show', ['architecture', 'cycles', 'unresolved', 'suppressions'], vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics('src/domain/order.ts', 'no debt shown', (all) => !all.some((d) => codeOf(d).startsWith('debt/')) && all.some((d) => codeOf(d) === 'layered'));
    await config.update('show', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics('src/domain/order.ts', 'debt shown again', (all) => all.some((d) => codeOf(d) === 'debt/DEBT'));
  });

  it('with guardrails.newSince, shows what was already there at the ref softened and a new finding at full severity', async () => {
    // The fixture is committed: at HEAD, everything it holds was already there.
    const config = vscode.workspace.getConfiguration('guardrails');
    await config.update('newSince', 'HEAD', vscode.ConfigurationTarget.Workspace);
    const isLayered = (d: vscode.Diagnostic) => codeOf(d) === 'layered';
    const softened = await waitForDiagnostics('src/domain/order.ts', 'the committed violation softened', (all) => all.some((d) => isLayered(d) && d.severity === vscode.DiagnosticSeverity.Hint));
    assert.match(softened.find(isLayered)!.message, /^\(existing\) layer domain must not import the outer layer ui/);
    const editor = await openEditor('src/domain/order.ts');
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), "import { query } from '../infra/db';\n"));
    const added = await waitForDiagnostics('src/domain/order.ts', 'the new import', (all) => all.some((d) => codeOf(d) === 'domain-pure'));
    assert.equal(added.find((d) => codeOf(d) === 'domain-pure')!.severity, vscode.DiagnosticSeverity.Error);
    await revert(editor);
    await config.update('newSince', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics('src/domain/order.ts', 'every finding at its own severity again', (all) => all.some((d) => isLayered(d) && d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('opens the rules file that governs the active file', async () => {
    await openEditor('src/ui/view.ts');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('guardrails.openRulesFile');
    assert.equal(editor?.document.uri.fsPath, uri('guardrails.json').fsPath);
  });
});
