// Text placed into GitHub-flavoured Markdown (pull-request comments): whatever a file name, a
// message or a debt note holds, it reads as written and never turns into markup, HTML, a link or
// a mention.
import { oneLine } from './reportFormat';
import { maxOf } from '../util/arrays';

/** One line of plain text: Markdown punctuation escaped, and `@name` kept from notifying anyone. */
export function markdownText(text: string): string {
  return oneLine(text)
    // What would start emphasis, code, a link, HTML, an entity, a table cell, a strikethrough or
    // maths; parentheses and the rest only mean something after these.
    .replace(/[\\`*_[\]<>|~&$]/g, '\\$&')
    // A zero-width space after `@`: GitHub would otherwise mention (and notify) the user named.
    .replace(/@(?=[\w-])/g, '@\u200B');
}

/**
 * A code span that holds `text` whatever backticks it contains. In a table cell (`inTable`), a
 * pipe is escaped as GitHub's tables require (the escape is removed before the span is read).
 */
export function markdownCode(text: string, inTable = true): string {
  const line = oneLine(text);
  const body = inTable ? line.replace(/\|/g, '\\|') : line;
  const longest = maxOf((body.match(/`+/g) ?? []).map((run) => run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
