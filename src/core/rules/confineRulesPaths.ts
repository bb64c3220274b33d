// Paths a rules file names stay inside its root (the loaded file's folder): a `baseline` that
// leads elsewhere would be overwritten by `--update-baseline`, a `tsconfig` or `extends` elsewhere
// would be read. Checked as written and after following symlinks (see fs/confinePath); a path
// that leads out is a rules-file error at the value, and is dropped from the config.
import { confinePath, type Confined } from '../fs/confinePath';
import type { FileSystem } from '../fs/fileSystem';
import { nodeLocation, stringValue } from '../json/jsonDocument';
import type { ConfigProblem, RulesConfig } from '../model/ruleTypes';
import type { MergedConfig } from './mergeConfigs';

const FIX: Record<'baseline' | 'tsconfig' | 'extends', string> = {
  baseline: 'keep the baseline inside it, such as ".guardrails/baseline.json"',
  tsconfig: 'name a tsconfig inside it',
  extends: 'extend rules files inside it, or one in a package under node_modules',
};

/** Checks `baseline` and `tsconfig`; removes those that lead outside and says where they lead. */
export function confineRulesPaths(config: RulesConfig, merged: MergedConfig, fs: FileSystem): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const field of ['baseline', 'tsconfig'] as const) {
    const value = config[field];
    const written = merged[field];
    if (value === undefined || written === undefined) continue;
    const confined = confinePath(config.root, value, fs);
    if (confined.ok) continue;
    delete config[field];
    problems.push({
      severity: 'error',
      message: outsideMessage(field, stringValue(written.node) ?? value, config.root, confined),
      location: nodeLocation(written.doc, written.node),
    });
  }
  return problems;
}

/** `"baseline": "../x.json" is /w/x.json, outside the rules file's folder /w/app; keep …` */
export function outsideMessage(field: keyof typeof FIX, written: string, root: string, confined: Extract<Confined, { ok: false }>): string {
  const where = confined.throughSymlink
    ? `leads outside the rules file's folder ${root} through a symlink (to ${confined.path})`
    : `is ${confined.path}, outside the rules file's folder ${root}`;
  return `"${field}": ${JSON.stringify(written)} ${where}; ${FIX[field]}`;
}
