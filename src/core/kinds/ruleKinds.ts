// Every rule kind's module in one table, typed so that a new kind without every part (or missing
// from the table) does not compile. The loader, the checks, the reports and hovers go through it.
import type { RuleScope } from '../checks/checkContext';
import type { RuleGlob } from '../checks/unmatchedPatterns';
import type { Rule, RuleKind, RulesConfig } from '../model/ruleTypes';
import { allowed } from './allowed';
import { entryPoint } from './entryPoint';
import { forbidden } from './forbidden';
import { layers } from './layers';
import { noCycle } from './noCycle';
import { noUnresolved } from './noUnresolved';
import type { CompiledRule, CompileOptions, RuleKindModule } from './ruleKind';

export const RULE_KIND_MODULES: { readonly [K in RuleKind]: RuleKindModule<Extract<Rule, { kind: K }>> } = {
  forbidden,
  allowed,
  layers,
  'no-cycle': noCycle,
  'entry-point': entryPoint,
  'no-unresolved': noUnresolved,
};

/** The module of a rule's kind. TypeScript cannot tie `rule.kind` to the rule's own type; the table's type does. */
export function kindOf<R extends Rule>(rule: R): RuleKindModule<R> {
  return RULE_KIND_MODULES[rule.kind] as unknown as RuleKindModule<R>;
}

/** One-line, human wording of a configured rule, for SARIF rule descriptors and hovers. */
export function describeRule(rule: Rule): string {
  return kindOf(rule).describe(rule);
}

/** The rule's own globs that should match something (its exceptions aside). */
export function ruleGlobs(rule: Rule): RuleGlob[] {
  return kindOf(rule).globs(rule);
}

/** Every rule that is not off, compiled against one project's paths and layers, in the rules file's order. */
export function compileRules(config: RulesConfig, scope: RuleScope, options: CompileOptions = {}): CompiledRule[] {
  return config.rules.filter((rule) => rule.severity !== 'off').map((rule) => kindOf(rule).compile(rule, scope, options));
}
