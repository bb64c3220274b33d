import type { Rule } from '../rules/ruleTypes';
import type { Violation } from '../types';
import { checkAllowed } from './allowed';
import type { CheckContext } from './checkContext';
import { checkEntryPoint } from './entryPoint';
import { checkForbidden } from './forbidden';
import { checkLayers } from './layers';
import { checkNoCycle } from './noCycle';
import { checkNoUnresolved } from './noUnresolved';
import { checkUnmatchedPatterns } from './unmatchedPatterns';

function checkRule(rule: Rule, ctx: CheckContext): Violation[] {
  switch (rule.kind) {
    case 'forbidden':
      return checkForbidden(rule, ctx);
    case 'allowed':
      return checkAllowed(rule, ctx);
    case 'layers':
      return checkLayers(rule, ctx);
    case 'no-cycle':
      return checkNoCycle(rule, ctx);
    case 'entry-point':
      return checkEntryPoint(rule, ctx);
    case 'no-unresolved':
      return checkNoUnresolved(rule, ctx);
  }
}

/** Every enabled rule over the graph, plus the patterns that match nothing. */
export function runChecks(ctx: CheckContext): Violation[] {
  const violations: Violation[] = [];
  for (const rule of ctx.config.rules) {
    if (rule.severity !== 'off') violations.push(...checkRule(rule, ctx));
  }
  violations.push(...checkUnmatchedPatterns(ctx));
  return violations;
}
