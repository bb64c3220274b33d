// The two extended globs rules files may use, both bounded: `@(a|b)` (one of the alternatives,
// braces by another name) anywhere in a path segment, and `!(a|b)` (any name but these) as a
// whole segment. Importers write them (`src/!(shared)/**` is dependency-cruiser's
// `^src/(?!shared/)`), and people coming from minimatch or micromatch know them. The others
// (`+(…)`, `*(…)`, `?(…)`, nesting) repeat like regular expressions and stay turned away.
// Unlike minimatch, a `!(` that opens a pattern is this segment negation, not "not the pattern".
import type { SegmentMatcher } from './segmentMatcher';

/** `@(`, `!(`, `+(`, `*(`, `?(`: where an extended glob opens. */
const EXTGLOB_OPEN = /[@!+*?]\(/g;

/** What an alternative may hold: a segment glob without groups, braces, commas or `/`. */
const ALTERNATIVE = /^[^(){}|,/]+$/;

/** What is wrong with the extended globs in `glob`, or undefined when there are none or all are fine. */
export function extglobProblem(glob: string): string | undefined {
  for (const open of glob.matchAll(EXTGLOB_OPEN)) {
    const at = open.index;
    const kind = glob[at];
    const where = `"${kind}(" at column ${at + 1}`;
    if (kind !== '@' && kind !== '!') {
      return `${where} is an extended glob that repeats, which is not supported: write alternatives as "@(a|b)" or "{a,b}", or use "*"`;
    }
    const close = glob.indexOf(')', at + 2);
    if (close < 0) return `${where} is never closed with ")"`;
    const alternatives = glob.slice(at + 2, close).split('|');
    const bad = alternatives.find((alternative) => !ALTERNATIVE.test(alternative));
    if (bad !== undefined) {
      return bad === ''
        ? `${where} has an empty alternative: remove the extra "|"`
        : `${where}: an alternative ("${bad}") may not hold "(", ")", "{", "}", "," or "/": list plain names or name globs such as "*.test.ts"`;
    }
    const wholeSegment = (at === 0 || glob[at - 1] === '/') && (close === glob.length - 1 || glob[close + 1] === '/');
    if (kind === '!' && !wholeSegment) {
      return `${where} must be a whole path segment, as in "src/!(shared)/**": "!(…)" stands for any one folder or file name but those listed`;
    }
  }
  return undefined;
}

/** `@(a|b)` spelled as braces `{a,b}`, so brace expansion (with its limits) takes it from there. */
export function desugarAlternatives(glob: string): string {
  return glob.includes('@(') ? glob.replace(/@\(([^()]*)\)/g, (_, body: string) => `{${body.split('|').join(',')}}`) : glob;
}

const NEGATED_SEGMENT = /^!\(([^()]*)\)$/;

/**
 * A matcher for a `!(a|b)` segment: a name none of the alternatives match. Like a wildcard at the
 * start of a segment, it never matches `.` or `..`, nor, without `dot`, a name starting with `.`.
 */
export function negatedSegment(segment: string, dot: boolean, compile: (alternative: string) => SegmentMatcher): SegmentMatcher | undefined {
  const negated = NEGATED_SEGMENT.exec(segment);
  if (!negated) return undefined;
  const excluded = negated[1].split('|').map(compile);
  return (name) => {
    if (name === '' || name === '.' || name === '..' || (!dot && name.startsWith('.'))) return false;
    return !excluded.some((matches) => matches(name));
  };
}
