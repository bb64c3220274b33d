// Regex AST → alternatives without nesting ("branches"), each a flat list of tokens that map one
// to one onto glob syntax. Groups are expanded into branches except plain alternatives of short
// literals, which stay inline as `@(a|b)`. Repetition is only read where a glob can say it:
// a run of characters inside one path segment, or `.*` / `.+` across segments.
import { ANY_CHAR, onlyChar, setHas, type CharSet, type Node } from './parseRegex';
import { appendAll } from '../../util/arrays';

export type Token =
  /** One glob unit inside a segment (`a`, `[.]`, `?`, `*`, `?*`, `@(a|b)`), or `/`. */
  | { t: 'ch'; s: string; wild?: boolean }
  /** `.*` (min 0) or `.+` (min 1): any characters, `/` included. */
  | { t: 'any'; min: 0 | 1 }
  | { t: 'start' }
  | { t: 'end' }
  | { t: 'open'; n: number }
  | { t: 'close'; n: number }
  | { t: 'ref'; n: number }
  | { t: 'look'; negative: boolean; branches: Token[][] };

export interface Linearized {
  branches: Token[][];
  /** Why the globs will not match exactly what the regex matches (empty when they will). */
  notes: string[];
}

const MAX_BRANCHES = 256;
const MAX_REPEAT = 4;

export class Unsupported extends Error {}

/** `expandGroups`: capture groups that must be expanded (their text is referred to elsewhere). */
export function linearize(alternatives: Node[][], expandGroups: ReadonlySet<number>): Linearized {
  const notes = new Set<string>();
  const branches = alternatives.flatMap((sequence) => linearSequence(sequence, expandGroups, notes));
  return { branches, notes: [...notes] };
}

function linearSequence(sequence: Node[], expand: ReadonlySet<number>, notes: Set<string>): Token[][] {
  let branches: Token[][] = [[]];
  for (const node of sequence) {
    const options = nodeOptions(node, expand, notes);
    const next: Token[][] = [];
    for (const branch of branches) for (const option of options) next.push([...branch, ...option]);
    if (next.length > MAX_BRANCHES) throw new Unsupported(`more than ${MAX_BRANCHES} alternatives`);
    branches = next;
  }
  return branches;
}

/** The token sequences one quantified node can stand for. */
function nodeOptions(node: Node, expand: ReadonlySet<number>, notes: Set<string>): Token[][] {
  const { atom, min, max } = node;
  switch (atom.type) {
    case 'start':
      return [[{ t: 'start' }]];
    case 'end':
      return [[{ t: 'end' }]];
    case 'ref':
      return repeat([{ t: 'ref', n: atom.index }], min, max);
    case 'look':
      return [[{ t: 'look', negative: atom.negative, branches: atom.alternatives.flatMap((alt) => linearSequence(alt, expand, notes)) }]];
    case 'char':
      return charOptions(atom.set, min, max, notes);
    case 'group': {
      const inline = atom.capture !== undefined && expand.has(atom.capture) ? undefined : inlineAlternatives(atom.alternatives);
      if (inline) return repeat([{ t: 'ch', s: inline, wild: true }], min, max);
      const inner = atom.alternatives.flatMap((alt) => linearSequence(alt, expand, notes));
      const wrapped = atom.capture === undefined ? inner : inner.map((tokens): Token[] => [{ t: 'open', n: atom.capture! }, ...tokens, { t: 'close', n: atom.capture! }]);
      if (max === Infinity) throw new Unsupported('a repeated group');
      return repeatOptions(wrapped, min, max);
    }
  }
}

function charOptions(set: CharSet, min: number, max: number, notes: Set<string>): Token[][] {
  if (max === Infinity && min <= 1) {
    if (!setHas(set, '/')) {
      const cls = set.negated && set.ranges.length === 1 && set.ranges[0][0] === 47 && set.ranges[0][1] === 47 ? undefined : classGlob(set);
      // A run of one class (`[a-z]+`) has no bounded glob (`+([a-z])` repeats like a regex): any run.
      if (cls !== undefined) notes.add(`a run of [${cls}] is read as any characters but "/"`);
      return [[{ t: 'ch', s: min === 0 ? '*' : '?*', wild: true }]];
    }
    if (set !== ANY_CHAR && !(set.negated && set.ranges.length === 0)) {
      notes.add(`a character class that also matches "/" (${describeSet(set)}) is read as any characters`);
    }
    return [[{ t: 'any', min: min as 0 | 1 }]];
  }
  if (max === Infinity) {
    // `x{2,}`: the fixed part, then a run.
    return repeatOptions([[single(set, notes)]], min, min).map((tokens) => [...tokens, ...charOptions(set, 0, Infinity, notes)[0]]);
  }
  return repeatOptions([[single(set, notes)]], min, max);
}

