// One state of a rules file's code measured as records: run the checks, soften what the baseline
// (as it was in that state) knows, keep the debt and the remaining rule findings.
import type { GuardrailsProject } from '../analysis/project';
import { applyConfiguredBaseline } from '../analysis/applyConfiguredBaseline';
import type { FileSystem } from '../fs/fileSystem';
import { recordState, type MeasuredState } from './records';

export function measureProject(project: GuardrailsProject, fs: FileSystem): MeasuredState {
  const result = project.check();
  result.violations = applyConfiguredBaseline(result.violations, project.config, fs).violations;
  return recordState(result, project.config, (file) => fs.readFile(file));
}
