// Reports and the baseline print paths relative to the root with `/`; targets that are not
// workspace paths (`pkg:`, `node:`, `unresolved:`) are identities and stay as written.
import { toRelative } from './paths';

const SYMBOLIC_TARGET = /^(pkg|node|unresolved):/;

/** Root-relative path with forward slashes; empty stays empty. */
export function relativeFile(root: string, file: string): string {
  return file === '' ? '' : toRelative(root, file);
}

/** A dependency target as reports print it: workspace paths made relative, the rest as is. */
export function relativeTarget(root: string, to: string): string {
  if (to === '' || SYMBOLIC_TARGET.test(to)) return to;
  return toRelative(root, to);
}

/** Code-unit string order: the same on every machine and locale (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Chains comparisons: the first non-zero result wins. */
export function compareBy<T>(...keys: ((item: T) => string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareStrings(String(x), String(y));
      if (c !== 0) return c;
    }
    return 0;
  };
}