function single(set: CharSet, notes: Set<string>): Token {
  const only = onlyChar(set);
  if (only !== undefined) return only === '/' ? { t: 'ch', s: '/' } : { t: 'ch', s: escapeGlobChar(only) };
  if (setHas(set, '/')) {
    notes.add(set === ANY_CHAR
      ? 'an unescaped "." matches any character, "/" too; it is read as any character but "/" (write "\\." or "[.]" for a dot)'
      : `a character class that also matches "/" (${describeSet(set)}) is read as one character other than "/"`);
  }
  const cls = classGlob(set);
  return { t: 'ch', s: cls === undefined ? '?' : `[${cls}]`, wild: true };
}

/** `@(a|b)` when every alternative is a short literal without `/` (kept inline, no expansion). */
function inlineAlternatives(alternatives: Node[][]): string | undefined {
  const texts: string[] = [];
  for (const alt of alternatives) {
    let text = '';
    for (const node of alt) {
      if (node.atom.type !== 'char' || node.min !== 1 || node.max !== 1) return undefined;
      const ch = onlyChar(node.atom.set);
      if (ch === undefined || ch === '/' || '|()'.includes(ch)) return undefined;
      text += escapeGlobChar(ch);
    }
    texts.push(text);
  }
  if (texts.length < 2 || texts.some((text) => text === '')) return undefined;
  return `@(${texts.join('|')})`;
}

function repeat(tokens: Token[], min: number, max: number): Token[][] {
  if (max === Infinity) throw new Unsupported('a repeated reference or group');
  return repeatOptions([tokens], min, max);
}

function repeatOptions(options: Token[][], min: number, max: number): Token[][] {
  if (max > MAX_REPEAT) throw new Unsupported(`a repetition of more than ${MAX_REPEAT}`);
  const result: Token[][] = [];
  let current: Token[][] = [[]];
  for (let count = 0; count <= max; count++) {
    if (count >= min) appendAll(result, current);
    if (count === max) break;
    current = current.flatMap((prefix) => options.map((option) => [...prefix, ...option]));
    if (current.length > MAX_BRANCHES) throw new Unsupported(`more than ${MAX_BRANCHES} alternatives`);
  }
  return result;
}

/** Glob class body (without brackets) for a set that excludes `/`; undefined for "any but /". */
function classGlob(set: CharSet): string | undefined {
  const ranges = set.ranges.filter(([from, to]) => !(from === 47 && to === 47));
  if (set.negated && ranges.length === 0) return undefined;
  let body = '';
  let dash = false; // a literal "-" goes last, where it cannot read as a range
  for (const [from, to] of ranges) {
    const a = String.fromCodePoint(from);
    const b = String.fromCodePoint(to);
    if (from === to && a === '-') {
      dash = true;
      continue;
    }
    if (/[\]\\[^!-]/.test(a) || /[\]\\[^!-]/.test(b)) throw new Unsupported(`the character class [${a}${from === to ? '' : `-${b}`}]`);
    body += from === to ? a : `${a}-${b}`;
  }
  if (dash) body += '-';
  return set.negated ? `!${body}` : body;
}

function describeSet(set: CharSet): string {
  if (set.negated && set.ranges.length === 0) return '.';
  const body = set.ranges.map(([from, to]) => (from === to ? String.fromCodePoint(from) : `${String.fromCodePoint(from)}-${String.fromCodePoint(to)}`)).join('');
  return `[${set.negated ? '^' : ''}${body}]`;
}

/** A literal character in glob syntax; glob metacharacters go in a one-character class. */
export function escapeGlobChar(ch: string): string {
  if (ch === ']') return '[]]';
  if ('*?[{}()'.includes(ch)) return `[${ch}]`;
  return ch;
}
