// One state of a rules file's code measured as records: the findings an AnalysisSession checked
// (its baseline, as it was in that state, already applied), kept as debt and rule findings.
import type { FileSystem } from '../fs/fileSystem';
import type { RulesConfig } from '../model/ruleTypes';
import type { AnalysisResult } from '../model/types';
import { recordState, type MeasuredState, type RecordDetail } from './records';

/** A state checked by a session (the working tree now, or a past commit) as records. */
export function measureResult(result: AnalysisResult, config: RulesConfig, fs: FileSystem, detail: RecordDetail = 'full'): MeasuredState {
  return recordState(result, config, (file) => fs.readFile(file), detail);
}
