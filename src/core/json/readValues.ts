// Reads rules-file values into the engine's located types. Values of the wrong type are
// skipped here: the schema check has already reported them where they were written.
import type { Location, Severity } from '../model/types';
import type { PatternRef, Selector } from '../model/ruleTypes';
import { nodeLocation, stringsOf, type Located } from './jsonDocument';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];

export function locationOf(value: Located): Location {
  return nodeLocation(value.doc, value.node);
}

/** A glob or list of globs, each with its own location. */
export function patternRefs(value: Located | undefined): PatternRef[] {
  if (!value) return [];
  return stringsOf(value.node).map((s) => ({ pattern: s.value, location: nodeLocation(value.doc, s.node) }));
}

/** Layer names or globs (`from`, `to`, `order`); a string equal to a layer name names that layer. */
export function selectors(value: Located | undefined, layerNames: ReadonlySet<string>): Selector[] {
  if (!value) return [];
  return stringsOf(value.node).map((s) => {
    const selector: Selector = { text: s.value, location: nodeLocation(value.doc, s.node) };
    if (layerNames.has(s.value)) selector.layer = s.value;
    return selector;
  });
}

export function severityOf(value: unknown, fallback: Severity): Severity {
  return SEVERITIES.find((s) => s === value) ?? fallback;
}
