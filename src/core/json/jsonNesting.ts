// How deep a JSON text nests, read in one pass without recursion. Parsers that recurse per level
// (jsonc-parser for rules files, TypeScript's for tsconfig) overflow the stack on a file nested
// 10,000 deep and ended the run with "internal error: RangeError"; such a text is refused first.

/** Deeper than any real rules file or tsconfig (they nest about six levels). */
export const MAX_JSON_DEPTH = 100;

/** Offset of the first `[` or `{` that opens a level deeper than `max`, or undefined. Comments and strings are skipped. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) i++;
        else if (text.charCodeAt(i) === 0x0a) break; // an unclosed string ends at the line, as the parser's does
      }
    } else if (ch === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** "…nested more than 100 levels deep here: no rules file needs that many". */
export function tooDeepMessage(what: string, max = MAX_JSON_DEPTH): string {
  return `JSON nested more than ${max} levels deep here: no ${what} needs that many`;
}
