import { compilePatterns, type CompiledPattern } from '../glob/pattern';
import type { Layer } from '../model/ruleTypes';

/**
 * Which layer each file belongs to. Globs are matched once per file, not once per edge:
 * the checks ask for the layer of the same file thousands of times.
 */
export class LayerMap {
  private readonly compiled: { name: string; patterns: CompiledPattern[] }[];
  private readonly cache = new Map<string, string | null>();

  constructor(layers: readonly Layer[]) {
    this.compiled = layers.map((layer) => ({
      name: layer.name,
      patterns: compilePatterns(layer.files.map((ref) => ref.pattern)),
    }));
  }

  /** The first layer (in the order the rules file declares them) whose globs match `rel`. */
  layerOf(rel: string): string | undefined {
    let layer = this.cache.get(rel);
    if (layer === undefined) {
      layer = this.compiled.find((entry) => entry.patterns.some((pattern) => pattern.match(rel)))?.name ?? null;
      this.cache.set(rel, layer);
    }
    return layer ?? undefined;
  }

  /** Forget a file's layer (it was deleted or renamed). */
  forget(rel: string): void {
    this.cache.delete(rel);
  }

  get names(): string[] {
    return this.compiled.map((entry) => entry.name);
  }
}
