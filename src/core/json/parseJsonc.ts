// Reads a rules file as JSON with comments and trailing commas, reporting the first syntax
// error where it is, in words.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ConfigProblem } from '../model/ruleTypes';
import type { JsonDocument } from './jsonDocument';
import { LineIndex } from '../util/positions';
import { tooDeepAt, tooDeepMessage } from './jsonNesting';

const FRIENDLY: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'expected the end of the file after the value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment is never closed with "*/"',
  UnexpectedEndOfString: 'string is never closed with a double quote',
  UnexpectedEndOfNumber: 'number ends unexpectedly',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'invalid character in string',
};

export function parseJsonc(file: string, text: string): { doc: JsonDocument; problems: ConfigProblem[] } {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    // The parser recurses per level: refused before it overflows the stack.
    const lines = new LineIndex(text);
    const problem: ConfigProblem = { severity: 'error', message: tooDeepMessage('rules file'), location: { file, range: lines.range(deep, deep + 1) } };
    return { doc: { file, text, root: undefined, lines, hasSyntaxError: true }, problems: [problem] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const doc: JsonDocument = { file, text, root, lines: new LineIndex(text), hasSyntaxError: errors.length > 0 || text.trim() === '' };
  if (text.trim() === '') {
    const message = 'the rules file is empty: write an object such as { "rules": [] }';
    return { doc: { ...doc, root: undefined }, problems: [{ severity: 'error', message, location: { file, range: doc.lines.range(0, 0) } }] };
  }
  // Only the first error: the parser's recovery after it reports a cascade that adds nothing.
  const problems = errors.slice(0, 1).map((error): ConfigProblem => ({
    severity: 'error',
    message: `JSON syntax error: ${describeParseError(printParseErrorCode(error.error))}`,
    location: { file, range: doc.lines.range(error.offset, error.offset + Math.max(error.length, 1)) },
  }));
  return { doc, problems };
}

/** `CloseBraceExpected` → a sentence; unknown codes are split into lower-case words. */
export function describeParseError(code: string): string {
  return FRIENDLY[code] ?? code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
