import { CheckContext } from '../checks/checkContext';
import type { LayerMap } from '../checks/layerMap';
import { runEdgeRules, runGraphRules } from '../checks/runChecks';
import { checkUnmatchedPatterns } from '../checks/unmatchedPatterns';
import type { RulesConfig } from '../rules/ruleTypes';
import type { Edge, Violation } from '../types';

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
  private everything = true;

  constructor(private readonly config: RulesConfig, private readonly layers: LayerMap, private readonly relPaths: Map<string, string>) {}

  /** A file's imports were re-read: `targetsChanged` when any of them now leads elsewhere (or is new or gone). */
  fileChanged(file: string, targetsChanged: boolean): void {
    this.dirty.add(file);
    if (targetsChanged) this.graphFindings = undefined;
  }

  /** Files came or went, or resolution changed: everything again. */
  invalidateAll(): void {
    this.everything = true;
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
      const changed = [...this.dirty].filter((file) => this.byFile.has(file) || files.includes(file));
      for (const file of changed) this.byFile.set(file, []);
      this.add(runEdgeRules(context(changed.flatMap(edgesOf))));
    }
    this.graphFindings ??= runGraphRules(context(edges));
    this.unmatched ??= checkUnmatchedPatterns(context(edges));
    this.everything = false;
    this.dirty.clear();
    const violations: Violation[] = [];
    for (const file of files) for (const violation of this.byFile.get(file) ?? []) violations.push(violation);
    for (const violation of this.graphFindings) violations.push(violation);
    for (const violation of this.unmatched) violations.push(violation);
    return { violations, edges };
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
