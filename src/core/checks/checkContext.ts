import * as path from 'node:path';
import type { Edge } from '../model/types';
import type { RulesConfig } from '../model/ruleTypes';
import { toRelative } from '../util/paths';
import { LayerMap } from './layerMap';

/**
 * What a compiled rule reads besides the imports: root-relative paths and the layer of each file.
 * Both depend only on paths, so one scope serves every check of a project.
 */
export class RuleScope {
  readonly layers: LayerMap;

  /** `layers` and `relCache` may be kept across checks by the caller: both depend only on paths. */
  constructor(
    readonly config: RulesConfig,
    layers?: LayerMap,
    private readonly relCache = new Map<string, string>(),
  ) {
    this.layers = layers ?? new LayerMap(config.layers);
  }

  get root(): string {
    return this.config.root;
  }

  /** Root-relative path with `/`, cached: checks ask for the same files over and over. */
  rel(file: string): string {
    let rel = this.relCache.get(file);
    if (rel === undefined) {
      rel = toRelative(this.config.root, file);
      this.relCache.set(file, rel);
    }
    return rel;
  }

  layerOf(file: string): string | undefined {
    return this.layers.layerOf(this.rel(file));
  }
}

/** A scope with the analysed files (for checks over the whole file list, and hovers). */
export class CheckContext extends RuleScope {
  constructor(
    config: RulesConfig,
    readonly files: readonly string[],
    readonly edges: readonly Edge[],
    layers?: LayerMap,
    relCache?: Map<string, string>,
  ) {
    super(config, layers, relCache);
  }
}

export type TargetKind = 'file' | 'package' | 'builtin' | 'unresolved';

export function targetKind(to: string): TargetKind {
  if (to.startsWith('pkg:')) return 'package';
  if (to.startsWith('node:')) return 'builtin';
  if (to.startsWith('unresolved:')) return 'unresolved';
  return path.isAbsolute(to) ? 'file' : 'unresolved';
}

/** `pkg:lodash` → `lodash`, `node:fs/promises` → `fs/promises`, `unresolved:./x` → `./x`. */
export function targetName(to: string): string {
  const colon = to.indexOf(':');
  return targetKind(to) === 'file' || colon < 0 ? to : to.slice(colon + 1);
}
