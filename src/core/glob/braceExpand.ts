// Brace expansion for globs (`{a,b}`, `{1..3}`, nested), counted before anything is built so a
// rules file cannot ask for millions of alternatives: past `limits`, the answer is a message.

export interface ExpandLimits {
  /** Most alternatives one glob may expand to. */
  alternatives: number;
  /** Most characters all alternatives together may hold (what each match walks through). */
  characters: number;
}

export type ExpandResult = { ok: true; alternatives: string[] } | { ok: false; message: string };

/** A parsed piece: literal text, or a set of alternatives (each a sequence of pieces). */
type Piece = string | Piece[][];

const SEQUENCE = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/;

export function expandBraces(pattern: string, limits: ExpandLimits): ExpandResult {
  if (!pattern.includes('{')) return { ok: true, alternatives: [pattern] };
  const pieces = parse(pattern);
  const count = countOf(pieces, limits.alternatives + 1);
  if (count > limits.alternatives) {
    return { ok: false, message: `the braces expand to more than ${limits.alternatives} alternatives: list fewer, or use "*"` };
  }
  const alternatives = [...new Set(expand(pieces))];
  const characters = alternatives.reduce((sum, alternative) => sum + alternative.length, 0);
  if (characters > limits.characters) {
    return { ok: false, message: `the braces expand to ${characters} characters in all (at most ${limits.characters}): list fewer alternatives` };
  }
  return { ok: true, alternatives };
}

/** Parses with an explicit stack (no recursion), so deep nesting cannot overflow. */
function parse(text: string): Piece[] {
  // Each open frame: the pieces before its `{`, its finished alternatives, the current one, where it opened.
  interface Frame { outer: Piece[]; alternatives: Piece[][]; current: Piece[]; commas: number; open: number }
  const root: Piece[] = [];
  const stack: Frame[] = [];
  let current = root;
  const pushText = (s: string): void => {
    const last = current[current.length - 1];
    if (typeof last === 'string') current[current.length - 1] = last + s;
    else current.push(s);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      pushText(text.slice(i, i + 2));
      i++;
    } else if (ch === '{') {
      stack.push({ outer: current, alternatives: [], current: [], commas: 0, open: i });
      current = stack[stack.length - 1].current;
    } else if (ch === ',' && stack.length) {
      const frame = stack[stack.length - 1];
      frame.alternatives.push(frame.current);
      frame.current = [];
      frame.commas++;
      current = frame.current;
    } else if (ch === '}' && stack.length) {
      const frame = stack.pop() as Frame;
      frame.alternatives.push(frame.current);
      current = frame.outer;
      const set = frame.commas > 0 ? frame.alternatives : sequence(text.slice(frame.open + 1, i), frame.alternatives[0]);
      if (set) current.push(set);
      else pushLiteralGroup(frame.alternatives[0]);
    } else {
      pushText(ch);
    }
  }
  // Braces never closed are literal text, with whatever was inside them.
  while (stack.length) {
    const frame = stack.pop() as Frame;
    frame.alternatives.push(frame.current);
    current = frame.outer;
    const inner = frame.alternatives.flatMap((alt, index) => (index === 0 ? alt : [',', ...alt]));
    pushText('{');
    pushPieces(inner);
  }
  return root;

  function pushPieces(pieces: Piece[]): void {
    for (const piece of pieces) {
      if (typeof piece === 'string') pushText(piece);
      else current.push(piece);
    }
  }

  // `{a}` (no comma, not a sequence) stays literal braces around its expanded contents.
  function pushLiteralGroup(inner: Piece[]): void {
    pushText('{');
    pushPieces(inner);
    pushText('}');
  }
}

/** `{1..3}`, `{a..c}`, `{0..10..5}` as a set of alternatives, or undefined when `body` is not one. */
function sequence(body: string, inner: Piece[]): Piece[][] | undefined {
  if (inner.length !== 1 || typeof inner[0] !== 'string') return undefined;
  const m = SEQUENCE.exec(body);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]) && /\d/.test(m[2]);
  if (!numeric && (/\d/.test(m[1]) || /\d/.test(m[2]))) return undefined;
  const from = numeric ? Number(m[1]) : m[1].charCodeAt(0);
  const to = numeric ? Number(m[2]) : m[2].charCodeAt(0);
  const step = Math.max(1, Math.abs(m[3] === undefined ? 1 : Number(m[3]) || 1));
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  // Past any cap the caller allows, only the count matters: stand-ins, not values.
  if (count > 100_000) return Array.from({ length: 100_001 }, (_, k) => [String(k)]);
  const width = numeric && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0;
  const values: Piece[][] = [];
  for (let k = 0, v = from; k < count; k++, v += from <= to ? step : -step) {
    const text = numeric ? pad(v, width) : String.fromCharCode(v);
    values.push([text]);
  }
  return values;
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width - (value < 0 ? 1 : 0), '0');
  return value < 0 ? `-${digits}` : digits;
}

/** How many alternatives `pieces` expand to, stopping once past `cap`. */
function countOf(pieces: Piece[], cap: number): number {
  let total = 1;
  for (const piece of pieces) {
    if (typeof piece === 'string') continue;
    let sum = 0;
    for (const alternative of piece) {
      sum += countOf(alternative, cap);
      if (sum >= cap) break;
    }
    total *= sum;
    if (total >= cap) return cap;
    if (total === 0) return 0;
  }
  return total;
}

function expand(pieces: Piece[]): string[] {
  let results = [''];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      results = results.map((r) => r + piece);
      continue;
    }
    const options = piece.flatMap((alternative) => expand(alternative));
    results = results.flatMap((r) => options.map((o) => r + o));
  }
  return results;
}
