import type { AllowedRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { targetKind, targetName, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { dependencyViolation, describeSource, describeTarget } from './makeViolation';
import { matchesBuiltin, matchesPackage, SelectorSet } from './selectors';

/**
 * `allowed`: files matched by `from` may depend only on the listed targets. Their own layer is
 * always allowed; a workspace file in no layer is not, unless a glob in `to` names it.
 */
export function checkAllowed(rule: AllowedRule, ctx: CheckContext): Violation[] {
  const from = new SelectorSet(rule.from);
  const to = new SelectorSet(rule.to);
  const applies = edgeFilter(rule, ctx);
  const allowedList = [
    rule.to.map((selector) => selector.text).join(', '),
    rule.toPackages?.length ? `packages ${rule.toPackages.map((ref) => ref.pattern).join(', ')}` : '',
    rule.toBuiltins?.length ? `built-ins ${rule.toBuiltins.map((ref) => ref.pattern).join(', ')}` : '',
  ].filter(Boolean).join('; ') || 'nothing outside itself';
  const violations: Violation[] = [];
  for (const edge of ctx.edges) {
    const fromLayer = ctx.layerOf(edge.from);
    const captures = from.matchFrom(ctx.rel(edge.from), fromLayer);
    if (!captures || !applies(edge)) continue;
    let allowed = true;
    switch (targetKind(edge.to)) {
      case 'file': {
        const toLayer = ctx.layerOf(edge.to);
        allowed = (toLayer !== undefined && toLayer === fromLayer) || to.matchTo(ctx.rel(edge.to), toLayer, captures);
        break;
      }
      case 'package':
        allowed = rule.toPackages === undefined || matchesPackage(targetName(edge.to), rule.toPackages);
        break;
      case 'builtin':
        allowed = rule.toBuiltins === undefined || matchesBuiltin(targetName(edge.to), rule.toBuiltins);
        break;
      case 'unresolved':
        break;
    }
    if (!allowed) {
      const source = describeSource(edge, ctx, from);
      violations.push(
        dependencyViolation(rule, edge, `${source} may only import ${allowedList}, not ${describeTarget(edge, ctx)}`),
      );
    }
  }
  return violations;
}
