// The panel suites start the same way: the extension active, "today" pinned so the dated history
// gives known numbers, and the server's first measurement of the windows done.
import * as vscode from 'vscode';
import { waitUntil } from '../wait';

interface WindowsApi {
  windows(): Promise<{ today: string; windows: unknown[] } | undefined>;
}

export async function activateWithWindowsMeasured<Api extends WindowsApi>(today: string): Promise<{ api: Api; extensionPath: string }> {
  const extension = vscode.extensions.getExtension<Api>('guardrails.guardrails')!;
  const api = await extension.activate();
  await vscode.workspace.getConfiguration('guardrails').update('today', today, vscode.ConfigurationTarget.Workspace);
  await waitUntil('the windows measured', async () => {
    const data = await api.windows();
    return data?.today === today && data.windows.length > 0 ? data : undefined;
  }, 60_000);
  return { api, extensionPath: extension.extensionPath };
}
