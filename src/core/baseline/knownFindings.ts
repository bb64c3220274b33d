// A baseline as the checks ask it: how many findings of a rule it lists on imports from one file to
// a target. The same baseline and root give the same object, so a check can tell nothing changed.
import type { KnownFindings } from '../model/types';
import { relativeFile, relativeTarget } from '../util/relativePaths';
import { entryKey, normalizeBaseline, type Baseline } from './baselineFormat';

const views = new WeakMap<Baseline, Map<string, KnownFindings>>();

export function knownFindings(baseline: Baseline, root: string): KnownFindings {
  let byRoot = views.get(baseline);
  if (!byRoot) views.set(baseline, (byRoot = new Map<string, KnownFindings>()));
  let view = byRoot.get(root);
  if (!view) {
    const counts = new Map(normalizeBaseline(baseline).violations.map((entry) => [entryKey(entry), entry.count]));
    view = { count: (ruleId, file, to) => counts.get(entryKey({ ruleId, file: relativeFile(root, file), to: relativeTarget(root, to) })) ?? 0 };
    byRoot.set(root, view);
  }
  return view;
}
