// Whole-path glob matching in bounded time. A glob is brace-expanded (with caps) into
// alternatives; each alternative is a list of segment matchers and `**` globstars, matched by
// one left-to-right pass over the path's segments that keeps the set of reachable positions, so
// no choice is ever retried: at most (segments in the glob × segments in the path) segment tests.
// The answers follow minimatch's `Minimatch.match` (the engine used before, still the reference
// in the tests); of the extglobs, `@(a|b)` is read as braces and `!(a|b)` as a whole-segment
// matcher (extglob.ts), and the syntax check turns the others away.
import { expandBraces, type ExpandLimits } from './braceExpand';
import { desugarAlternatives, negatedSegment } from './extglob';
import { compileSegment, type SegmentMatcher } from './segmentMatcher';

/** How much one glob may ask of every match: see `checkGlobLimits`. */
export const GLOB_LIMITS = {
  /** Characters in a glob as written. */
  length: 1000,
  alternatives: 256,
  characters: 20_000,
} as const;

const EXPAND: ExpandLimits = { alternatives: GLOB_LIMITS.alternatives, characters: GLOB_LIMITS.characters };

type Part = SegmentMatcher | typeof GLOBSTAR;
const GLOBSTAR = Symbol('globstar');

export interface GlobOptions {
  /** minimatch's `dot`: wildcards and `**` may match names that start with `.`. */
  dot: boolean;
}

export type GlobResult = { ok: true; match: (path: string) => boolean } | { ok: false; message: string };

/** Compiles `glob` (already checked for syntax by the caller, where that applies). */
export function compileGlob(glob: string, options: GlobOptions): GlobResult {
  if (glob.length > GLOB_LIMITS.length) {
    return { ok: false, message: `it is ${glob.length} characters long (at most ${GLOB_LIMITS.length})` };
  }
  const expanded = expandBraces(desugarAlternatives(glob), EXPAND);
  if (!expanded.ok) return expanded;
  const alternatives = expanded.alternatives.map((alternative) => compileAlternative(alternative, options));
  const general = (path: string): boolean => {
    const segments = path.split(/\/+/);
    return alternatives.some((parts) => matchParts(parts, segments, options.dot));
  };
  const quick = alternatives.length === 1 ? prefixTest(expanded.alternatives[0], options, general) : undefined;
  return { ok: true, match: quick ?? general };
}

function compileAlternative(alternative: string, options: GlobOptions): Part[] {
  const parts: Part[] = [];
  for (const segment of reduceDotDot(alternative.split(/\/+/))) {
    if (segment === '**') {
      if (parts[parts.length - 1] !== GLOBSTAR) parts.push(GLOBSTAR);
    } else {
      const compile = (text: string): SegmentMatcher => compileSegment(text, options);
      parts.push(negatedSegment(segment, options.dot, compile) ?? compile(segment));
    }
  }
  return parts;
}

/** minimatch's first optimisation: `a/../b` is `b` (a `..` after a glob or another `..` stays). */
function reduceDotDot(segments: string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const prev = out[out.length - 1];
    if (segment === '..' && prev !== undefined && prev !== '..' && prev !== '.' && prev !== '**') {
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out.length ? out : [''];
}

/**
 * `src/ui/**` (literal folders, one trailing globstar) with `dot`: a prefix test, the shape of
 * most include, exclude and layer globs. Paths with `.`, `..` or empty segments take the full walk.
 */
function prefixTest(glob: string, options: GlobOptions, general: (path: string) => boolean): ((path: string) => boolean) | undefined {
  if (!options.dot || !glob.endsWith('/**')) return undefined;
  const prefix = glob.slice(0, -2);
  if (/[*?[\]{}()\\]/.test(prefix) || prefix.split('/').slice(0, -1).some((s) => s === '.' || s === '..' || s === '' || s === '**')) return undefined;
  return (path) => {
    if (!path.startsWith(prefix)) return path.includes('//') && general(path);
    return path.length === prefix.length || UNUSUAL_SEGMENT.test(path) ? general(path) : true;
  };
}

const UNUSUAL_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)|\/\//;

/**
 * True when `segments` match `parts`. `reach[j]`: the parts so far can consume exactly the first
 * j segments. A globstar extends reach over segments it may swallow; the last part, when it is a
 * globstar, must swallow at least one (minimatch: `a/**` is what lies below `a`, not `a`).
 */
function matchParts(parts: Part[], segments: string[], dot: boolean): boolean {
  const n = segments.length;
  let reach = new Uint8Array(n + 1);
  reach[0] = 1;
  const swallowable = (s: string): boolean => s !== '.' && s !== '..' && (dot || !s.startsWith('.'));
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    const next = new Uint8Array(n + 1);
    let any = false;
    if (part === GLOBSTAR) {
      const last = p === parts.length - 1;
      for (let j = 0; j <= n; j++) {
        const carried = j > 0 && (reach[j - 1] === 1 || next[j - 1] === 1) && swallowable(segments[j - 1]);
        if ((!last && reach[j] === 1) || carried) {
          next[j] = 1;
          any = true;
        }
      }
    } else {
      for (let j = 0; j < n; j++) {
        if (reach[j] === 1 && part(segments[j])) {
          next[j + 1] = 1;
          any = true;
        }
      }
    }
    if (!any) return false;
    reach = next;
  }
  return reach[n] === 1;
}

/** A name glob that `nameGlobProblem` turns away matches nothing. */
const NEVER = (): boolean => false;
const nameGlobs = new Map<string, (name: string) => boolean>();

/**
 * `name` (a package name, a built-in, an import specifier) against `glob` with minimatch's default
 * options (`dot: false`, a leading `!` negates, a leading `#` is a comment), in bounded time.
 */
export function matchName(name: string, glob: string): boolean {
  let test = nameGlobs.get(glob);
  if (!test) {
    test = compileNameGlob(glob);
    if (nameGlobs.size > 10_000) nameGlobs.clear();
    nameGlobs.set(glob, test);
  }
  return test(name);
}

/** What is wrong with a name glob (too large, or an extglob), or undefined. */
export function nameGlobProblem(glob: string): string | undefined {
  const extglob = EXTGLOB.exec(glob);
  if (extglob) return extglobMessage(glob, extglob.index);
  const compiled = compileGlob(glob, { dot: false });
  return compiled.ok ? undefined : `${quoteGlob(glob)}: ${compiled.message}`;
}

function compileNameGlob(glob: string): (name: string) => boolean {
  if (glob.startsWith('#') || nameGlobProblem(glob) !== undefined) return NEVER;
  let negate = false;
  let body = glob;
  while (body.startsWith('!')) {
    negate = !negate;
    body = body.slice(1);
  }
  if (nameGlobProblem(body) !== undefined) return NEVER;
  if (body === '') return (name) => (name === '') !== negate;
  const compiled = compileGlob(body, { dot: false });
  if (!compiled.ok) return NEVER;
  return negate ? (name) => !compiled.match(name) : compiled.match;
}

/** `@(`, `!(`, `+(`, `*(`, `?(`: extended globs, which nest regular-expression repetition. */
export const EXTGLOB = /[@!+*?]\(/;

export function extglobMessage(glob: string, index: number): string {
  return `${quoteGlob(glob)}: "${glob.slice(index, index + 2)}" at column ${index + 1} is an extended glob, which is not supported: write alternatives with braces, as in "{a,b}"`;
}

/** A glob in quotes for a message, cut short when a hostile rules file makes it huge. */
export function quoteGlob(glob: string): string {
  return glob.length > 80 ? `"${glob.slice(0, 60)}…" (${glob.length} characters)` : `"${glob}"`;
}
