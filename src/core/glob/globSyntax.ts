// Checks that a rules-file glob is one we can honour (root-relative, forward slashes, balanced,
// only the bounded extglobs `@(a|b)` and whole-segment `!(a|b)`, within the size limits that keep every match quick) and splits it into path
// segments. Minimatch quietly treats most mistakes as literal text, which would make a typo match
// nothing; here they become messages the user can act on.
import { extglobProblem } from './extglob';
import { GLOB_LIMITS, quoteGlob } from './globMatcher';

/** Characters that make a string a glob rather than a plain path or name. */
const GLOB_CHARS = /[*?[\]{}]|[@!+](?=\()/;

export function hasGlobChars(s: string): boolean {
  return GLOB_CHARS.test(s);
}

export type SyntaxResult = { ok: true; body: string; segments: string[] } | { ok: false; message: string };

/**
 * Validates `pattern` and returns its body (a leading `./` removed) split on the `/` that separate
 * path segments (a `/` inside `{…}` or `[…]` does not).
 */
export function checkGlobSyntax(pattern: string): SyntaxResult {
  if (pattern.trim() === '') return { ok: false, message: 'empty pattern: write a glob such as "src/**"' };
  if (pattern.length > GLOB_LIMITS.length) {
    return { ok: false, message: `${quoteGlob(pattern)}: a glob may have at most ${GLOB_LIMITS.length} characters` };
  }
  if (pattern.includes('\\')) {
    return { ok: false, message: `"${pattern}" contains a backslash: write paths with "/"` };
  }
  if (pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern)) {
    return { ok: false, message: `"${pattern}" is absolute: patterns are relative to the folder of the rules file` };
  }
  const extglob = extglobProblem(pattern);
  if (extglob) return { ok: false, message: `${quoteGlob(pattern)}: ${extglob}` };
  if (pattern.startsWith('!') && !pattern.startsWith('!{') && !pattern.startsWith('!(')) {
    return { ok: false, message: `"${pattern}" starts with "!": negated patterns are not supported here (use "exclude" or "exceptions")` };
  }
  const body = pattern.startsWith('./') ? pattern.slice(2) : pattern;
  const split = splitSegments(body);
  if (typeof split === 'string') return { ok: false, message: `"${pattern}": ${split}` };
  for (const segment of split) {
    if (segment === '..') return { ok: false, message: `"${pattern}" contains "..": patterns cannot leave the root` };
    if (segment === '.') return { ok: false, message: `"${pattern}" contains a "." segment: remove it` };
  }
  if (split[split.length - 1] === '') {
    const suggestion = `${body}**`;
    return { ok: false, message: `"${pattern}" ends with "/": write "${suggestion}" to match the files below it` };
  }
  if (split.includes('')) return { ok: false, message: `"${pattern}" contains an empty path segment ("//")` };
  return { ok: true, body, segments: split };
}

/** Splits on top-level `/`; returns a message when a `[` or `{` is never closed or a `}` never opened. */
function splitSegments(body: string): string[] | string {
  const segments: string[] = [];
  let current = '';
  let braces = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '[') {
      const close = classEnd(body, i);
      if (close < 0) return `"[" at column ${i + 1} is never closed with "]"`;
      current += body.slice(i, close + 1);
      i = close;
      continue;
    }
    if (ch === '{') braces++;
    else if (ch === '}') {
      if (braces === 0) return `"}" at column ${i + 1} has no matching "{"`;
      braces--;
    } else if (ch === '/' && braces === 0) {
      segments.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (braces > 0) return `"{" is never closed with "}"`;
  segments.push(current);
  return segments;
}

/** Index of the `]` closing the character class that opens at `open`, or -1. */
function classEnd(body: string, open: number): number {
  let i = open + 1;
  if (body[i] === '!' || body[i] === '^') i++;
  if (body[i] === ']') i++; // a `]` first in the class is a literal
  for (; i < body.length; i++) {
    if (body[i] === ']') return i;
    if (body[i] === '/') return -1;
  }
  return -1;
}
