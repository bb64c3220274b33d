// Array helpers with no size limit. A spread into a call's arguments (`push(...items)`,
// `Math.max(...values)`) puts every element on the call stack: a few hundred thousand elements
// overflow it (`RangeError: Maximum call stack size exceeded`), which a 50,000-file workspace
// reaches. The lint rule in eslint.config.mjs forbids those spreads; these take their place.

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest value, or `empty` when there is none (`Math.max(empty, ...values)` without the spread). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  for (const value of values) if (value > max || Number.isNaN(value)) max = value;
  return max;
}

/** The smallest value, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  for (const value of values) if (value < min || Number.isNaN(value)) min = value;
  return min;
}
