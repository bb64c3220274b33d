// The custom requests (guardrails/...) that give the client's views, panel and dashboard their data,
// and the ones that wait for or restart the analysis. What they answer is built in ViewData.
import type { Connection } from 'vscode-languageserver';
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
  connection.onRequest(GuardrailsMethods.windows, (params: { force?: boolean } | undefined) => viewData().windows(params?.force === true));
  connection.onRequest(GuardrailsMethods.hotspots, () => viewData().hotspots());
  connection.onRequest(GuardrailsMethods.dashboard, (params: { force?: boolean } | undefined) => viewData().dashboard(params?.force === true));
  connection.onRequest(GuardrailsMethods.debtReport, () => viewData().debtReport());
  connection.onRequest(GuardrailsMethods.previewRules, (params: { folder: string }) => previewStarterRules(params.folder, fs, {}, analysis.currentSettings.today || undefined));
}
