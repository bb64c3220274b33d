import { CheckContext, RuleScope } from '../checks/checkContext';
import type { LayerMap } from '../checks/layerMap';
import { checkUnmatchedPatterns } from '../checks/unmatchedPatterns';
import type { GraphFindings } from '../checks/cycleGraph';
import type { CompiledRule, CompileOptions, GraphRule, ImportRule, RuleGraph } from '../kinds/ruleKind';
import { compileRules, ruleGlobs } from '../kinds/ruleKinds';
import type { Rule, RulesConfig } from '../model/ruleTypes';
import type { Edge, KnownFindings, Notice, Tangle, Violation } from '../model/types';
import { FlatLists } from './flatLists';

export interface ChecksOutcome {
  violations: Violation[];
  tangles: Tangle[];
  notices: Notice[];
}

/**
 * The checks' results, kept between edits. An edit re-runs the per-import rules on the edited
 * file's imports only; the graphs take the edited files' imports again (the cycle search runs again
 * only when some import now leads elsewhere, and only changed tangles are worked out again); the
 * unmatched-pattern check runs only when files came or went.
 */
export class IncrementalChecks {
  private readonly byFile = new Map<string, Violation[]>();
  /** `byFile` in file order, kept between edits. */
  private readonly flatByFile = new FlatLists<Violation>();
  private graphFindings: GraphFindings | undefined;
  /** The baseline the graph findings were chosen with. */
  private known: KnownFindings | undefined;
  private unmatched: Violation[] | undefined;
  private readonly dirty = new Set<string>();
  /** Files gone since the last check: their imports leave the graphs. */
  private readonly removed = new Set<string>();
  /** Files came or went since the last check: graphs that are not file-level are rebuilt. */
  private filesChanged = false;
  /** Files whose imports now lead elsewhere: their nodes in the rules' graphs are rebuilt. */
  private readonly retargeted = new Set<string>();
  /** The rules, compiled once: their matchers (and caches) serve every check and hover. */
  private readonly rules: CompiledRule[];
  private readonly importRules: ImportRule[];
  private readonly graphRules: GraphRule[];
  /** One graph per graph rule, in `graphRules` order. */
  private graphs: RuleGraph[] | undefined;
  private everything = true;

  constructor(private readonly config: RulesConfig, private readonly layers: LayerMap, private readonly relPaths: Map<string, string>, options: CompileOptions = {}) {
    this.rules = compileRules(config, new RuleScope(config, layers, relPaths), options);
    this.importRules = this.rules.filter((rule): rule is ImportRule => rule.on === 'imports');
    this.graphRules = this.rules.filter((rule): rule is GraphRule => rule.on === 'graph');
  }

  /** The rules that look at one import, whether or not it breaks them: "which rules guard this line?" (hovers). */
  rulesForEdge(edge: Edge): Rule[] {
    return this.rules.filter((rule) => rule.looksAt(edge)).map((rule) => rule.rule);
  }

  /** A file's imports were re-read: `targetsChanged` when any of them now leads elsewhere (or is new or gone). */
  fileChanged(file: string, targetsChanged: boolean): void {
    this.dirty.add(file);
    if (targetsChanged) {
      this.graphFindings = undefined;
      this.retargeted.add(file);
    }
  }

  /**
   * A file came (its findings come with `fileChanged`). Per-import findings of the other files
   * stand (they depend on each import and the paths at its ends alone); the file-level graphs take
   * the new file's imports as an edit's, the others are rebuilt, and the unmatched-pattern check
   * runs again.
   */
  fileAdded(): void {
    this.flatByFile.invalidate();
    this.filesChanged = true;
    this.graphFindings = undefined;
    this.unmatched = undefined;
  }

  /** A file went: its findings and its imports in the graphs go with it; otherwise as `fileAdded`. */
  fileRemoved(file: string): void {
    this.byFile.delete(file);
    this.dirty.delete(file);
    this.retargeted.delete(file);
    this.removed.add(file);
    this.fileAdded();
  }

  /** Resolution changed everywhere: everything again. */
  invalidateAll(): void {
    this.everything = true;
    this.graphs = undefined;
    this.removed.clear();
  }

  /**
   * The findings over the current state. `allEdges` (every import in file order) is asked for only
   * when everything is checked again: after an edit only the edited files' imports are looked at.
   * `known`: the baseline that will be applied, so new cycle findings can be put on new imports.
   */
  run(files: readonly string[], edgesOf: (file: string) => readonly Edge[], allEdges: () => readonly Edge[], known?: KnownFindings): ChecksOutcome {
    if (this.everything) {
      this.byFile.clear();
      for (const file of files) this.byFile.set(file, []);
      this.add(this.checkImports(allEdges()));
      this.flatByFile.invalidate();
      this.graphFindings = undefined;
      this.unmatched = undefined;
    } else if (this.dirty.size > 0) {
      // A file that went left `dirty`: every dirty file here is a current one (new ones too).
      const changed = [...this.dirty];
      for (const file of changed) this.byFile.set(file, []);
      this.add(this.checkImports(changed.flatMap(edgesOf)));
      for (const file of changed) this.flatByFile.set(file, this.byFile.get(file)!);
    }
    if (this.dirty.size > 0 || this.removed.size > 0 || known !== this.known) this.graphFindings = undefined;
    this.known = known;
    this.graphFindings ??= this.checkGraphs(allEdges, edgesOf);
    this.unmatched ??= checkUnmatchedPatterns(new CheckContext(this.config, files, allEdges(), this.layers, this.relPaths), ruleGlobs);
    this.everything = false;
    this.dirty.clear();
    this.removed.clear();
    this.retargeted.clear();
    this.filesChanged = false;
    const violations = [...this.flatByFile.get(files, (file) => this.byFile.get(file) ?? []), ...this.graphFindings.violations, ...this.unmatched];
    return { violations, tangles: this.graphFindings.tangles, notices: this.graphFindings.notices };
  }

  private checkImports(edges: readonly Edge[]): Violation[] {
    return this.importRules.flatMap((rule) => rule.check(edges));
  }

  /**
   * Incremental graphs (file-level cycles) take the changed files' imports again (their positions
   * may have moved even when their targets did not); the others rebuild when a target changed.
   */
  private checkGraphs(allEdges: () => readonly Edge[], edgesOf: (file: string) => readonly Edge[]): GraphFindings {
    const build = (rule: GraphRule): RuleGraph => {
      const graph = rule.graph();
      graph.addAll(allEdges());
      return graph;
    };
    if (!this.graphs) {
      this.graphs = this.graphRules.map(build);
    } else {
      for (const graph of this.graphs) {
        if (!graph.incremental) continue;
        for (const file of this.removed) graph.replaceFile(file, []);
        for (const file of this.dirty) graph.replaceFile(file, edgesOf(file));
      }
      if (this.retargeted.size > 0 || this.filesChanged) this.graphs = this.graphs.map((graph, i) => (graph.incremental ? graph : build(this.graphRules[i])));
    }
    const all: GraphFindings = { violations: [], tangles: [], notices: [] };
    for (const graph of this.graphs) {
      const found = graph.check(this.known);
      for (const violation of found.violations) all.violations.push(violation);
      for (const tangle of found.tangles) all.tangles.push(tangle);
      for (const notice of found.notices) all.notices.push(notice);
    }
    return all;
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
