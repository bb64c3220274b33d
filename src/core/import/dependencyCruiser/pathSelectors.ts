// `from.path` / `from.pathNot` and `to.path` / `to.pathNot` → globs. Groups of from.path that
// `to` refers to as `$1` become captures (`{$1}` in from, `{$1}` or `!{$1}` in to); a group that
// is one of several literal names splits the rule into one rule per name.
import { subtractGlobs } from '../globAlgebra';
import { regexToGlobs } from '../regex/regexToGlobs';
import { splitAlternatives } from '../regex/splitAlternatives';
import { appendAll } from '../../util/arrays';

export interface FieldNote {
  field: string;
  message: string;
}

export interface PathNotes {
  approximated: FieldNote[];
}

export interface FromVariant {
  globs: string[];
  bindings: Map<number, string | null>;
  /** The literal names a variant stands for, to tell the rules apart ("casedata"). */
  label: string;
}

/** `$1`…`$9` used in a `to` pattern. */
export function referencedGroups(...patterns: Array<string | undefined>): Set<number> {
  const groups = new Set<number>();
  for (const pattern of patterns) for (const match of (pattern ?? '').matchAll(/\$(\d)/g)) groups.add(Number(match[1]));
  return groups;
}

export function fromVariants(path: string | undefined, pathNot: string | undefined, referenced: Set<number>, notes: PathNotes): FromVariant[] | FieldNote {
  let variants: FromVariant[] = [{ globs: ['**'], bindings: new Map(), label: '' }];
  if (path !== undefined) {
    const converted = regexToGlobs(path, { captureGroups: referenced });
    if (!converted.ok) return { field: 'from.path', message: converted.message };
    converted.notes.forEach((message) => notes.approximated.push({ field: 'from.path', message }));
    variants = converted.variants.map((variant) => ({
      ...variant,
      label: [...variant.bindings.values()].filter((text): text is string => text !== null && !text.includes('{')).map((text) => text.replace(/\/$/, '')).join(','),
    }));
  }
  if (pathNot !== undefined) {
    for (const variant of variants) variant.globs = without(variant.globs, pathNot, new Map(), 'from.pathNot', notes);
  }
  return variants;
}

/** Local files `to` names, as globs (every file when it has no path). */
export function toGlobs(path: string | undefined, pathNot: string | undefined, bindings: ReadonlyMap<number, string | null>, notes: PathNotes): string[] | FieldNote {
  let globs = ['**'];
  if (path !== undefined) {
    const converted = regexToGlobs(path, { refs: bindings });
    if (!converted.ok) return { field: 'to.path', message: converted.message };
    converted.notes.forEach((message) => notes.approximated.push({ field: 'to.path', message }));
    globs = converted.globs;
  }
  if (pathNot !== undefined) globs = without(globs, pathNot, bindings, 'to.pathNot', notes);
  return globs;
}

/**
 * `globs` minus what the `pathNot` regex matches, with notes where that is not exact. Each
 * top-level alternative is taken out on its own, so one that has no glob form spoils no other.
 */
function without(globs: string[], pathNot: string, bindings: ReadonlyMap<number, string | null>, field: string, notes: PathNotes): string[] {
  const removed: string[] = [];
  for (const alternative of splitAlternatives(pathNot)) {
    let converted = regexToGlobs(alternative, { refs: bindings });
    if (!converted.ok && !alternative.startsWith('^')) {
      // An unanchored pattern whose "$1" lands after "**" has no glob form; from the root it may.
      const rooted = regexToGlobs(`^(?:${alternative})`, { refs: bindings });
      if (rooted.ok) {
        notes.approximated.push({ field, message: `"${alternative}" is unanchored (it also matches below other folders); it is left out only from the root` });
        converted = rooted;
      }
    }
    if (!converted.ok) {
      notes.approximated.push({ field, message: `"${alternative}" not applied (${converted.message}): the rule also covers what it matches` });
      continue;
    }
    converted.notes.forEach((message) => notes.approximated.push({ field, message }));
    appendAll(removed, converted.globs);
  }
  if (removed.length === 0) return globs;
  const difference = subtractGlobs(globs, removed);
  for (const glob of difference.anchored) {
    notes.approximated.push({ field, message: `"${glob}" is unanchored (it also matches below other folders); it is left out only at the root (${glob.replace(/^\*\*\/\*/, '')})` });
  }
  const notApplied = new Map<string, string[]>();
  for (const { glob, from } of difference.notApplied) notApplied.set(glob, [...(notApplied.get(glob) ?? []), from]);
  for (const [glob, from] of notApplied) {
    notes.approximated.push({ field, message: `"${glob}" could not be taken out of ${from.join(', ')} with globs: the rule also covers what it matches there` });
  }
  return difference.globs;
}
