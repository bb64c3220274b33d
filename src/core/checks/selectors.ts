import { matchName } from '../glob/globMatcher';
import { compilePattern, type CompiledPattern } from '../glob/pattern';
import type { PatternRef, Selector } from '../model/ruleTypes';

export type Captures = Record<string, string>;

interface CompiledSelector {
  layer?: string;
  pattern?: CompiledPattern;
}

/**
 * A list of `from`/`to` selectors (layer names or globs with captures), compiled once per rule.
 * Invalid globs were already reported by the loader; here they simply match nothing.
 */
export class SelectorSet {
  private readonly selectors: CompiledSelector[];
  /** Per importing file: the same file has several imports, and globs with captures are not cheap. */
  private readonly fromCache = new Map<string, Captures | null>();
  private readonly toCache = new Map<string, boolean>();

  constructor(readonly source: readonly Selector[]) {
    this.selectors = source.map((selector) => {
      if (selector.layer !== undefined) return { layer: selector.layer };
      const compiled = compilePattern(selector.text);
      return compiled.ok ? { pattern: compiled.pattern } : {};
    });
  }

  get isEmpty(): boolean {
    return this.selectors.length === 0;
  }

  /** Captures of the first selector that matches the importing file, or undefined. */
  matchFrom(rel: string, layer: string | undefined): Captures | undefined {
    let found = this.fromCache.get(rel);
    if (found === undefined) {
      found = this.findFrom(rel, layer) ?? null;
      this.fromCache.set(rel, found);
    }
    return found ?? undefined;
  }

  private findFrom(rel: string, layer: string | undefined): Captures | undefined {
    for (const selector of this.selectors) {
      if (selector.layer !== undefined) {
        if (selector.layer === layer) return {};
      } else if (selector.pattern) {
        const captures = selector.pattern.capture(rel);
        if (captures) return captures;
      }
    }
    return undefined;
  }

  /** The first selector that matches the importing file (for messages). */
  matchingSelector(rel: string, layer: string | undefined): Selector | undefined {
    const index = this.selectors.findIndex((selector) =>
      selector.layer !== undefined ? selector.layer === layer : selector.pattern?.capture(rel) !== undefined,
    );
    return index < 0 ? undefined : this.source[index];
  }

  /** True when a selector matches the imported file, honouring captures taken from the importer. */
  matchTo(rel: string, layer: string | undefined, captures: Captures): boolean {
    const key = `${rel}\u0000${Object.values(captures).join('\u0000')}`;
    let matched = this.toCache.get(key);
    if (matched === undefined) {
      matched = this.findTo(rel, layer, captures);
      this.toCache.set(key, matched);
    }
    return matched;
  }

  private findTo(rel: string, layer: string | undefined, captures: Captures): boolean {
    return this.selectors.some((selector) =>
      selector.layer !== undefined
        ? selector.layer === layer
        : (selector.pattern?.matchWithCaptures(rel, captures) ?? false),
    );
  }

  /** "ui, app" — how the rule names its groups in messages. */
  describe(): string {
    return this.source.map((selector) => selector.text).join(', ');
  }
}

/**
 * Package names, subpaths or globs (`lodash`, `react-dom/server`, `@aws-sdk/*`, `lodash/**`). The
 * graph knows an import as `pkg:NAME`; the specifier as written (`react-dom/server`) gives its
 * subpath. A name alone covers its subpaths, as a built-in's name does.
 */
export function matchesPackage(name: string, patterns: readonly PatternRef[], specifier?: string): boolean {
  const subpath = specifier !== undefined && specifier.startsWith(`${name}/`) ? specifier : undefined;
  return patterns.some((ref) => ref.pattern === name || matchName(name, ref.pattern) || (subpath !== undefined && (ref.pattern === subpath || matchName(subpath, ref.pattern))));
}

/** Built-in names: `fs` also covers `fs/promises`; `*` covers every built-in. */
export function matchesBuiltin(name: string, patterns: readonly PatternRef[]): boolean {
  const bare = name.startsWith('node:') ? name.slice(5) : name;
  return patterns.some((ref) => {
    const wanted = ref.pattern.startsWith('node:') ? ref.pattern.slice(5) : ref.pattern;
    return wanted === '*' || bare === wanted || bare.startsWith(`${wanted}/`);
  });
}
