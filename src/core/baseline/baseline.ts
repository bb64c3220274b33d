// The baseline of known violations: file format, matching, and file I/O.
export {
  BASELINE_VERSION, emptyBaseline, normalizeBaseline, parseBaseline, serializeBaseline,
  type Baseline, type BaselineEntry, type ParseBaselineResult,
} from './baselineFormat';
export {
  ENGINE_FINDING_IDS, applyBaseline, createBaseline, fixedEntries, isBaselineable, violationKey,
  type CreateBaselineOptions,
} from './baselineMatch';
export { readBaseline, writeBaselineAtomic, type ReadBaselineResult, type WriteBaselineResult } from './baselineIo';
