// Comments are read line by line: each line of a block comment may hold its own tag or directive.
import type { SourceComment } from './collectComments';

export interface CommentLine {
  /** The line as written, comment delimiters included. */
  text: string;
  /** Offset of the line's first character in the file. */
  offset: number;
}

/** What may open a comment line's content: `//`, `/*`, `/**`, or the `*` of a block comment line. */
export const COMMENT_LINE_PREFIX = /^\s*(?:\/\/+|\/\*+|\*+(?!\/))?\s*/;

/** The lines of a comment with their offsets in the file (a line comment is one line). */
export function commentLines(comment: SourceComment): CommentLine[] {
  if (comment.kind === 'line') return [{ text: comment.text, offset: comment.pos }];
  const result: CommentLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(comment.text); m !== null; m = breaks.exec(comment.text)) {
    result.push({ text: comment.text.slice(start, m.index), offset: comment.pos + start });
    start = m.index + m[0].length;
  }
  result.push({ text: comment.text.slice(start), offset: comment.pos + start });
  return result;
}

// The two scans below walk back from the end once. The regular expressions they replace
// (/\s*(?:\*+\/)?\s*$/ and /\*+\/\s*$/) are tried at every offset of the line and run to its
// end from each, which made a comment line of 40,000 spaces or stars take seconds.

/** Length of the line's content once the closing delimiter of a block comment and whitespace are cut. */
export function contentEnd(text: string): number {
  const close = blockEndStart(text);
  return skipSpaceBack(text, close < 0 ? text.length : close);
}

/** Offset of the run of stars and the slash that close a block comment at the end of `text` (trailing whitespace aside), or -1. */
export function blockEndStart(text: string): number {
  let end = skipSpaceBack(text, text.length);
  if (end < 2 || text[end - 1] !== '/' || text[end - 2] !== '*') return -1;
  end--;
  while (end > 0 && text[end - 1] === '*') end--;
  return end;
}

function skipSpaceBack(text: string, end: number): number {
  while (end > 0 && WHITESPACE.test(text[end - 1])) end--;
  return end;
}

const WHITESPACE = /\s/;
