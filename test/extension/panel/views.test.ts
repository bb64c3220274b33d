// What a lead and a developer see side by side on the example shop: the Guardrails sidebar (windows,
// Debt, Architecture) beside a file with two findings and the hover on the import that causes them.
// The screenshot is one of the README's (scripts/docs/screenshots.sh copies it to media/screenshots/).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { requestScreenshot } from '../screenshot';
import { codeOf, hoverText, openEditor, waitForDiagnostics } from '../editor';
import { waitUntil } from '../wait';

interface GuardrailsApi {
  viewRows(view: 'debt' | 'architecture'): Promise<{ label: string }[]>;
}

const FILE = 'src/features/checkout/checkoutService.ts';
/** How many steps the sidebar is widened for the picture, so that tree rows are not cut short. */
const WIDER = 3;

describe('the Guardrails views beside a file with findings', function () {
  this.timeout(60_000);

  it('shows Debt and Architecture in the sidebar and a finding with its hover (screenshot)', async () => {
    const api = await vscode.extensions.getExtension<GuardrailsApi>('guardrails.guardrails')!.activate();
    const rules = await waitUntil('the Architecture view filled', async () => {
      const rows = await api.viewRows('architecture');
      return rows.length > 0 ? rows.map((row) => row.label) : undefined;
    }, 20_000);
    assert.ok(rules.includes('features-isolated') && rules.includes('public-api'), `rules listed: ${rules.join(', ')}`);
    assert.ok((await api.viewRows('debt')).length > 0, 'the Debt view has rows');

    const editor = await openEditor(FILE);
    const found = await waitForDiagnostics(FILE, 'both findings on the import', (all) => ['features-isolated', 'public-api'].every((id) => all.some((d) => codeOf(d) === id)));
    const position = found[0].range.start.translate(0, 2);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.view.extension.guardrails');
    await resizeEditor('workbench.action.decreaseViewWidth');
    await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(position, position);
    // Asking the hover providers first waits until Guardrails answered; then the widget shows it.
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position));
    assert.match(hover, /features-isolated/);
    await vscode.commands.executeCommand('editor.action.showHover');
    await vscode.commands.executeCommand('notifications.clearAll');
    const file = await requestScreenshot('views');
    if (file) assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');

    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
    await resizeEditor('workbench.action.increaseViewWidth');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

/** Narrows or widens the editor ("Decrease/Increase Editor Width"), and so widens or narrows the sidebar. */
async function resizeEditor(command: string): Promise<void> {
  for (let step = 0; step < WIDER; step++) await vscode.commands.executeCommand(command);
}
