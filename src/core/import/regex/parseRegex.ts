// A parser for the regular expressions other tools write over file paths (dependency-cruiser's
// `path`, `pathNot`, `includeOnly` …). It reads the JavaScript syntax those configs use and
// says plainly what it does not read (look-behind, back-references, word boundaries), so a
// conversion never guesses.
import { appendAll } from '../../util/arrays';

/** Inclusive code-point ranges; `negated` inverts the set (`[^/]`, and `.` as "not nothing"). */
export interface CharSet {
  negated: boolean;
  ranges: Array<[number, number]>;
}

export type Atom =
  | { type: 'char'; set: CharSet }
  | { type: 'group'; alternatives: Node[][]; capture?: number }
  | { type: 'look'; negative: boolean; alternatives: Node[][] }
  | { type: 'start' }
  | { type: 'end' }
  /** `$1` in a `to` pattern: the text dependency-cruiser captured from `from.path`. */
  | { type: 'ref'; index: number };

export interface Node {
  atom: Atom;
  min: number;
  max: number; // Infinity for `*` and `+`
}

export type ParseResult = { ok: true; alternatives: Node[][]; groups: number } | { ok: false; message: string };

const DIGITS: Array<[number, number]> = [[48, 57]];
const WORD: Array<[number, number]> = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: Array<[number, number]> = [[9, 13], [32, 32], [160, 160], [0xfeff, 0xfeff]];

export const ANY_CHAR: CharSet = { negated: true, ranges: [] };

export function singleChar(ch: string): CharSet {
  const code = ch.codePointAt(0) ?? 0;
  return { negated: false, ranges: [[code, code]] };
}

export function setHas(set: CharSet, ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return set.ranges.some(([from, to]) => code >= from && code <= to) !== set.negated;
}

/** The one character a set stands for, when it stands for exactly one (`[.]`, `\.`). */
export function onlyChar(set: CharSet): string | undefined {
  if (set.negated || set.ranges.length !== 1 || set.ranges[0][0] !== set.ranges[0][1]) return undefined;
  return String.fromCodePoint(set.ranges[0][0]);
}

/**
 * Parses `source` as a JavaScript regular expression body (no flags). With `refs`, `$1`…`$9`
 * are placeholders for groups captured elsewhere (dependency-cruiser substitutes them).
 */
export function parseRegex(source: string, options: { refs?: boolean } = {}): ParseResult {
  try {
    const parser = new Parser(source, options.refs === true);
    const alternatives = parser.alternatives();
    if (parser.pos < source.length) parser.fail(`unexpected "${source[parser.pos]}"`);
    return { ok: true, alternatives, groups: parser.groups };
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { ok: false, message: error.message };
    throw error;
  }
}

class RegexSyntaxError extends Error {}

class Parser {
  pos = 0;
  groups = 0;

  constructor(
    private readonly src: string,
    private readonly refs: boolean,
  ) {}

  fail(message: string): never {
    throw new RegexSyntaxError(`${message} at position ${this.pos + 1} of /${this.src}/`);
  }

