import type { ForbiddenRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { targetKind, targetName, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { dependencyViolation, describeSource, describeTarget } from './makeViolation';
import { matchesBuiltin, matchesPackage, SelectorSet } from './selectors';

/** `forbidden`: dependencies from `from` to any of `to`, `toPackages` or `toBuiltins` are reported. */
export function checkForbidden(rule: ForbiddenRule, ctx: CheckContext): Violation[] {
  const from = new SelectorSet(rule.from);
  const to = new SelectorSet(rule.to);
  const applies = edgeFilter(rule, ctx);
  const violations: Violation[] = [];
  for (const edge of ctx.edges) {
    const captures = from.matchFrom(ctx.rel(edge.from), ctx.layerOf(edge.from));
    if (!captures || !applies(edge)) continue;
    let forbidden = false;
    switch (targetKind(edge.to)) {
      case 'file':
        forbidden = to.matchTo(ctx.rel(edge.to), ctx.layerOf(edge.to), captures);
        break;
      case 'package':
        forbidden = matchesPackage(targetName(edge.to), rule.toPackages);
        break;
      case 'builtin':
        forbidden = matchesBuiltin(targetName(edge.to), rule.toBuiltins);
        break;
      case 'unresolved':
        break;
    }
    if (forbidden) {
      violations.push(
        dependencyViolation(rule, edge, `${describeSource(edge, ctx, from)} must not import ${describeTarget(edge, ctx)}`),
      );
    }
  }
  return violations;
}
