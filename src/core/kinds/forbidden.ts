// `forbidden`: dependencies from `from` to any of `to`, `toPackages` or `toBuiltins` are reported.
import { targetKind, targetName } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation, describeSource, describeTarget } from '../checks/makeViolation';
import { matchesBuiltin, matchesPackage, SelectorSet } from '../checks/selectors';
import { selectorGlobs } from '../checks/unmatchedPatterns';
import { patternRefs, selectors } from '../json/readValues';
import type { ForbiddenRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { listOf, patternList } from './wording';
import type { RuleKindModule } from './ruleKind';
import { fromToProblems, nameGlobProblems } from './validation';

export const forbidden: RuleKindModule<ForbiddenRule> = {
  normalize(input) {
    const { field, layerNames } = input;
    const to = selectors(field('to'), layerNames);
    const toPackages = patternRefs(field('toPackages'));
    const toBuiltins = patternRefs(field('toBuiltins'));
    if (to.length + toPackages.length + toBuiltins.length === 0) {
      input.error(`${input.label} forbids nothing: add "to", "toPackages" or "toBuiltins"`);
    }
    return { ...input.base, kind: 'forbidden', from: selectors(field('from'), layerNames), to, toPackages, toBuiltins };
  },

  validate: (rule, config, hints) => [
    ...fromToProblems(rule, config, hints),
    ...nameGlobProblems(rule.toPackages, 'package name or glob'),
    ...nameGlobProblems(rule.toBuiltins, 'built-in module name or glob'),
  ],

  globs: (rule) => [...selectorGlobs(rule.from), ...selectorGlobs(rule.to)],

  describe(rule) {
    const targets = [listOf(rule.to), patternList('packages', rule.toPackages), patternList('built-ins', rule.toBuiltins)].filter((s) => s !== '');
    return `${listOf(rule.from)} must not depend on ${targets.join('; ') || 'the listed targets'}`;
  },

  compile(rule, scope) {
    const from = new SelectorSet(rule.from);
    const to = new SelectorSet(rule.to);
    const applies = edgeFilter(rule, scope);
    return {
      on: 'imports',
      rule,
      looksAt: (edge) => from.matchFrom(scope.rel(edge.from), scope.layerOf(edge.from)) !== undefined && applies(edge),
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          const captures = from.matchFrom(scope.rel(edge.from), scope.layerOf(edge.from));
          if (!captures || !applies(edge)) continue;
          let forbidden = false;
          switch (targetKind(edge.to)) {
            case 'file':
              forbidden = to.matchTo(scope.rel(edge.to), scope.layerOf(edge.to), captures);
              break;
            case 'package':
              forbidden = matchesPackage(targetName(edge.to), rule.toPackages, edge.specifier);
              break;
            case 'builtin':
              forbidden = matchesBuiltin(targetName(edge.to), rule.toBuiltins);
              break;
            case 'unresolved':
              break;
          }
          if (forbidden) {
            violations.push(dependencyViolation(rule, edge, `${describeSource(edge, scope, from)} must not import ${describeTarget(edge, scope)}`));
          }
        }
        return violations;
      },
    };
  },
};
