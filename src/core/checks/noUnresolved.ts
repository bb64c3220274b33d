import { minimatch } from 'minimatch';
import type { NoUnresolvedRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { targetKind, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { dependencyViolation } from './makeViolation';

/** `no-unresolved`: a relative or aliased import that points at no file. */
export function checkNoUnresolved(rule: NoUnresolvedRule, ctx: CheckContext): Violation[] {
  const applies = edgeFilter(rule, ctx);
  const violations: Violation[] = [];
  for (const edge of ctx.edges) {
    if (targetKind(edge.to) !== 'unresolved' || !applies(edge)) continue;
    if (rule.ignore.some((pattern) => minimatch(edge.specifier, pattern))) continue;
    violations.push(dependencyViolation(rule, edge, `cannot resolve '${edge.specifier}': no such file in the workspace`));
  }
  return violations;
}
