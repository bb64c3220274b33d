// `no-unresolved`: a relative or aliased import that points at no file.
import { targetKind } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation } from '../checks/makeViolation';
import { matchName, nameGlobProblem } from '../glob/globMatcher';
import { stringsOf } from '../json/jsonDocument';
import type { NoUnresolvedRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import type { RuleKindModule } from './ruleKind';

export const noUnresolved: RuleKindModule<NoUnresolvedRule> = {
  normalize(input) {
    const ignore = stringsOf(input.field('ignore')?.node);
    // Specifier globs are matched with minimatch's defaults, in bounded time (glob/globMatcher).
    for (const item of ignore) {
      const problem = nameGlobProblem(item.value);
      if (problem) input.error(`${problem} (specifier glob)`, { doc: input.entry.doc, node: item.node });
    }
    return { ...input.base, kind: 'no-unresolved', ignore: ignore.map((item) => item.value) };
  },

  validate: () => [],

  globs: () => [],

  describe: () => 'Relative and aliased imports must resolve to a file',

  compile(rule, scope) {
    const applies = edgeFilter(rule, scope);

    return {
      on: 'imports',
      rule,
      looksAt: (edge) => targetKind(edge.to) === 'unresolved' && applies(edge),
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          if (targetKind(edge.to) !== 'unresolved' || !applies(edge)) continue;
          if (rule.ignore.some((pattern) => matchName(edge.specifier, pattern))) continue;
          violations.push(dependencyViolation(rule, edge, `cannot resolve '${edge.specifier}': no such file in the workspace`));
        }
        return violations;
      },
    };
  },
};
