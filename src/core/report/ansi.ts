// Minimal ANSI styling for terminal reports. With `color: false` every style is the identity,
// so callers never branch on colour themselves.
//
// Styles are not written as escape sequences but as markers that hold this process's random
// nonce; `toTerminal`, the one way text reaches a terminal, escapes every control character
// (including any ESC a comment or a file name holds) and only then turns the markers into
// escape sequences. A repository cannot forge a marker: it cannot know the nonce.
import { randomBytes } from 'node:crypto';
import { escapeControls } from './safeText';

const NONCE = randomBytes(8).toString('hex');
const MARKER = new RegExp(`\uE000${NONCE}(?:\\[([0-9;]*[A-Za-z])|(r))\uE001`, 'g');

/** A trusted control sequence `ESC [ code` (such as `31m`, `2K`), as a marker for `toTerminal`. */
export function csi(code: string): string {
  return `\uE000${NONCE}[${code}\uE001`;
}

/** A trusted carriage return (a progress line redrawing itself), as a marker for `toTerminal`. */
export const CARRIAGE_RETURN = `\uE000${NONCE}r\uE001`;

/** Text as it may reach a terminal: unsafe characters escaped, then the style markers applied. */
export function toTerminal(text: string): string {
  return escapeControls(text).replace(MARKER, (_, code: string | undefined) => (code === undefined ? '\r' : `\u001b[${code}`));
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => (s === '' ? s : `${csi(`${open}m`)}${s}${csi(`${close}m`)}`);

const COLORED: Paint = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (s: string) => s;
const PLAIN: Paint = { red: identity, yellow: identity, blue: identity, green: identity, dim: identity, bold: identity, underline: identity };

export function paint(color: boolean): Paint {
  return color ? COLORED : PLAIN;
}

/** Pads to `width` visible characters (call before colouring: escapes have no width). */
export function padEnd(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

export function padStart(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}
