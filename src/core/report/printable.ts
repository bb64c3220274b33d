// Names from the workspace (file names above all) printed on a terminal line: a newline in a file
// name must not split a report's heading into two lines, and an escape sequence in one must not
// drive the terminal. Control characters, line and paragraph separators and bidirectional
// overrides are shown escaped, as `\n`, `\x1b`, `\u202e`.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16)}`));
}
