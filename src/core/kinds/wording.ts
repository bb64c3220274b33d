// How the kinds' one-line descriptions list selectors and globs.
import type { PatternRef, Selector } from '../model/ruleTypes';

/** `domain, src/shared/**`: selectors as written, or globs. */
export function listOf(items: readonly Selector[] | readonly PatternRef[]): string {
  return items.map((item) => ('text' in item ? item.text : item.pattern)).join(', ');
}

/** `packages pg, mongodb`, or nothing for an empty list. */
export function patternList(what: string, refs: readonly PatternRef[]): string {
  return refs.length > 0 ? `${what} ${listOf(refs)}` : '';
}
