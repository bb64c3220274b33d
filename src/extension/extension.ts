// Placeholder activation until the extension issue lands: proves the bundle loads in VS Code.
import * as vscode from 'vscode';

export interface GuardrailsApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): GuardrailsApi {
  const log = vscode.window.createOutputChannel('Guardrails', { log: true });
  context.subscriptions.push(log);
  log.info('Guardrails activated');
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {}
