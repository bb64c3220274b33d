// Checks that need the whole loaded configuration: every glob of the file is valid, and each rule
// passes its kind's own checks (selectors name layers or are valid globs, captures used in "to"
// are captured in "from"). Each problem points at the value that causes it.
import type { FileSystem } from '../fs/fileSystem';
import { folderHints } from '../kinds/folderHints';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import { kindOf } from '../kinds/ruleKinds';
import { plainGlobProblems } from '../kinds/validation';
import { appendAll } from '../util/arrays';

/** `fs`: to name folders that exist in hints. */
export function validateSemantics(config: RulesConfig, fs?: FileSystem): ConfigProblem[] {
  const hints = fs && folderHints(config.root, fs);
  const problems: ConfigProblem[] = [
    ...plainGlobProblems(config.include),
    ...plainGlobProblems(config.exclude),
    ...config.layers.flatMap((layer) => plainGlobProblems(layer.files)),
  ];
  for (const rule of config.rules) {
    appendAll(problems, plainGlobProblems(rule.exceptions));
    appendAll(problems, kindOf(rule).validate(rule, config, hints));
  }
  return problems;
}
