// One path segment of a glob (`*.test.ts`, `x?`, `[jt]s`) matched without regular expressions:
// a regex such as /^[^/]*?a[^/]*?a[^/]*?b$/ backtracks polynomially in the number of stars
// (`*a*a*a*a*a*a*a*a*a*a*a*b` took 22 s on a 42-character name), while the greedy wildcard walk
// below backs up only to the last star and so takes at most (pattern length × name length) steps.
// The answers follow minimatch's for the same segment.

/** One character test (a literal, `?`, or a class); returns the code units it consumed, 0 for no match. */
type CharTest = (s: string, i: number) => number;
type Token = { star: true } | { star: false; test: CharTest; literal?: string };

export interface SegmentMatcher {
  /** True when the whole segment `s` matches. */
  (s: string): boolean;
}

export interface SegmentOptions {
  /** minimatch's `dot`: wildcards at the start may match a leading `.` (never `.` or `..`). */
  dot: boolean;
}

/** Steps taken by every segment match so far: the tests read it to show the work stays bounded. */
export const segmentWork = { steps: 0 };

const ANY: CharTest = (s, i) => (i < s.length ? 1 : 0);

/** Compiles one segment (no `/`, no `**` globstar on its own, no extglobs: the caller checked). */
export function compileSegment(segment: string, options: SegmentOptions): SegmentMatcher {
  const tokens = tokenize(segment);
  const literal = tokens.every((t) => !t.star && t.literal !== undefined);
  if (literal) {
    const text = tokens.map((t) => (t.star ? '' : t.literal)).join('');
    return (s) => s === text;
  }
  const first = tokens[0];
  const startsMagic = first.star || first.literal === undefined;
  // minimatch: a segment that is only stars must match something.
  const nonEmpty = tokens.every((t) => t.star);
  // Which names the start of the pattern may not match (minimatch's dot and traversal guards).
  const literalDots = leadingLiteralDots(tokens);
  const noTraversal = (startsMagic && options.dot) || ((literalDots === 1 || literalDots === 2) && isMagic(tokens[literalDots]));
  const noDot = startsMagic && !options.dot;
  return (s) => {
    if (nonEmpty && s === '') return false;
    if (noTraversal && (s === '.' || s === '..')) return false;
    if (noDot && s.startsWith('.')) return false;
    return matchTokens(tokens, s);
  };
}

function isMagic(token: Token | undefined): boolean {
  return token !== undefined && (token.star || token.literal === undefined);
}

function leadingLiteralDots(tokens: Token[]): number {
  let n = 0;
  while (n < tokens.length && !tokens[n].star && (tokens[n] as { literal?: string }).literal === '.') n++;
  return n;
}

/** Greedy wildcard matching: on a mismatch, let the last star take one more unit and retry. */
function matchTokens(tokens: Token[], s: string): boolean {
  let i = 0;
  let t = 0;
  let starToken = -1;
  let starResume = 0;
  while (i < s.length) {
    segmentWork.steps++;
    const token = tokens[t];
    if (token?.star) {
      starToken = t++;
      starResume = i;
      continue;
    }
    const used = token ? token.test(s, i) : 0;
    if (used > 0) {
      i += used;
      t++;
      continue;
    }
    if (starToken < 0) return false;
    t = starToken + 1;
    starResume += 1;
    i = starResume;
  }
  while (t < tokens.length && tokens[t].star) t++;
  return t === tokens.length;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') {
      if (!tokens[tokens.length - 1]?.star) tokens.push({ star: true }); // `**` inside a segment is `*`
    } else if (ch === '?') {
      tokens.push({ star: false, test: ANY });
    } else if (ch === '\\' && i + 1 < segment.length) {
      tokens.push(literalToken(segment[++i]));
    } else if (ch === '[') {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.end;
      } else {
        tokens.push(literalToken(ch));
      }
    } else {
      tokens.push(literalToken(ch));
    }
  }
  return tokens;
}

function literalToken(ch: string): Token {
  return { star: false, literal: ch, test: (s, i) => (s[i] === ch ? 1 : 0) };
}

// POSIX classes, as minimatch translates them (Unicode properties).
const POSIX: Record<string, [source: string, negated?: boolean]> = {
  '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
  '[:alpha:]': ['\\p{L}\\p{Nl}'],
  '[:ascii:]': ['\\x00-\\x7f'],
  '[:blank:]': ['\\p{Zs}\\t'],
  '[:cntrl:]': ['\\p{Cc}'],
  '[:digit:]': ['\\p{Nd}'],
  '[:graph:]': ['\\p{Z}\\p{C}', true],
  '[:lower:]': ['\\p{Ll}'],
  '[:print:]': ['\\p{C}'],
  '[:punct:]': ['\\p{P}'],
  '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
  '[:upper:]': ['\\p{Lu}'],
  '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
  '[:xdigit:]': ['A-Fa-f0-9'],
};

const classEscape = (c: string): string => c.replace(/[[\]\\^-]/g, '\\$&');

/**
 * A `[…]` class at `open` as a one-character test (a regular expression over a single character
 * cannot backtrack), or undefined when it is never closed and so is a literal `[`.
 */
function parseClass(glob: string, open: number): { token: Token; end: number } | undefined {
  const ranges: string[] = [];
  const negs: string[] = [];
  let i = open + 1;
  let negate = false;
  let sawStart = false;
  let escaping = false;
  let rangeStart = '';
  let invalid = false;
  for (; i < glob.length; i++) {
    const c = glob[i];
    if ((c === '!' || c === '^') && i === open + 1) {
      negate = true;
      continue;
    }
    if (c === ']' && sawStart && !escaping) break;
    sawStart = true;
    if (c === '\\' && !escaping) {
      escaping = true;
      continue;
    }
    if (c === '[' && !escaping) {
      const posix = Object.keys(POSIX).find((name) => glob.startsWith(name, i));
      if (posix) {
        if (rangeStart) invalid = true;
        const [source, negated] = POSIX[posix];
        (negated ? negs : ranges).push(source);
        i += posix.length - 1;
        continue;
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) ranges.push(`${classEscape(rangeStart)}-${classEscape(c)}`);
      else if (c === rangeStart) ranges.push(classEscape(c));
      rangeStart = '';
    } else if (glob.startsWith('-]', i + 1)) {
      ranges.push(classEscape(c), '\\-');
      i++;
    } else if (glob[i + 1] === '-') {
      rangeStart = c;
      i++;
    } else {
      ranges.push(classEscape(c));
    }
  }
  if (i >= glob.length) return undefined;
  if (invalid || (ranges.length === 0 && negs.length === 0)) {
    // minimatch: a class that can match nothing makes the whole segment match nothing.
    return { token: { star: false, test: () => 0 }, end: i };
  }
  const single = negs.length === 0 && ranges.length === 1 && !negate && /^\\?.$/u.test(ranges[0]);
  if (single) return { token: literalToken(ranges[0].slice(-1)), end: i };
  const parts = [ranges.length ? `[${negate ? '^' : ''}${ranges.join('')}]` : '', negs.length ? `[${negate ? '' : '^'}${negs.join('')}]` : '']
    .filter((part) => part !== '');
  const unicode = /\\p\{/.test(parts.join(''));
  const regex = new RegExp(`^(?:${parts.join('|')})$`, unicode ? 'u' : '');
  const test: CharTest = (s, i2) => {
    if (i2 >= s.length) return 0;
    const width = unicode ? (s.codePointAt(i2) as number) > 0xffff ? 2 : 1 : 1;
    return regex.test(s.slice(i2, i2 + width)) ? width : 0;
  };
  return { token: { star: false, test }, end: i };
}
