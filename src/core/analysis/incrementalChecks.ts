import { CheckContext } from '../checks/checkContext';
import type { LayerMap } from '../checks/layerMap';
import { CycleIndex } from '../checks/noCycle';
import { runEdgeRules } from '../checks/edgeRules';
import type { NoCycleRule } from '../model/ruleTypes';
import { checkUnmatchedPatterns } from '../checks/unmatchedPatterns';
import type { RulesConfig } from '../model/ruleTypes';
import type { Edge, Violation } from '../model/types';

/**
 * The checks' results, kept between edits. An edit re-runs the per-import rules on the edited
 * file's imports only; the cycle search runs again only when some import now leads elsewhere;
 * the unmatched-pattern check only when files came or went.
 */
export class IncrementalChecks {
  private readonly byFile = new Map<string, Violation[]>();
  private graphFindings: Violation[] | undefined;
  private unmatched: Violation[] | undefined;
  private readonly dirty = new Set<string>();
  /** Files whose imports now lead elsewhere: their nodes in the cycle indexes are rebuilt. */
  private readonly retargeted = new Set<string>();
  private cycleIndexes: CycleIndex[] | undefined;
  private everything = true;

  constructor(private readonly config: RulesConfig, private readonly layers: LayerMap, private readonly relPaths: Map<string, string>) {}

  /** A file's imports were re-read: `targetsChanged` when any of them now leads elsewhere (or is new or gone). */
  fileChanged(file: string, targetsChanged: boolean): void {
    this.dirty.add(file);
    if (targetsChanged) {
      this.graphFindings = undefined;
      this.retargeted.add(file);
    }
  }

  /** Files came or went, or resolution changed: everything again. */
  invalidateAll(): void {
    this.everything = true;
    this.cycleIndexes = undefined;
  }

  run(files: readonly string[], edgesOf: (file: string) => readonly Edge[]): { violations: Violation[]; edges: Edge[] } {
    const edges = files.flatMap(edgesOf);
    const context = (subset: readonly Edge[]): CheckContext => new CheckContext(this.config, files, subset, this.layers, this.relPaths);
    if (this.everything) {
      this.byFile.clear();
      for (const file of files) this.byFile.set(file, []);
      this.add(runEdgeRules(context(edges)));
      this.graphFindings = undefined;
      this.unmatched = undefined;
    } else if (this.dirty.size > 0) {
      // Files that came or went invalidated everything: every dirty file here is a known one.
      const changed = [...this.dirty].filter((file) => this.byFile.has(file));
      for (const file of changed) this.byFile.set(file, []);
      this.add(runEdgeRules(context(changed.flatMap(edgesOf))));
    }
    this.graphFindings ??= this.findCycles(edges, edgesOf, context);
    this.unmatched ??= checkUnmatchedPatterns(context(edges));
    this.everything = false;
    this.dirty.clear();
    this.retargeted.clear();
    const violations: Violation[] = [];
    for (const file of files) for (const violation of this.byFile.get(file) ?? []) violations.push(violation);
    for (const violation of this.graphFindings) violations.push(violation);
    for (const violation of this.unmatched) violations.push(violation);
    return { violations, edges };
  }

  /** File-level cycle rules update only the retargeted files' nodes; layer-level ones rebuild. */
  private findCycles(edges: readonly Edge[], edgesOf: (file: string) => readonly Edge[], context: (subset: readonly Edge[]) => CheckContext): Violation[] {
    const ctx = context(edges);
    const rules = this.config.rules.filter((rule): rule is NoCycleRule => rule.kind === 'no-cycle' && rule.severity !== 'off');
    if (!this.cycleIndexes) {
      this.cycleIndexes = rules.map((rule) => {
        const index = new CycleIndex(rule, ctx);
        index.addAll(edges);
        return index;
      });
    } else {
      for (const index of this.cycleIndexes) {
        if (!index.incremental) continue;
        for (const file of this.retargeted) index.replaceFile(file, edgesOf(file));
      }
      this.cycleIndexes = this.cycleIndexes.map((index, i) => {
        if (index.incremental) return index;
        const rebuilt = new CycleIndex(rules[i], ctx);
        rebuilt.addAll(edges);
        return rebuilt;
      });
    }
    return this.cycleIndexes.flatMap((index) => index.cycles(ctx));
  }

  private add(violations: readonly Violation[]): void {
    for (const violation of violations) {
      const list = this.byFile.get(violation.from);
      if (list) list.push(violation);
      else this.byFile.set(violation.from, [violation]);
    }
  }
}

/** True when two import lists lead to different places (ignoring where in the file they are written). */
export function targetsDiffer(before: readonly Edge[] | undefined, after: readonly Edge[]): boolean {
  if (!before || before.length !== after.length) return true;
  return before.some((edge, i) => edge.to !== after[i].to || edge.kind !== after[i].kind || edge.typeOnly !== after[i].typeOnly);
}
