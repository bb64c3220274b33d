import type { ConfigProblem } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import type { LoadProgress } from './project';
import { AnalysisSession, type OpenOptions } from './session';

export type AnalyzeOptions = Omit<OpenOptions, 'previous' | 'skipRulesFiles' | 'keepBaselines'> & LoadProgress;

export type AnalyzeOutcome =
  | { ok: true; result: AnalysisResult; session: AnalysisSession }
  | { ok: false; message: string; problems: ConfigProblem[] };

/**
 * A one-shot session over a folder (what every command runs): open, load, and the whole report.
 * `beforeLoad` sees the session once its rules are known, to start work that needs only them.
 */
export async function analyzeDirectory(dir: string, options: AnalyzeOptions = {}, beforeLoad?: (session: AnalysisSession) => void): Promise<AnalyzeOutcome> {
  const started = performance.now();
  const opened = AnalysisSession.open(dir, options);
  if (!opened.ok) return opened;
  const { session } = opened;
  beforeLoad?.(session);
  if (!(await session.load(options))) return { ok: false, message: 'cancelled', problems: [] };
  const result = session.result();
  result.durationMs = Math.round(performance.now() - started);
  return { ok: true, result, session };
}
