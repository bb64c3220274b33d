// One state of a rules file's code measured as records: run the checks, soften what the baseline
// (as it was in that state) knows, keep the debt and the remaining rule findings.
import type { GuardrailsProject } from '../analysis/project';
import { applyConfiguredBaseline } from '../analysis/applyConfiguredBaseline';
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import { recordState, type MeasuredState, type RecordDetail } from './records';

export function measureProject(project: GuardrailsProject, fs: FileSystem, detail: RecordDetail = 'full'): MeasuredState {
  const result = project.check();
  result.violations = applyConfiguredBaseline(result.violations, project.config, fs).violations;
  return recordState(result, project.config, (file) => fs.readFile(file), detail);
}

/** A state already checked (with its baseline applied) as records: the live analysis's "now". */
export function measureResult(result: AnalysisResult, config: RulesConfig, fs: FileSystem, detail: RecordDetail = 'full'): MeasuredState {
  return recordState(result, config, (file) => fs.readFile(file), detail);
}
