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

/** Length of the line's content once the closing delimiter of a block comment and whitespace are cut. */
export function contentEnd(text: string): number {
  const m = /\s*(?:\*+\/)?\s*$/.exec(text);
  return m ? m.index : text.length;
}
