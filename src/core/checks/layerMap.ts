import { checkGlobSyntax, hasGlobChars } from '../glob/globSyntax';
import { compilePatterns, type CompiledPattern } from '../glob/pattern';
import type { Layer } from '../model/ruleTypes';

/**
 * Which layer each file belongs to. A file matched by the globs of several layers belongs to the
 * most specific: the glob with more literal folders before its first wildcard, then more literal
 * segments in all, then fewer `**`, then more literal characters; on a tie, the layer declared
 * first. So `"protocol": "src/server/protocol.ts"` wins over `"server": "src/server/**"`, and
 * `"b": "src/b/**"` over `"all": "src/**"` whatever the order. Globs are matched once per file,
 * not once per edge: the checks ask for the layer of the same file thousands of times.
 */
export class LayerMap {
  private readonly compiled: { name: string; patterns: { pattern: CompiledPattern; rank: number[] }[] }[];
  private readonly cache = new Map<string, string | null>();

  constructor(layers: readonly Layer[]) {
    this.compiled = layers.map((layer) => ({
      name: layer.name,
      patterns: compilePatterns(layer.files.map((ref) => ref.pattern)).map((pattern) => ({ pattern, rank: specificity(pattern.source) })),
    }));
  }

  /** The layer whose matching glob is the most specific (the first declared on a tie). */
  layerOf(rel: string): string | undefined {
    let layer = this.cache.get(rel);
    if (layer === undefined) {
      let best: number[] | undefined;
      layer = null;
      for (const entry of this.compiled) {
        for (const { pattern, rank } of entry.patterns) {
          if ((best === undefined || compareRanks(rank, best) > 0) && pattern.match(rel)) {
            best = rank;
            layer = entry.name;
          }
        }
      }
      this.cache.set(rel, layer);
    }
    return layer ?? undefined;
  }

  /** True when one of the layer's globs matches `rel`, whether or not a more specific layer claims it. */
  matches(name: string, rel: string): boolean {
    return this.compiled.some((entry) => entry.name === name && entry.patterns.some(({ pattern }) => pattern.match(rel)));
  }

  /** Forget a file's layer (it was deleted or renamed). */
  forget(rel: string): void {
    this.cache.delete(rel);
  }

  get names(): string[] {
    return this.compiled.map((entry) => entry.name);
  }
}

/** How specific a glob is, to compare with `compareRanks` (larger is more specific). */
export function specificity(glob: string): number[] {
  const syntax = checkGlobSyntax(glob);
  const segments = syntax.ok ? syntax.segments : glob.split('/');
  const literal = segments.map((segment) => !hasGlobChars(segment));
  const leading = literal.indexOf(false) < 0 ? literal.length : literal.indexOf(false);
  const literalSegments = literal.filter(Boolean).length;
  const globstars = segments.filter((segment) => segment === '**').length;
  const literalChars = segments.filter((_, i) => literal[i]).join('').length;
  return [leading, literalSegments, -globstars, literalChars];
}

export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