  alternatives(): Node[][] {
    const result: Node[][] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      result.push(this.sequence());
    }
    return result;
  }

  private sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      if ((atom.type === 'start' || atom.type === 'end' || atom.type === 'look') && !(min === 1 && max === 1)) {
        this.fail('a quantifier after an anchor or a look-ahead is not supported');
      }
      nodes.push({ atom, min, max });
    }
    return nodes;
  }

  private atom(): Atom {
    const ch = this.src[this.pos++];
    switch (ch) {
      case '^':
        return { type: 'start' };
      case '$': {
        const digit = this.src[this.pos];
        if (this.refs && digit !== undefined && /[0-9]/.test(digit)) {
          this.pos++;
          return { type: 'ref', index: Number(digit) };
        }
        return { type: 'end' };
      }
      case '.':
        return { type: 'char', set: ANY_CHAR };
      case '[':
        return { type: 'char', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        return this.fail(`nothing to repeat before "${ch}"`);
      case '{':
        if (/^\d+(,\d*)?\}/.test(this.src.slice(this.pos))) this.fail('nothing to repeat before "{"');
        return { type: 'char', set: singleChar(ch) };
      default:
        return { type: 'char', set: singleChar(ch) };
    }
  }

  private group(): Atom {
    let kind: 'capture' | 'plain' | 'ahead' | 'not-ahead' = 'capture';
    if (this.src.startsWith('?:', this.pos)) kind = 'plain';
    else if (this.src.startsWith('?=', this.pos)) kind = 'ahead';
    else if (this.src.startsWith('?!', this.pos)) kind = 'not-ahead';
    else if (this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos)) this.fail('look-behind is not supported');
    else if (this.src.startsWith('?<', this.pos)) {
      const close = this.src.indexOf('>', this.pos);
      if (close < 0) this.fail('unterminated group name');
      this.pos = close + 1;
    } else if (this.src[this.pos] === '?') this.fail('unknown group kind');
    if (kind !== 'capture') this.pos += 2;
    const capture = kind === 'capture' ? ++this.groups : undefined;
    const alternatives = this.alternatives();
    if (this.src[this.pos] !== ')') this.fail('missing ")"');
    this.pos++;
    if (kind === 'ahead' || kind === 'not-ahead') return { type: 'look', negative: kind === 'not-ahead', alternatives };
    return capture === undefined ? { type: 'group', alternatives } : { type: 'group', alternatives, capture };
  }

  private escape(): Atom {
    const ch = this.src[this.pos++];
    if (ch === undefined) this.fail('trailing backslash');
    const set = classEscape(ch);
    if (set) return { type: 'char', set };
    if (/[1-9]/.test(ch)) this.fail(`back-reference "\\${ch}" is not supported (dependency-cruiser's "$${ch}" refers to a group of from.path)`);
    if (ch === 'b' || ch === 'B') this.fail(`word boundary "\\${ch}" is not supported`);
    return { type: 'char', set: singleChar(simpleEscape(ch)) };
  }

  private charClass(): CharSet {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const ranges: Array<[number, number]> = [];
    // In JavaScript a "]" right after "[" closes the class (unlike POSIX): no special case.
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      const low = this.classAtom();
      if (typeof low !== 'number') {
        appendAll(ranges, low);
        continue;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const high = this.classAtom();
        if (typeof high !== 'number') this.fail('a class escape cannot end a range');
        if (high < low) this.fail('range out of order in character class');
        ranges.push([low, high]);
      } else {
        ranges.push([low, low]);
      }
    }
    if (this.src[this.pos] !== ']') this.fail('missing "]"');
    this.pos++;
    return { negated, ranges };
  }

  /** One class member: a code point, or the ranges of `\d`, `\w`, `\s`. */
  private classAtom(): number | Array<[number, number]> {
    const ch = this.src[this.pos++];
    if (ch !== '\\') return ch.codePointAt(0) ?? 0;
    const next = this.src[this.pos++];
    if (next === undefined) this.fail('trailing backslash');
    const set = classEscape(next);
    if (set) {
      if (set.negated) this.fail(`"\\${next}" inside a character class is not supported`);
      return set.ranges;
    }
    return (next === 'b' ? '\b' : simpleEscape(next)).codePointAt(0) ?? 0;
  }

  private quantifier(): [number, number] {
    const ch = this.src[this.pos];
    let result: [number, number] = [1, 1];
    if (ch === '*') result = [0, Infinity];
    else if (ch === '+') result = [1, Infinity];
    else if (ch === '?') result = [0, 1];
    else if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!match) return result;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      this.pos += match[0].length;
      if (this.src[this.pos] === '?') this.pos++; // lazy: same language
      return [min, max];
    } else return result;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++; // lazy: same language
    return result;
  }
}

function classEscape(ch: string): CharSet | undefined {
  switch (ch) {
    case 'd':
      return { negated: false, ranges: DIGITS };
    case 'D':
      return { negated: true, ranges: DIGITS };
    case 'w':
      return { negated: false, ranges: WORD };
    case 'W':
      return { negated: true, ranges: WORD };
    case 's':
      return { negated: false, ranges: SPACE };
    case 'S':
      return { negated: true, ranges: SPACE };
    default:
      return undefined;
  }
}

function simpleEscape(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return ch;
  }
}
