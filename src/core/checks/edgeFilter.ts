import { compilePatterns } from '../glob/pattern';
import type { Edge } from '../model/types';
import type { Rule } from '../model/ruleTypes';
import { targetKind, type RuleScope } from './checkContext';

/**
 * The options every rule shares, applied in one place: `kinds`, `allowTypeOnly` and `exceptions`
 * (an exception on either end of a dependency exempts it).
 */
export function edgeFilter(rule: Rule, scope: RuleScope): (edge: Edge) => boolean {
  const exceptions = compilePatterns(rule.exceptions.map((ref) => ref.pattern));
  const kinds = rule.kinds ? new Set(rule.kinds) : undefined;
  const excepted = new Map<string, boolean>();
  const isExcepted = (file: string): boolean => {
    let result = excepted.get(file);
    if (result === undefined) {
      const rel = scope.rel(file);
      result = exceptions.some((pattern) => pattern.match(rel));
      excepted.set(file, result);
    }
    return result;
  };
  return (edge) => {
    if (kinds && !kinds.has(edge.kind)) return false;
    if (rule.allowTypeOnly && edge.typeOnly) return false;
    if (exceptions.length > 0 && (isExcepted(edge.from) || (targetKind(edge.to) === 'file' && isExcepted(edge.to)))) return false;
    return true;
  };
}

