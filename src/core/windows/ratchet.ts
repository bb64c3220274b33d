// The ratchet: an ended window keeps what it reached. Where a goal's number in its scope is now
// above its value at the window's end, `check` reports `window-regressed`, on the window in the
// rules file and naming it, with the window's `hold` severity. Pure: the values at the end come
// from `heldValues` (git), the values now from the live analysis.
import type { RulesConfig } from '../model/ruleTypes';
import type { ReportedSeverity, Violation } from '../model/types';
import { measureState } from './measure';
import type { MeasuredState } from './records';
import { goalLabel } from './windowReport';

export const WINDOW_REGRESSED = 'window-regressed';

/** What an ended window reached: one value per goal, read at `commit` (the last on or before its end). */
export interface HeldValues {
  commit: string;
  values: number[];
}

export function ratchetFindings(config: RulesConfig, now: MeasuredState, held: ReadonlyMap<string, HeldValues>): Violation[] {
  const findings: Violation[] = [];
  for (const window of config.windows) {
    const reached = held.get(window.id);
    if (!reached || window.hold === 'off') continue;
    window.goals.forEach((goal, i) => {
      const atEnd = reached.values[i];
      const current = measureState(now, window, goal);
      if (atEnd === undefined || current <= atEnd) return;
      findings.push({
        ruleId: WINDOW_REGRESSED,
        severity: window.hold as ReportedSeverity,
        message: `window "${window.id}" regressed: ${goalLabel(goal)} is ${current}, above the ${atEnd} it reached by ${window.end} (commit ${reached.commit.slice(0, 7)})`,
        location: window.location,
        from: config.file,
        to: '',
      });
    });
  }
  return findings;
}
