// Conditions on captured path segments, in disjunctive normal form: a list of terms (any may
// hold), each a list of atoms (all must hold). eslint-plugin-boundaries decides a dependency by
// the last rule that matches it; folding its rules into one condition per pair of element types
// tells, for each pair, exactly when a dependency is reported.
import { appendAll } from '../../util/arrays';

/** A captured value: a literal (micromatch pattern) or the importing file's captured `key`. */
export type Value = { literal: string } | { fromKey: string };

export interface Atom {
  /** Whose captured segment: the importing file's or the imported one's. */
  side: 'from' | 'to';
  key: string;
  equal: boolean;
  value: Value;
}

export type Term = Atom[];
export type Dnf = Term[];

export const TRUE: Dnf = [[]];
export const FALSE: Dnf = [];
const MAX_TERMS = 16;

export class TooComplex extends Error {}

const atomKey = (atom: Atom): string => `${atom.side}.${atom.key}${atom.equal ? '=' : '!='}${'literal' in atom.value ? `'${atom.value.literal}'` : `from.${atom.value.fromKey}`}`;

export function isTrue(dnf: Dnf): boolean {
  return dnf.some((term) => term.length === 0);
}

export function or(a: Dnf, b: Dnf): Dnf {
  return simplify([...a, ...b]);
}

export function and(a: Dnf, b: Dnf): Dnf {
  const terms: Dnf = [];
  for (const x of a) for (const y of b) terms.push([...x, ...y]);
  return simplify(terms);
}

export function not(a: Dnf): Dnf {
  let result: Dnf = TRUE;
  for (const term of a) {
    // not (x and y) = (not x) or (not y)
    result = and(result, term.length === 0 ? FALSE : term.map((atom) => [{ ...atom, equal: !atom.equal }]));
  }
  return result;
}

/** The same condition as terms no two of which hold together (so no import matches two rules). */
export function disjoint(dnf: Dnf): Dnf {
  const out: Dnf = [];
  let before: Dnf = FALSE;
  for (const term of dnf) {
    appendAll(out, and([term], not(before)));
    before = or(before, [term]);
  }
  return out;
}

function simplify(terms: Dnf): Dnf {
  if (terms.some((term) => term.length === 0)) return TRUE;
  const seen = new Map<string, Term>();
  for (const term of terms) {
    const unique = [...new Map(term.map((atom) => [atomKey(atom), atom])).values()];
    if (contradicts(unique)) continue;
    unique.sort((x, y) => atomKey(x).localeCompare(atomKey(y)));
    seen.set(unique.map(atomKey).join(' & '), unique);
  }
  const result = [...seen.values()];
  // A term that holds whenever a shorter one holds adds nothing.
  const minimal = result.filter((term) => !result.some((other) => other !== term && other.length < term.length && other.every((atom) => term.some((t) => atomKey(t) === atomKey(atom)))));
  if (minimal.length > MAX_TERMS) throw new TooComplex();
  return minimal;
}

function contradicts(term: Term): boolean {
  return term.some((a) =>
    term.some((b) => {
      if (a === b || a.side !== b.side || a.key !== b.key || JSON.stringify(a.value) !== JSON.stringify(b.value)) {
        // x = 'a' and x = 'b' (two plain names) cannot both hold.
        return a !== b && a.side === b.side && a.key === b.key && a.equal && b.equal && 'literal' in a.value && 'literal' in b.value && isName(a.value.literal) && isName(b.value.literal) && a.value.literal !== b.value.literal;
      }
      return a.equal !== b.equal;
    }),
  );
}

function isName(text: string): boolean {
  return !/[*?[\]{}()!|]/.test(text);
}
