// `no-cycle`: files (or, with `level: "layer"`, layers) that import each other in a circle.
// `"report": "tangles"` (the default): each tangle of files that all reach each other gets one
// finding per import to cut so that no cycle is left in it, as few imports as the search finds.
// `"report": "cycles"`: each cycle once, the shortest through an offending import, on the import
// that closes it, with every step attached. The graph itself is in checks/cycleGraph.ts.
import { targetKind } from '../checks/checkContext';
import { CycleGraph, CycleRuleMemory, type CycleFilter } from '../checks/cycleGraph';
import { edgeFilter } from '../checks/edgeFilter';
import { patternGlobs } from '../checks/unmatchedPatterns';
import { compilePatterns } from '../glob/pattern';
import { stringValue } from '../json/jsonDocument';
import { patternRefs } from '../json/readValues';
import type { NoCycleRule } from '../model/ruleTypes';
import type { RuleKindModule } from './ruleKind';
import { plainGlobProblems } from './validation';
import { listOf } from './wording';

export const noCycle: RuleKindModule<NoCycleRule> = {
  normalize(input) {
    const levelField = input.field('level');
    const level = stringValue(levelField?.node) === 'layer' ? 'layer' : 'file';
    if (level === 'layer' && input.layerNames.size === 0) {
      input.warning(`${input.label} checks cycles between layers, but no layers are defined`, levelField ?? input.entry);
    }
    const reportField = input.field('report');
    const written = stringValue(reportField?.node);
    if (level === 'layer' && written === 'tangles') {
      input.warning(`${input.label} checks cycles between layers, which are reported one by one: "report": "tangles" is for file-level rules`, reportField!);
    }
    const report = level === 'layer' || written === 'cycles' ? 'cycles' : 'tangles';
    return { ...input.base, kind: 'no-cycle', scope: patternRefs(input.field('scope')), level, report };
  },

  validate: (rule) => plainGlobProblems(rule.scope),

  globs: (rule) => patternGlobs(rule.scope, 'file'),

  describe: (rule) => `No dependency cycles between ${rule.level === 'layer' ? 'layers' : 'files'}${rule.scope.length > 0 ? ` in ${listOf(rule.scope)}` : ''}`,

  compile(rule, scope, options = {}) {
    const applies = edgeFilter(rule, scope);
    const patterns = compilePatterns(rule.scope.map((ref) => ref.pattern));
    const scoped = new Map<string, boolean>();
    const inScope = (file: string): boolean => {
      if (patterns.length === 0) return true;
      let inside = scoped.get(file);
      if (inside === undefined) {
        const rel = scope.rel(file);
        inside = patterns.some((pattern) => pattern.match(rel));
        scoped.set(file, inside);
      }
      return inside;
    };
    const filter: CycleFilter = { applies, inScope, nodeOf: rule.level === 'layer' ? (file) => scope.layerOf(file) : (file) => file };
    const memory = new CycleRuleMemory(options.trackNewImports === true);
    return {
      on: 'graph',
      rule,
      // Only the importer is matched against the scope here, as hovers always did (the graph wants both ends).
      looksAt: (edge) => targetKind(edge.to) === 'file' && inScope(edge.from) && applies(edge),
      graph: () => new CycleGraph(rule, filter, scope, memory),
    };
  },
};

