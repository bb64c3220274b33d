// Root-relative globs with whole-segment captures, as written in rules files:
//   from: "src/features/{feature}/**"   captures the segment after `features`
//   to:   "src/features/!{feature}/**"  any feature but the importer's own
// Captures sit before any `**`, so each one names a fixed segment index and no backtracking
// is needed: minimatch matches the glob with captures read as `*`, then the indices are compared.
import { GLOBSTAR, Minimatch } from 'minimatch';
import { checkGlobSyntax, hasGlobChars } from './globSyntax';

export { hasGlobChars };

export interface CompiledPattern {
  /** The pattern as written. */
  source: string;
  /** Names captured with `{name}`, in order of appearance, without repeats. */
  captureNames: string[];
  /** Names referred to with `!{name}` (must differ from the captured segment), without repeats. */
  negatedNames: string[];
  /** True when `rel` (root-relative, `/` separators) matches; capture segments match any segment. */
  match(rel: string): boolean;
  /** The `{name}` segments of `rel` when it matches, or undefined. */
  capture(rel: string): Record<string, string> | undefined;
  /** Like `match`, and each `{name}` equals `captures[name]`, each `!{name}` differs from it. */
  matchWithCaptures(rel: string, captures: Record<string, string>): boolean;
}

export type CompileResult = { ok: true; pattern: CompiledPattern } | { ok: false; message: string };

interface CaptureSlot {
  index: number;
  name: string;
  negated: boolean;
}

const CAPTURE_SEGMENT = /^(!?)\{([A-Za-z_$][\w$]*)\}$/;
const CAPTURE_INSIDE = /\{[A-Za-z_$][\w$]*\}/;
const OPTIONS = { dot: true, nonegate: true, nocomment: true } as const;

export function compilePattern(pattern: string): CompileResult {
  const syntax = checkGlobSyntax(pattern);
  if (!syntax.ok) return syntax;

  const slots: CaptureSlot[] = [];
  let fixedPrefix = true; // every segment so far matches exactly one path segment
  const globSegments: string[] = [];
  for (const [index, segment] of syntax.segments.entries()) {
    const capture = CAPTURE_SEGMENT.exec(segment);
    if (capture) {
      if (!fixedPrefix) {
        return { ok: false, message: `"${pattern}": capture "${segment}" must come before any "**" or "{…/…}" so it names a fixed path segment` };
      }
      slots.push({ index, name: capture[2], negated: capture[1] === '!' });
      globSegments.push('*');
      continue;
    }
    const inside = CAPTURE_INSIDE.exec(segment);
    if (inside) {
      return { ok: false, message: `"${pattern}": capture "${inside[0]}" must be a whole path segment, as in "src/${inside[0]}/**"` };
    }
    if (segment.includes('**') || (segment.includes('{') && segment.includes('/'))) fixedPrefix = false;
    globSegments.push(segment);
  }

  let matcher: Minimatch;
  try {
    matcher = new Minimatch(globSegments.join('/'), OPTIONS);
    if (matcher.makeRe() === false) return { ok: false, message: `"${pattern}" is not a valid glob` };
  } catch (error) {
    return { ok: false, message: `"${pattern}" is not a valid glob: ${(error as Error).message}` };
  }

  return { ok: true, pattern: makePattern(pattern, matcher, slots) };
}

function makePattern(source: string, matcher: Minimatch, slots: CaptureSlot[]): CompiledPattern {
  const match = fastMatcher(matcher) ?? ((rel: string): boolean => matcher.match(rel));
  const names = (negated: boolean): string[] => [...new Set(slots.filter((slot) => slot.negated === negated).map((slot) => slot.name))];
  return {
    source,
    captureNames: names(false),
    negatedNames: names(true),
    match,
    capture(rel) {
      if (!match(rel)) return undefined;
      const parts = rel.split('/');
      const captured: Record<string, string> = {};
      for (const slot of slots) {
        if (slot.negated) continue;
        const value = parts[slot.index];
        // The same name twice must capture the same text.
        if (hasOwn(captured, slot.name) && captured[slot.name] !== value) return undefined;
        // Defined, not assigned: `captured.__proto__ = x` would set the prototype and capture nothing.
        Object.defineProperty(captured, slot.name, { value, enumerable: true, writable: true, configurable: true });
      }
      return captured;
    },
    matchWithCaptures(rel, captures) {
      if (!match(rel)) return false;
      const parts = rel.split('/');
      for (const slot of slots) {
        if (!hasOwn(captures, slot.name)) continue;
        const same = parts[slot.index] === captures[slot.name];
        if (same === slot.negated) return false;
      }
      return true;
    },
  };
}

// Every file is matched against include and exclude, so the common shapes get a quicker test with
// exactly Minimatch.match's answers: `dir/sub/**` (literal folders, one trailing globstar) is a
// prefix test, and a glob without any globstar is minimatch's own regular expression. Anything
// else goes through Minimatch.match: makeRe() disagrees with it on globstars (`src/**/x/**`, and
// a trailing `/**` matching its own prefix).
function fastMatcher(matcher: Minimatch): ((rel: string) => boolean) | undefined {
  const branches = matcher.set;
  if (branches.length === 1) {
    const parts = branches[0];
    const last = parts.length - 1;
    if (last >= 1 && parts[last] === GLOBSTAR && parts.slice(0, last).every((part) => typeof part === 'string')) {
      const prefix = `${parts.slice(0, last).join('/')}/`;
      return (rel) => rel.length > prefix.length && rel.startsWith(prefix);
    }
  }
  if (branches.some((parts) => parts.includes(GLOBSTAR))) return undefined;
  const regex = matcher.makeRe();
  return regex === false ? undefined : (rel) => regex.test(rel);
}

function hasOwn(record: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Compiles many globs, keeping the valid ones: the loader has already reported the invalid ones
 * where they are written, so checks simply let them match nothing.
 */
export function compilePatterns(patterns: readonly string[]): CompiledPattern[] {
  return patterns.flatMap((pattern) => {
    const compiled = compilePattern(pattern);
    return compiled.ok ? [compiled.pattern] : [];
  });
}
