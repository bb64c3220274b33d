// Text from a repository (comments, file names, rule text, messages) is data: printed raw, an
// ESC sequence in a comment can clear the screen or set the terminal's title, a carriage return
// can overwrite the line before it, and a bidi override can make a line read differently from
// what it holds. Every such character is written as a `\uXXXX` escape instead: readable, and
// inside a JSON string the very same value, so JSON and SARIF stay exact.

/**
 * C0 controls except tab, line feed and the CR of a CRLF (the layout of text outputs; CSV ends
 * its lines with CRLF), DEL, C1 controls, and the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069). A carriage return alone, which overwrites a line, is escaped.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** The same, and tab and line feed too: for a value that must stay on one line. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every unsafe character as a `\uXXXX` escape; tabs, line feeds and CRLFs are kept. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Like `escapeControls`, and tabs and line feeds escaped too. */
export function escapeControlsInLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escape);
}
