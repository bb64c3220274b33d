// The custom requests (guardrails/...) that give the client's views, panel and dashboard their data,
// and the ones that wait for or restart the analysis. What they answer is built in ViewData.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { GuardrailsMethods } from './protocol';
import type { ViewData } from './viewData';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { previewStarterRules, type FileSystem } from '../core';

/** `viewData()` is asked on every request: the server makes a new one when the client's storage is known. */
export function registerViewRequests(connection: Connection, analysis: WorkspaceAnalysis, viewData: () => ViewData, fs: FileSystem): void {
  connection.onRequest(GuardrailsMethods.whenIdle, async () => {
    await analysis.whenIdle();
    return null;
  });
  connection.onRequest(GuardrailsMethods.reload, async () => {
    await analysis.reload();
    return null;
  });
  connection.onRequest(GuardrailsMethods.violations, async () => {
    await analysis.whenIdle();
    return viewData().violations();
  });
  connection.onRequest(GuardrailsMethods.debt, async () => {
    await analysis.whenIdle();
    return viewData().debt();
  });
  connection.onRequest(GuardrailsMethods.windows, withToken<{ force?: boolean }>((params, token) => viewData().windows(params?.force === true, token)));
  connection.onRequest(GuardrailsMethods.hotspots, () => viewData().hotspots());
  connection.onRequest(GuardrailsMethods.dashboard, withToken<{ force?: boolean }>((params, token) => viewData().dashboard(params?.force === true, token)));
  connection.onRequest(GuardrailsMethods.debtReport, () => viewData().debtReport());
  connection.onRequest(GuardrailsMethods.previewRules, (params: { folder: string }) => previewStarterRules(params.folder, fs, {}, analysis.currentSettings.today || undefined));
}

/** A request without params reaches its handler with the cancellation token alone (vscode-jsonrpc): both shapes land here. */
function withToken<P, R = unknown>(handler: (params: P | undefined, token: CancellationToken) => R): (...args: unknown[]) => R {
  return (...args) => handler((args.length > 1 ? args[0] : undefined) as P | undefined, args[args.length - 1] as CancellationToken);
}
