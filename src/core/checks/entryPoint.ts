import { compilePatterns } from '../glob/pattern';
import type { EntryPointRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { targetKind, type CheckContext } from './checkContext';
import { edgeFilter } from './edgeFilter';
import { dependencyViolation, describeTarget } from './makeViolation';

/**
 * `entry-point`: a module (a directory matched by `modules`) is entered only through its public
 * files. Imports from inside the module are free; imports from outside must target an entry file.
 */
export function checkEntryPoint(rule: EntryPointRule, ctx: CheckContext): Violation[] {
  const modules = compilePatterns(rule.modules.map((ref) => ref.pattern));
  const moduleCache = new Map<string, string | null>();
  /** The module directory (root-relative) that holds `rel`, found by testing each ancestor dir. */
  const moduleOf = (rel: string): string | undefined => {
    let found = moduleCache.get(rel);
    if (found === undefined) {
      found = null;
      const parts = rel.split('/');
      for (let length = 1; length < parts.length && found === null; length++) {
        const dir = parts.slice(0, length).join('/');
        if (modules.some((pattern) => pattern.match(dir))) found = dir;
      }
      moduleCache.set(rel, found);
    }
    return found ?? undefined;
  };
  const entries = new Set(rule.entry);
  const applies = edgeFilter(rule, ctx);
  const violations: Violation[] = [];
  for (const edge of ctx.edges) {
    if (targetKind(edge.to) !== 'file') continue;
    const toRel = ctx.rel(edge.to);
    const module = moduleOf(toRel);
    if (module === undefined || !applies(edge)) continue;
    const fromRel = ctx.rel(edge.from);
    if (fromRel.startsWith(`${module}/`)) continue;
    if (entries.has(toRel.slice(module.length + 1))) continue;
    violations.push(dependencyViolation(rule, edge,
      `${describeTarget(edge, ctx)} reaches into ${module} past its public entry (${rule.entry.join(', ')}); import it through the entry instead`));
  }
  return violations;
}
