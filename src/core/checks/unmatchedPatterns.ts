import { compilePattern } from '../glob/pattern';
import type { Location, Violation } from '../model/types';
import type { Rule } from '../model/ruleTypes';
import type { CheckContext } from './checkContext';

export const UNMATCHED_PATTERN = 'unmatched-pattern';

/**
 * Layers and rule globs that match no analysed file. A rule that silently matches nothing (a typo,
 * a moved folder) is the most common way architecture rules stop protecting anything.
 */
export function checkUnmatchedPatterns(ctx: CheckContext): Violation[] {
  const rels = ctx.files.map((file) => ctx.rel(file));
  const dirs = directoriesOf(rels);
  const violations: Violation[] = [];
  const report = (message: string, location: Location): void => {
    violations.push({ ruleId: UNMATCHED_PATTERN, severity: 'warning', message, location, from: location.file, to: '' });
  };
  const matchesAny = (pattern: string, candidates: readonly string[]): boolean => {
    const compiled = compilePattern(pattern);
    return !compiled.ok || candidates.some((rel) => compiled.pattern.match(rel));
  };

  const layerCounts = new Map<string, number>();
  for (const file of ctx.files) {
    const layer = ctx.layerOf(file);
    if (layer !== undefined) layerCounts.set(layer, (layerCounts.get(layer) ?? 0) + 1);
  }
  for (const layer of ctx.config.layers) {
    if (!layerCounts.get(layer.name)) {
      report(`layer "${layer.name}" matches no file (${layer.files.map((ref) => ref.pattern).join(', ')}); fix its globs or remove it`, layer.location);
    }
  }

  for (const rule of ctx.config.rules) {
    if (rule.severity === 'off') continue;
    for (const { pattern, location, what } of ruleGlobs(rule)) {
      if (!matchesAny(pattern, what === 'dir' ? dirs : rels)) {
        report(`"${pattern}" in rule ${rule.id} matches no ${what === 'dir' ? 'folder' : 'file'}; the rule checks nothing there`, location);
      }
    }
  }
  return violations;
}

interface RuleGlob {
  pattern: string;
  location: Location;
  what: 'file' | 'dir';
}

function ruleGlobs(rule: Rule): RuleGlob[] {
  const globs: RuleGlob[] = rule.exceptions.map((ref) => ({ pattern: ref.pattern, location: ref.location, what: 'file' as const }));
  const selectors = (list: { text: string; layer?: string; location: Location }[]): void => {
    for (const selector of list) {
      // Captures (`{feature}`) and negated captures only make sense with a partner; match them loosely.
      if (selector.layer === undefined) {
        const pattern = selector.text.replace(/!?\{[A-Za-z_][\w-]*\}/g, '*');
        globs.push({ pattern, location: selector.location, what: 'file' });
      }
    }
  };
  switch (rule.kind) {
    case 'forbidden':
    case 'allowed':
      selectors(rule.from);
      selectors(rule.to);
      break;
    case 'layers':
      selectors(rule.order);
      break;
    case 'no-cycle':
      globs.push(...rule.scope.map((ref) => ({ pattern: ref.pattern, location: ref.location, what: 'file' as const })));
      break;
    case 'entry-point':
      globs.push(...rule.modules.map((ref) => ({ pattern: ref.pattern, location: ref.location, what: 'dir' as const })));
      break;
    case 'no-unresolved':
      break;
  }
  return globs;
}

function directoriesOf(rels: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split('/');
    for (let length = 1; length < parts.length; length++) dirs.add(parts.slice(0, length).join('/'));
  }
  return [...dirs];
}
