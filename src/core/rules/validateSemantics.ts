// Checks that need the whole loaded configuration: every glob of the file is valid, and each rule
// passes its kind's own checks (selectors name layers or are valid globs, captures used in "to"
// are captured in "from"). Each problem points at the value that causes it.
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import { kindOf } from '../kinds/ruleKinds';
import { plainGlobProblems } from '../kinds/validation';
import { appendAll } from '../util/arrays';

export function validateSemantics(config: RulesConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [
    ...plainGlobProblems(config.include),
    ...plainGlobProblems(config.exclude),
    ...config.layers.flatMap((layer) => plainGlobProblems(layer.files)),
  ];
  for (const rule of config.rules) {
    appendAll(problems, plainGlobProblems(rule.exceptions));
    appendAll(problems, kindOf(rule).validate(rule, config));
  }
  return problems;
}
