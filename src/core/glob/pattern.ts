// Root-relative globs with whole-segment captures, as written in rules files:
//   from: "src/features/{feature}/**"   captures the segment after `features`
//   to:   "src/features/!{feature}/**"  any feature but the importer's own
// Captures sit before any `**`, so each one names a fixed segment index and no backtracking
// is needed: the glob is matched with captures read as `*`, then the indices are compared.
// Matching is globMatcher's, bounded per path whatever the rules file holds.
import { compileGlob, quoteGlob } from './globMatcher';
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

  // Files are matched with `dot`: a rules file that says `src/**` means the dot files below too.
  const matcher = compileGlob(globSegments.join('/'), { dot: true });
  if (!matcher.ok) return { ok: false, message: `${quoteGlob(pattern)}: ${matcher.message}` };
  return { ok: true, pattern: makePattern(pattern, matcher.match, slots) };
}

function makePattern(source: string, match: (rel: string) => boolean, slots: CaptureSlot[]): CompiledPattern {
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
