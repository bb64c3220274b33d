// The Guardrails extension loads in a real VS Code, activates in a workspace that has a
// guardrails.json, and says so in its Output channel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitForEvent, waitUntil } from '../wait';

const EXTENSION_ID = 'guardrails.guardrails';
/** out/test/extension/suite → repository root. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
/** VS Code names an extension's log channel `<extension id>.<channel name>`. */
const OUTPUT_CHANNEL_ID = `${EXTENSION_ID}.Guardrails`;

interface GuardrailsApi {
  version: string;
}

function guardrails(): vscode.Extension<GuardrailsApi> {
  const extension = vscode.extensions.getExtension<GuardrailsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension;
}

describe('Guardrails in VS Code', () => {
  it('runs in VS Code 1.100 with the fixture workspace open', () => {
    assert.match(vscode.version, /^1\.100\./);
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.ok(fs.existsSync(path.join(folders[0].uri.fsPath, 'guardrails.json')), 'the workspace has no guardrails.json');
  });

  it('is the extension built from this repository, or the VSIX packaged from it', () => {
    const { extensionPath } = guardrails();
    if (process.env.GUARDRAILS_EXPECT_INSTALLED === '1') {
      // Installed from the VSIX: its own folder, with the bundles and nothing of the sources.
      assert.notEqual(extensionPath, REPO_ROOT);
      assert.match(path.basename(extensionPath), /^guardrails\.guardrails-\d+\.\d+\.\d+$/);
      assert.ok(fs.existsSync(path.join(extensionPath, 'dist', 'server.js')), 'the language server is packaged');
      assert.ok(!fs.existsSync(path.join(extensionPath, 'src')), 'no sources in the package');
    } else {
      assert.equal(extensionPath, REPO_ROOT);
    }
  });

  it('activates by itself in a workspace with a guardrails.json', async () => {
    const extension = guardrails();
    await waitUntil('Guardrails to activate', () => (extension.isActive ? true : undefined), 15_000);
    assert.equal(extension.exports.version, manifest.version);
  });

  it('logs its activation to the Guardrails output channel', async () => {
    await guardrails().activate();
    // The channel is registered with the workbench asynchronously; its "show" command says it is.
    const showCommand = `workbench.action.output.show.${OUTPUT_CHANNEL_ID}`;
    await waitUntil(`command ${showCommand}`, async () => ((await vscode.commands.getCommands(true)).includes(showCommand) ? true : undefined));
    await vscode.commands.executeCommand(showCommand);

    const shown = () =>
      vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'output' && doc.uri.path === OUTPUT_CHANNEL_ID && doc.getText().includes('Guardrails activated'));
    const channel = await waitForEvent('"Guardrails activated" in the Output view', vscode.workspace.onDidChangeTextDocument, shown);
    assert.match(channel.getText(), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[info\] Guardrails activated in \d+\.\d ms$/m);
  });
});
