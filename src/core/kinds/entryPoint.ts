// `entry-point`: a module (a directory matched by `modules`) is entered only through its public
// files. Imports from inside the module are free; imports from outside must target an entry file.
import { targetKind } from '../checks/checkContext';
import { edgeFilter } from '../checks/edgeFilter';
import { dependencyViolation, describeTarget } from '../checks/makeViolation';
import { patternGlobs } from '../checks/unmatchedPatterns';
import { compilePatterns } from '../glob/pattern';
import { stringsOf } from '../json/jsonDocument';
import { patternRefs } from '../json/readValues';
import type { EntryPointRule } from '../model/ruleTypes';
import type { Violation } from '../model/types';
import { isTextOrList, type RuleKindModule } from './ruleKind';
import { plainGlobProblems } from './validation';
import { listOf } from './wording';

export const entryPoint: RuleKindModule<EntryPointRule> = {
  normalize(input) {
    const entryField = input.field('entry');
    const entries = stringsOf(entryField?.node);
    for (const item of entries) {
      if (item.value.trim() === '') input.error(`${input.label} has an empty file name in "entry"`, { doc: entryField!.doc, node: item.node });
    }
    if (entryField && isTextOrList(entryField) && entries.length === 0) input.error(`${input.label} needs at least one file in "entry" (such as "index.ts")`, entryField);
    return {
      ...input.base,
      kind: 'entry-point',
      modules: patternRefs(input.field('modules')),
      entry: entries.map((item) => item.value).filter((v) => v.trim() !== ''),
    };
  },

  validate: (rule) => plainGlobProblems(rule.modules),

  globs: (rule) => patternGlobs(rule.modules, 'dir'),

  describe: (rule) => `Modules ${listOf(rule.modules)} are imported only through ${rule.entry.join(', ')}`,

  compile(rule, scope) {
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
    const applies = edgeFilter(rule, scope);
    return {
      on: 'imports',
      rule,
      looksAt: (edge) => targetKind(edge.to) === 'file' && moduleOf(scope.rel(edge.to)) !== undefined && applies(edge),
      check(edges) {
        const violations: Violation[] = [];
        for (const edge of edges) {
          if (targetKind(edge.to) !== 'file') continue;
          const toRel = scope.rel(edge.to);
          const module = moduleOf(toRel);
          if (module === undefined || !applies(edge)) continue;
          const fromRel = scope.rel(edge.from);
          if (fromRel.startsWith(`${module}/`)) continue;
          if (entries.has(toRel.slice(module.length + 1))) continue;
          violations.push(dependencyViolation(rule, edge,
            `${describeTarget(edge, scope)} reaches into ${module} past its public entry (${rule.entry.join(', ')}); import it through the entry instead`));
        }
        return violations;
      },
    };
  },
};
