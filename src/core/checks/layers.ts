import type { LayersRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { targetKind, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { dependencyViolation, describeTarget } from './makeViolation';

/**
 * `layers`: the order lists layers outermost first; a layer may import the layers after it, never
 * those before it. A layered file importing a workspace file that is in no layer is reported too:
 * a file nobody placed is a hole in the architecture, not something to skip silently.
 */
export function checkLayers(rule: LayersRule, ctx: CheckContext): Violation[] {
  const rank = new Map<string, number>();
  rule.order.forEach((selector, index) => {
    if (selector.layer !== undefined) rank.set(selector.layer, index);
  });
  const applies = edgeFilter(rule, ctx);
  const violations: Violation[] = [];
  for (const edge of ctx.edges) {
    if (targetKind(edge.to) !== 'file') continue;
    const fromLayer = ctx.layerOf(edge.from);
    const fromRank = fromLayer === undefined ? undefined : rank.get(fromLayer);
    if (fromRank === undefined || !applies(edge)) continue;
    const toLayer = ctx.layerOf(edge.to);
    if (toLayer === undefined) {
      if (!rule.allowUnlayered) {
        violations.push(dependencyViolation(rule, edge,
          `${describeTarget(edge, ctx)} is in no layer; add it to a layer in the rules file, or set "allowUnlayered": true`));
      }
      continue;
    }
    const toRank = rank.get(toLayer);
    if (toRank !== undefined && toRank < fromRank) {
      violations.push(dependencyViolation(rule, edge,
        `layer ${fromLayer} must not import the outer layer ${toLayer}: ${describeTarget(edge, ctx)}`));
    }
  }
  return violations;
}
