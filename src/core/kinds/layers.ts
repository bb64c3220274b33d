// `layers`: the order lists layers outermost first; a layer may import the layers after it, never
// those before it. A layered file importing a workspace file that is in no layer is reported too:
// a file nobody placed is a hole in the architecture, not something to skip silently.
import { targetKind } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation, describeTarget } from '../checks/makeViolation';
import { selectorGlobs } from '../checks/unmatchedPatterns';
import { booleanValue } from '../json/jsonDocument';
import { selectors } from '../json/readValues';
import type { LayersRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { isTextOrList, type RuleKindModule } from './ruleKind';
import { SelectorChecker } from './validation';

export const layers: RuleKindModule<LayersRule> = {
  normalize(input) {
    const orderField = input.field('order');
    const order = selectors(orderField, input.layerNames);
    if (orderField && isTextOrList(orderField) && order.length < 2) {
      input.error(`${input.label} needs at least 2 layers in "order", found ${order.length}`, orderField);
    }
    return { ...input.base, kind: 'layers', order, allowUnlayered: booleanValue(input.field('allowUnlayered')?.node) ?? false };
  },

  validate(rule, config, hints) {
    const selectors = new SelectorChecker(rule, config, hints);
    selectors.check(rule.order, 'order');
    return selectors.problems;
  },

  globs: (rule) => selectorGlobs(rule.order),

  describe: (rule) => `Layers depend inwards only: ${rule.order.map((selector) => selector.text).join(' → ')}`,

  compile(rule, scope) {
    const rank = new Map<string, number>();
    rule.order.forEach((selector, index) => {
      if (selector.layer !== undefined) rank.set(selector.layer, index);
    });
    const applies = edgeFilter(rule, scope);
    return {
      on: 'imports',
      rule,
      looksAt(edge) {
        const fromLayer = scope.layerOf(edge.from);
        return fromLayer !== undefined && rank.has(fromLayer) && applies(edge);
      },
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          if (targetKind(edge.to) !== 'file') continue;
          const fromLayer = scope.layerOf(edge.from);
          const fromRank = fromLayer === undefined ? undefined : rank.get(fromLayer);
          if (fromRank === undefined || !applies(edge)) continue;
          const toLayer = scope.layerOf(edge.to);
          if (toLayer === undefined) {
            if (!rule.allowUnlayered) {
              violations.push(dependencyViolation(rule, edge,
                `${describeTarget(edge, scope)} is in no layer; add it to a layer in the rules file, or set "allowUnlayered": true`));
            }
            continue;
          }
          const toRank = rank.get(toLayer);
          if (toRank !== undefined && toRank < fromRank) {
            violations.push(dependencyViolation(rule, edge,
              `layer ${fromLayer} must not import the outer layer ${toLayer}: ${describeTarget(edge, scope)}`));
          }
        }
        return violations;
      },
    };
  },
};
