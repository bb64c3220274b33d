import * as path from 'node:path';
import type { FileSystem } from '../fs/fileSystem';
import { OverlayFileSystem } from '../fs/overlayFileSystem';
import type { AnalysisResult, ReportedSeverity } from '../model/types';
import { loadRules } from '../rules/loadRules';
import { starterRules } from '../rules/starterRules';
import type { LoadProgress } from './project';
import { AnalysisSession } from './session';

export interface RulesPreview {
  /** The proposed rules file, as it would be written. */
  text: string;
  files: number;
  /** Findings per rule, most first. */
  rules: { ruleId: string; severity: ReportedSeverity; count: number }[];
  debt: number;
}

/**
 * What a starter rules file for `folder` would find, before it is written: the proposal is read
 * from memory and checked against the folder as it is. Undefined when cancelled.
 */
export async function previewStarterRules(folder: string, fs: FileSystem, progress: LoadProgress = {}, today?: string): Promise<RulesPreview | undefined> {
  const text = starterRules(folder, fs);
  const overlay = new OverlayFileSystem(fs);
  const file = path.join(folder, 'guardrails.json');
  overlay.setOverlay(file, text);
  const loaded = loadRules(file, overlay);
  if (!loaded.ok) throw new Error(`the starter rules do not load: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
  const session = AnalysisSession.forConfigs([loaded.config], folder, { fs: overlay, today });
  if (!(await session.load(progress))) return undefined;
  return { text, ...summarise(session.result()) };
}

function summarise(result: AnalysisResult): Omit<RulesPreview, 'text'> {
  const counts = new Map<string, { ruleId: string; severity: ReportedSeverity; count: number }>();
  for (const violation of result.violations) {
    const entry = counts.get(violation.ruleId) ?? { ruleId: violation.ruleId, severity: violation.severity, count: 0 };
    entry.count++;
    counts.set(violation.ruleId, entry);
  }
  return { files: result.files, rules: [...counts.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)), debt: result.debt.length };
}
