import type { Rule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { checkAllowed } from './allowed';
import type { CheckContext } from './checkContext';
import { checkEntryPoint } from './entryPoint';
import { checkForbidden } from './forbidden';
import { checkLayers } from './layers';
import { checkNoUnresolved } from './noUnresolved';

/**
 * Rules whose verdict on an import depends only on that import (and the layers of its ends): they
 * can be re-run on the imports of the files that changed alone.
 */
export function runEdgeRules(ctx: CheckContext): Violation[] {
  return ctx.config.rules.filter((rule) => rule.severity !== 'off' && rule.kind !== 'no-cycle').flatMap((rule) => checkEdgeRule(rule, ctx));
}

function checkEdgeRule(rule: Rule, ctx: CheckContext): Violation[] {
  switch (rule.kind) {
    case 'forbidden':
      return checkForbidden(rule, ctx);
    case 'allowed':
      return checkAllowed(rule, ctx);
    case 'layers':
      return checkLayers(rule, ctx);
    case 'entry-point':
      return checkEntryPoint(rule, ctx);
    case 'no-unresolved':
      return checkNoUnresolved(rule, ctx);
    case 'no-cycle':
      // The graph rule: IncrementalChecks keeps a CycleIndex per no-cycle rule.
      return [];
  }
}
