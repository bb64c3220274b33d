// One state of a rules file's code measured as records: run the checks, soften what the baseline
// (as it was in that state) knows, keep the debt and the remaining rule findings.
import type { GuardrailsProject } from '../analysis/project';
import { applyBaseline, readBaseline } from '../baseline/baseline';
import type { FileSystem } from '../fs/fileSystem';
import { recordState, type MeasuredState } from './records';

export function measureProject(project: GuardrailsProject, fs: FileSystem): MeasuredState {
  const result = project.check();
  const baselineFile = project.config.baseline;
  if (baselineFile) {
    const read = readBaseline(baselineFile, fs);
    if (read.ok) result.violations = applyBaseline(result.violations, read.baseline, project.config.root);
  }
  return recordState(result, project.config, (file) => fs.readFile(file));
}
