// The element-types (v6: dependencies) rule → forbidden rules. For every pair of element types
// the plugin's rules are folded, in order, into the condition under which a dependency between
// them is reported (the last matching rule decides; disallow wins within a rule; dependencies
// inside one element are never reported). An unconditional "reported" becomes a forbidden rule
// between layers; a condition on captured segments becomes globs with captures.
import { type Notes, uniqueId, type RuleJson } from '../importResult';
import { isDict, type Dict } from '../dependencyCruiser/configShape';
import { and, disjoint, FALSE, isTrue, not, or, TooComplex, TRUE, type Atom, type Dnf, type Term, type Value } from './conditions';
import type { Element, ElementPattern } from './elements';
import { captureNameAfter } from '../captureNames';
import { parseSelectors, typeMatches, UnsupportedSelector, type ElementSelector } from './selectors';

export interface RuleSettings {
  name: string;
  severity: string;
  options: Dict;
  exceptions: string[];
  kinds?: string[];
}

export function mapElementTypes(settings: RuleSettings, elements: Element[], ids: Set<string>, notes: Notes): RuleJson[] {
  const { name, options } = settings;
  const rules = Array.isArray(options.rules) ? options.rules.filter(isDict) : [];
  const parsed: Array<{ from: ElementSelector[]; allow: ElementSelector[]; disallow: ElementSelector[] }> = [];
  for (const [index, rule] of rules.entries()) {
    const field = `rules[${index}]`;
    try {
      if (rule.from === undefined) throw new UnsupportedSelector(rule.to !== undefined || rule.target !== undefined ? 'a rule keyed on "to"' : 'a rule without "from"');
      for (const key of Object.keys(rule)) if (!['from', 'allow', 'disallow', 'message', 'importKind'].includes(key)) throw new UnsupportedSelector(`"${key}"`);
      if (rule.importKind !== undefined) throw new UnsupportedSelector('"importKind"');
      parsed.push({ from: parseSelectors(rule.from), allow: parseSelectors(rule.allow), disallow: parseSelectors(rule.disallow) });
    } catch (error) {
      if (!(error instanceof UnsupportedSelector)) throw error;
      notes.notMapped(name, field, `${error.message} has no Guardrails form; the rule is left out, so what it decides is decided by the others`);
    }
  }
  const disallowByDefault = options.default !== 'allow';
  const unconditional = new Map<string, string[]>();
  const conditional: RuleJson[] = [];
  const why = typeof options.message === 'string' && !/\$\{|\{\{/.test(options.message) ? options.message : undefined;
  const base = { severity: settings.severity, allowTypeOnly: undefined, kinds: settings.kinds, exceptions: settings.exceptions.length ? settings.exceptions : undefined, why };
  for (const from of elements) {
    for (const to of elements) {
      let reported: Dnf;
      try {
        reported = pairCondition(from, to, parsed, disallowByDefault);
        if (from === to) reported = and(reported, notInternal(from));
      } catch (error) {
        if (!(error instanceof TooComplex || error instanceof UnsupportedSelector)) throw error;
        notes.notMapped(name, `${from.type} → ${to.type}`, error instanceof TooComplex ? 'the rules make too many cases of captured values' : error.message);
        continue;
      }
      if (isTrue(reported)) {
        unconditional.set(from.layer, [...(unconditional.get(from.layer) ?? []), to.layer]);
        continue;
      }
      for (const term of disjoint(reported)) {
        const globs = termGlobs(from, to, term);
        if (typeof globs === 'string') {
          notes.notMapped(name, `${from.type} → ${to.type}`, globs);
          continue;
        }
        conditional.push({ id: uniqueId(`${name.replace(/^boundaries\//, '')}/${from.layer}-${to.layer}`, ids), kind: 'forbidden', ...compact({ ...base, from: one(globs.from), to: one(globs.to) }) });
      }
    }
  }
  const layerRules = [...unconditional].map(([layer, targets]): RuleJson => ({
    id: uniqueId(`${name.replace(/^boundaries\//, '')}/${layer}`, ids),
    kind: 'forbidden',
    ...compact({ ...base, from: layer, to: targets }),
  }));
  return [...layerRules, ...conditional];
}

/** When a dependency from an element of `from` to one of `to` is reported. */
function pairCondition(from: Element, to: Element, rules: Array<{ from: ElementSelector[]; allow: ElementSelector[]; disallow: ElementSelector[] }>, disallowByDefault: boolean): Dnf {
  let reported = disallowByDefault ? TRUE : FALSE;
  for (const rule of rules) {
    const fromCondition = matching(rule.from, from, 'from');
    if (fromCondition.length === 0) continue;
    const disallowed = and(fromCondition, matching(rule.disallow, to, 'to'));
    const allowed = and(fromCondition, matching(rule.allow, to, 'to'));
    // Disallow wins within a rule; a rule that does not match leaves the verdict as it was.
    reported = or(disallowed, and(not(allowed), reported));
  }
  return reported;
}

function matching(selectors: ElementSelector[], element: Element, side: 'from' | 'to'): Dnf {
  let condition = FALSE;
  for (const selector of selectors) {
    if (!typeMatches(selector, element.type)) continue;
    const term: Term = Object.entries(selector.captured).map(([key, value]): Atom => ({ side, key, equal: true, value }));
    if (side === 'from' && term.some((atom) => 'fromKey' in atom.value)) throw new UnsupportedSelector('a captured value of "from" that refers to "from"');
    condition = or(condition, [term]);
  }
  return condition;
}

/** Dependencies inside one element (same folder of a folder element) are never reported. */
function notInternal(element: Element): Dnf {
  if (element.patterns.every((pattern) => pattern.singleFile)) return TRUE;
  if (element.patterns.length !== 1 || element.patterns[0].instance === undefined) throw new UnsupportedSelector(`imports inside one "${element.type}" element cannot be told apart from imports between two of them`);
  const { instance } = element.patterns[0];
  if (instance.length === 0) return FALSE; // one folder: every dependency inside the type is internal
  return instance.map((index): Term => [{ side: 'to', key: `#${index}`, equal: false, value: { fromKey: `#${index}` } }]);
}

/**
 * `to.k = 'v'` with `to.k ≠ from.j` on the same segment is `from.j ≠ 'v'` (a segment cannot say
 * both); with `to.k = from.j` it is `from.j = 'v'`.
 */
function substitute(term: Term, to: ElementPattern): Term {
  const slot = (atom: Atom): number | undefined => (atom.side === 'to' ? slotOf(to, atom.key) : undefined);
  return term.map((atom) => {
    if (atom.side !== 'to' || !('fromKey' in atom.value)) return atom;
    const fixed = term.find((other) => other !== atom && other.side === 'to' && other.equal && 'literal' in other.value && slot(other) === slot(atom));
    if (!fixed || !('literal' in fixed.value)) return atom;
    return { side: 'from', key: atom.value.fromKey, equal: atom.equal, value: fixed.value };
  });
}

/** Globs with captures for one term, or a message when a captured value is no whole segment. */
function termGlobs(from: Element, to: Element, original: Term): { from: string[]; to: string[] } | string {
  const term = to.patterns.length === 1 ? substitute(original, to.patterns[0]) : original;
  const fromGlobs: string[] = [];
  const toGlobs: string[] = [];
  for (const fromPattern of from.patterns) {
    const fromSegments = [...fromPattern.segments];
    const fromAtoms = term.filter((atom) => atom.side === 'from');
    const needed = new Set(term.filter((atom) => atom.side === 'to' && 'fromKey' in atom.value).map((atom) => (atom.value as { fromKey: string }).fromKey));
    for (const key of needed) {
      const slot = slotOf(fromPattern, key);
      if (slot === undefined || fromPattern.segments[slot] !== '*') return notSegment(key, fromPattern);
      fromSegments[slot] = `{${captureName(key, fromPattern)}}`;
    }
    const assigned = new Map<number, string>();
    for (const atom of fromAtoms) {
      const slot = slotOf(fromPattern, atom.key);
      if (slot === undefined || fromPattern.segments[slot] !== '*') return notSegment(atom.key, fromPattern);
      const segment = segmentFor(atom, fromPattern);
      if (assigned.has(slot) && assigned.get(slot) !== segment) return conflict(fromPattern);
      assigned.set(slot, segment);
      fromSegments[slot] = segment;
    }
    fromGlobs.push(fromSegments.join('/'));
  }
  for (const toPattern of to.patterns) {
    const toSegments = [...toPattern.segments];
    const assigned = new Map<number, string>();
    for (const atom of term.filter((a) => a.side === 'to')) {
      const slot = slotOf(toPattern, atom.key);
      if (slot === undefined || toPattern.segments[slot] !== '*') return notSegment(atom.key, toPattern);
      const segment = segmentFor(atom, from.patterns[0]);
      if (assigned.has(slot) && assigned.get(slot) !== segment) return conflict(toPattern);
      assigned.set(slot, segment);
      toSegments[slot] = segment;
    }
    toGlobs.push(toSegments.join('/'));
  }
  return { from: [...new Set(fromGlobs)], to: [...new Set(toGlobs)] };
}

function slotOf(pattern: ElementPattern, key: string): number | undefined {
  if (key.startsWith('#')) return Number(key.slice(1));
  return pattern.slots.get(key);
}

function conflict(pattern: ElementPattern): string {
  return `two conditions on one segment of ${pattern.segments.join('/')} cannot be written as one glob`;
}

function notSegment(key: string, pattern: ElementPattern): string {
  const what = key.startsWith('#') ? 'the folder that makes one element' : `"${key}"`;
  return `${what} is not a whole "*" segment of ${pattern.segments.join('/')}, so no capture can compare it`;
}

/** The capture name for a key: a named capture, or the name given to that segment elsewhere. */
function captureName(key: string, pattern: ElementPattern): string {
  if (!key.startsWith('#')) return key;
  const index = Number(key.slice(1));
  const named = [...pattern.slots].find(([, slot]) => slot === index);
  if (named) return named[0];
  const taken = new Set(pattern.slots.keys());
  const name = captureNameAfter(pattern.segments[index - 1], `_${index}`);
  return taken.has(name) ? `_${index}` : name;
}

function segmentFor(atom: Atom, fromPattern: ElementPattern): string {
  const value: Value = atom.value;
  if ('fromKey' in value) return `${atom.equal ? '' : '!'}{${captureName(value.fromKey, fromPattern)}}`;
  const alternatives = value.literal.split('|');
  if (atom.equal) return alternatives.length === 1 ? alternatives[0] : `@(${alternatives.join('|')})`;
  return `!(${alternatives.join('|')})`;
}

function one(globs: string[]): string | string[] {
  return globs.length === 1 ? globs[0] : globs;
}

function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
