import { compilePattern } from '../glob/pattern';
import type { Rule } from '../model/ruleTypes';
import type { Edge } from '../model/types';
import { targetKind, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { SelectorSet } from './selectors';

/**
 * The rules that look at one import (whether or not it breaks them), for the editor's hover:
 * "which rules guard this line?" is the question a developer asks before changing it.
 */
export function rulesForEdge(edge: Edge, ctx: CheckContext): Rule[] {
  return ctx.config.rules.filter((rule) => rule.severity !== 'off' && edgeFilter(rule, ctx)(edge) && looksAt(rule, edge, ctx));
}

function looksAt(rule: Rule, edge: Edge, ctx: CheckContext): boolean {
  const fromRel = ctx.rel(edge.from);
  const fromLayer = ctx.layerOf(edge.from);
  switch (rule.kind) {
    case 'forbidden':
    case 'allowed':
      return new SelectorSet(rule.from).matchFrom(fromRel, fromLayer) !== undefined;
    case 'layers':
      return fromLayer !== undefined && rule.order.some((selector) => selector.layer === fromLayer);
    case 'no-cycle':
      return targetKind(edge.to) === 'file' && (rule.scope.length === 0 || rule.scope.some((ref) => {
        const compiled = compilePattern(ref.pattern);
        return compiled.ok && compiled.pattern.match(fromRel);
      }));
    case 'entry-point':
      return targetKind(edge.to) === 'file' && rule.modules.some((ref) => {
        const compiled = compilePattern(ref.pattern);
        if (!compiled.ok) return false;
        const parts = ctx.rel(edge.to).split('/');
        return parts.some((_, index) => index > 0 && compiled.pattern.match(parts.slice(0, index).join('/')));
      });
    case 'no-unresolved':
      return targetKind(edge.to) === 'unresolved';
  }
}
