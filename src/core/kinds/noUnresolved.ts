// `no-unresolved`: a relative or aliased import that points at no file.
import { Minimatch } from 'minimatch';
import { targetKind } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation } from '../checks/makeViolation';
import { stringsOf } from '../json/jsonDocument';
import type { NoUnresolvedRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import type { RuleKindModule } from './ruleKind';

export const noUnresolved: RuleKindModule<NoUnresolvedRule> = {
  normalize: (input) => ({ ...input.base, kind: 'no-unresolved', ignore: stringsOf(input.field('ignore')?.node).map((item) => item.value) }),

  validate: () => [],

  globs: () => [],

  describe: () => 'Relative and aliased imports must resolve to a file',

  compile(rule, scope) {
    const applies = edgeFilter(rule, scope);
    const ignore = rule.ignore.map((pattern) => new Minimatch(pattern));
    return {
      on: 'imports',
      rule,
      looksAt: (edge) => targetKind(edge.to) === 'unresolved' && applies(edge),
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          if (targetKind(edge.to) !== 'unresolved' || !applies(edge)) continue;
          if (ignore.some((pattern) => pattern.match(edge.specifier))) continue;
          violations.push(dependencyViolation(rule, edge, `cannot resolve '${edge.specifier}': no such file in the workspace`));
        }
        return violations;
      },
    };
  },
};
