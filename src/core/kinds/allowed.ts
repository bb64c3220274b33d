// `allowed`: files matched by `from` may depend only on the listed targets. Their own layer is
// always allowed; a workspace file in no layer is not, unless a glob in `to` names it.
import { targetKind, targetName } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation, describeSource, describeTarget } from '../checks/makeViolation';
import { matchesBuiltin, matchesPackage, SelectorSet } from '../checks/selectors';
import { selectorGlobs } from '../checks/unmatchedPatterns';
import { patternRefs, selectors } from '../json/readValues';
import type { AllowedRule, PatternRef } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import type { RuleKindModule } from './ruleKind';
import { fromToProblems, nameGlobProblems } from './validation';
import { listOf } from './wording';

export const allowed: RuleKindModule<AllowedRule> = {
  normalize(input) {
    const { field, layerNames } = input;
    const rule: AllowedRule = { ...input.base, kind: 'allowed', from: selectors(field('from'), layerNames), to: selectors(field('to'), layerNames) };
    // Absent lists leave packages or built-ins unrestricted; given ones (even empty) restrict them.
    if (field('toPackages')) rule.toPackages = patternRefs(field('toPackages'));
    if (field('toBuiltins')) rule.toBuiltins = patternRefs(field('toBuiltins'));
    return rule;
  },

  validate: (rule, config, hints) => [
    ...fromToProblems(rule, config, hints),
    ...nameGlobProblems(rule.toPackages ?? [], 'package name or glob'),
    ...nameGlobProblems(rule.toBuiltins ?? [], 'built-in module name or glob'),
  ],

  globs: (rule) => [...selectorGlobs(rule.from), ...selectorGlobs(rule.to)],

  describe(rule) {
    // A given but empty list means "none allowed"; an absent one leaves that kind unrestricted.
    const only = (refs: PatternRef[] | undefined, what: string): string =>
      refs === undefined ? '' : refs.length === 0 ? `no ${what}` : `${what} ${listOf(refs)}`;
    const targets = [listOf(rule.to), only(rule.toPackages, 'packages'), only(rule.toBuiltins, 'built-ins')].filter((s) => s !== '');
    return `${listOf(rule.from)} may depend only on ${targets.join('; ') || 'itself'}`;
  },

  compile(rule, scope) {
    const from = new SelectorSet(rule.from);
    const to = new SelectorSet(rule.to);
    const applies = edgeFilter(rule, scope);
    const allowedList = [
      rule.to.map((selector) => selector.text).join(', '),
      rule.toPackages?.length ? `packages ${rule.toPackages.map((ref) => ref.pattern).join(', ')}` : '',
      rule.toBuiltins?.length ? `built-ins ${rule.toBuiltins.map((ref) => ref.pattern).join(', ')}` : '',
    ].filter(Boolean).join('; ') || 'nothing outside itself';
    return {
      on: 'imports',
      rule,
      looksAt: (edge) => from.matchFrom(scope.rel(edge.from), scope.layerOf(edge.from)) !== undefined && applies(edge),
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          const fromLayer = scope.layerOf(edge.from);
          const captures = from.matchFrom(scope.rel(edge.from), fromLayer);
          if (!captures || !applies(edge)) continue;
          let allowed = true;
          switch (targetKind(edge.to)) {
            case 'file': {
              const toLayer = scope.layerOf(edge.to);
              allowed = (toLayer !== undefined && toLayer === fromLayer) || to.matchTo(scope.rel(edge.to), toLayer, captures);
              break;
            }
            case 'package':
              allowed = rule.toPackages === undefined || matchesPackage(targetName(edge.to), rule.toPackages, edge.specifier);
              break;
            case 'builtin':
              allowed = rule.toBuiltins === undefined || matchesBuiltin(targetName(edge.to), rule.toBuiltins);
              break;
            case 'unresolved':
              break;
          }
          if (!allowed) {
            violations.push(dependencyViolation(rule, edge, `${describeSource(edge, scope, from)} may only import ${allowedList}, not ${describeTarget(edge, scope)}`));
          }
        }
        return violations;
      },
    };
  },
};
