import { compilePattern } from '../glob/pattern';
import type { Location, Violation } from '../model/types';
import type { PatternRef, Rule, Selector } from '../model/ruleTypes';
import type { CheckContext } from './checkContext';

export const UNMATCHED_PATTERN = 'unmatched-pattern';

/**
 * Layers and rule globs that match no analysed file. A rule that silently matches nothing (a typo,
 * a moved folder) is the most common way architecture rules stop protecting anything.
 * `kindGlobs` gives each rule's own globs (its kind's module knows them); exceptions are added here.
 */
export function checkUnmatchedPatterns(ctx: CheckContext, kindGlobs: (rule: Rule) => RuleGlob[]): Violation[] {
  const rels = ctx.files.map((file) => ctx.rel(file));
  // Only folder globs need the folders; listing them costs a history step that adds a file as much as the rest.
  let dirs: string[] | undefined;
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
    if (layerCounts.get(layer.name)) continue;
    const globs = layer.files.map((ref) => ref.pattern).join(', ');
    // Its globs may match files that layers before it claim: say so, not "matches no file".
    const claimants = new Set<string>();
    for (const file of ctx.files) {
      if (ctx.layers.matches(layer.name, ctx.rel(file))) claimants.add(ctx.layerOf(file)!);
    }
    if (claimants.size > 0) {
      report(`every file of layer "${layer.name}" (${globs}) is in another layer (${[...claimants].sort().join(', ')}) whose glob is more specific, or as specific and declared first; narrow its globs or remove it`, layer.location);
    } else {
      report(`layer "${layer.name}" matches no file (${globs}); fix its globs or remove it`, layer.location);
    }
  }

  for (const rule of ctx.config.rules) {
    if (rule.severity === 'off') continue;
    for (const { pattern, location, what } of [...patternGlobs(rule.exceptions, 'file'), ...kindGlobs(rule)]) {
      if (!matchesAny(pattern, what === 'dir' ? (dirs ??= directoriesOf(rels)) : rels)) {
        report(`"${pattern}" in rule ${rule.id} matches no ${what === 'dir' ? 'folder' : 'file'}; the rule checks nothing there`, location);
      }
    }
  }
  return violations;
}

/** A glob that should match something: a file, or (`dir`) a folder. */
export interface RuleGlob {
  pattern: string;
  location: Location;
  what: 'file' | 'dir';
}

export function patternGlobs(refs: readonly PatternRef[], what: RuleGlob['what']): RuleGlob[] {
  return refs.map((ref) => ({ pattern: ref.pattern, location: ref.location, what }));
}

/** The globs among `from` / `to` / `order` selectors (layer names are checked as layers). */
export function selectorGlobs(list: readonly Selector[]): RuleGlob[] {
  // Captures (`{feature}`) and negated captures only make sense with a partner; match them loosely.
  return list
    .filter((selector) => selector.layer === undefined)
    .map((selector) => ({ pattern: selector.text.replace(/!?\{[A-Za-z_][\w-]*\}/g, '*'), location: selector.location, what: 'file' as const }));
}

function directoriesOf(rels: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split('/');
    for (let length = 1; length < parts.length; length++) dirs.add(parts.slice(0, length).join('/'));
  }
  return [...dirs];
}
