// Hotspots (DESIGN section 4): files with at least one finding, ranked by how often they change
// times how many findings they hold. Paying debt where code changes most pays most; this is where
// a lead picks the next window's scope.
import type { AnalysisResult } from '../model/types';
import { compareBy, relativeFile } from '../util/relativePaths';
import type { FileChanges } from './changeCounts';

export interface Hotspot {
  /** Root-relative with `/`. */
  file: string;
  /** Non-merge commits touching it in the period. */
  changes: number;
  /** Lines added plus deleted by them. */
  churn: number;
  debt: number;
  /** Findings the baseline does not cover. */
  violations: number;
  /** changes × (debt + violations). */
  score: number;
}

export interface HotspotsReport {
  version: string;
  root: string;
  today: string;
  /** The period changes are counted in, both days included. */
  from: string;
  days: number;
  hotspots: Hotspot[];
}

export function rankHotspots(result: AnalysisResult, changes: ReadonlyMap<string, FileChanges>): Hotspot[] {
  const findings = new Map<string, { debt: number; violations: number }>();
  const entry = (file: string) => {
    let counts = findings.get(file);
    if (!counts) {
      counts = { debt: 0, violations: 0 };
      findings.set(file, counts);
    }
    return counts;
  };
  for (const violation of result.violations) if (!violation.baselined) entry(violation.location.file).violations++;
  for (const item of result.debt) entry(item.file).debt++;
  const hotspots = [...findings].map(([file, counts]): Hotspot => {
    const changed = changes.get(file) ?? { changes: 0, churn: 0 };
    return { file: relativeFile(result.root, file), changes: changed.changes, churn: changed.churn, ...counts, score: changed.changes * (counts.debt + counts.violations) };
  });
  return hotspots.sort(compareBy((h) => -h.score, (h) => -h.changes, (h) => -(h.debt + h.violations), (h) => h.file));
}
