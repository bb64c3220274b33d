// The tag grammar, on one line of a comment:
//   TAG[(meta, meta, …)][:] text [/REF]
// where the line may start with `//`, `/*`, `/**` or (inside a block comment) `*`. With
// `debt.match: "anywhere"` the tag may also come later in the line, after a space or an opening
// bracket: `// @ts-expect-error TODO: …`, `(FIXME it'd be nice …)`.
import type { DebtMatch } from '../model/ruleTypes';
import type { DebtMetadata } from '../model/types';
import { blockEndStart, COMMENT_LINE_PREFIX } from './commentLines';

export interface ParsedDebtTag {
  tag: string;
  /** Offset of the tag word in the line given. */
  tagStart: number;
  /** Offset just after the tag word. */
  tagEnd: number;
  /** The note, with the tag, the metadata, a trailing `/REF` and the comment delimiters removed. */
  text: string;
  metadata: DebtMetadata;
  /** One message per metadata item that could not be understood ("malformed debt metadata: …"). */
  problems: string[];
}

const EXPECTED =
  'expected @owner, a ticket (#123, ABC-123, https://…), due YYYY-MM-DD, est 2d (h/d/w) or interest low|medium|high|critical';
const KEY_EXAMPLES: Record<string, string> = {
  due: 'due YYYY-MM-DD',
  est: 'est 2d',
  estimate: 'estimate 2d',
  interest: 'interest high',
  priority: 'priority high',
};
const LEVELS = ['low', 'medium', 'high', 'critical'];
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const TICKET = /^(?:#\d+|[A-Z][A-Z0-9_]*-\d+|https?:\/\/\S+)$/;
const TRAILING_REF = /(?:^|\s)\/(#\d+|[A-Z][A-Z0-9_]*-\d+|https?:\/\/\S+)\s*$/;
const OWNER = /^@?[\w.-]+(?:\/[\w.-]+)?$/;

/**
 * Reads a debt tag at the start of a comment line's content (or, with `anywhere`, the first one
 * later in the line), or returns undefined when the line holds none. `tags` are matched
 * case-sensitively and as whole words.
 */
export function parseDebtTag(line: string, tags: readonly string[], match: DebtMatch = 'start'): ParsedDebtTag | undefined {
  const contentStart = COMMENT_LINE_PREFIX.exec(line)![0].length;
  const body = stripBlockEnd(line);
  const first = matchTag(body, contentStart, tags);
  const found = first !== undefined ? { start: contentStart, tag: first } : match === 'anywhere' ? findTag(body, contentStart, tags) : undefined;
  if (found === undefined) return undefined;
  const { start, tag } = found;
  const opener = start > contentStart ? body.charAt(start - 1) : '';

  const tagEnd = start + tag.length;
  const metadata: DebtMetadata = {};
  const problems: string[] = [];
  let rest = body.slice(tagEnd);
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')');
    if (close === -1) {
      problems.push(`malformed debt metadata: missing ")" after "${rest.trim()}"; write ${tag}(@owner, ABC-123): text`);
      rest = rest.slice(1);
    } else {
      readItems(rest.slice(1, close), metadata, problems);
      rest = rest.slice(close + 1);
    }
  }
  rest = rest.replace(/^\s*(?::|[-–—](?=\s|$))?\s*/, '');
  const ref = TRAILING_REF.exec(rest);
  if (ref) {
    rest = rest.slice(0, ref.index);
    if (metadata.ticket === undefined) metadata.ticket = ref[1];
    else if (metadata.ticket !== ref[1]) {
      problems.push(`malformed debt metadata: two tickets (${metadata.ticket} and /${ref[1]}); keep one`);
    }
  }
  return { tag, tagStart: start, tagEnd, text: closeBracket(rest.trim(), opener), metadata, problems };
}

/**
 * The first tag later in the line (`debt.match: "anywhere"`). Prose names tag words too ("the list
 * of TODO items"), so past the first word a tag counts only in the forms that mark one: a whole
 * word after a space or an opening bracket, and then either followed by `:` or `(`, or ending the
 * line, or right after the bracket: `@ts-expect-error TODO`, `(TODO: …)`, `(FIXME it'd be nice …)`.
 */
function findTag(body: string, from: number, tags: readonly string[]): { start: number; tag: string } | undefined {
  const initials = new Set(tags.map((tag) => tag.charAt(0)));
  for (let at = from + 1; at < body.length; at++) {
    const before = body.charAt(at - 1);
    if (!initials.has(body.charAt(at)) || !/[\s([]/.test(before)) continue;
    const tag = matchTag(body, at, tags);
    if (tag === undefined) continue;
    const after = body.slice(at + tag.length);
    if (before === '(' || before === '[' || /^[:(]/.test(after) || after.trim() === '') return { start: at, tag };
  }
  return undefined;
}

/** `(TODO: text) more` → `text`: a note opened by a bracket before its tag ends where that bracket closes. */
function closeBracket(text: string, opener: string): string {
  const close = opener === '(' ? ')' : opener === '[' ? ']' : '';
  if (close === '') return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === opener) depth++;
    else if (text[i] === close && depth-- === 0) return text.slice(0, i).trimEnd();
  }
  return text;
}

/** The largest estimate taken at face value: 250 weeks. Beyond it a number is a typo, and would swamp every total. */
export const MAX_ESTIMATE_HOURS = 10_000;

/** Hours of an estimate written `2d`, `4h`, `1.5w` (1d = 8h, 1w = 40h), or undefined (also above `MAX_ESTIMATE_HOURS`). */
export function estimateHours(estimate: string): number | undefined {
  const hours = writtenHours(estimate);
  return hours !== undefined && hours <= MAX_ESTIMATE_HOURS ? hours : undefined;
}

/** Hours as written, however many. */
function writtenHours(estimate: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*([hdw])$/.exec(estimate);
  if (!m) return undefined;
  const factor = m[2] === 'h' ? 1 : m[2] === 'd' ? 8 : 40;
  return Number(m[1]) * factor;
}

/** True for an ISO date `YYYY-MM-DD` that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function stripBlockEnd(line: string): string {
  const close = blockEndStart(line);
  return close < 0 ? line : line.slice(0, close);
}

function matchTag(body: string, at: number, tags: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const tag of tags) {
    if (tag === '' || !body.startsWith(tag, at)) continue;
    if (best !== undefined && best.length >= tag.length) continue;
    const next = body.charAt(at + tag.length);
    // `TODO:`, `TODO(`, `TODO text`, or `TODO` alone; never `TODOS` or `TODO_X`.
    if (next === '' || next === ':' || next === '(' || /\s/.test(next)) best = tag;
  }
  return best;
}

function readItems(inside: string, metadata: DebtMetadata, problems: string[]): void {
  for (const raw of inside.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const problem = readItem(item, metadata);
    if (problem) problems.push(`malformed debt metadata: ${problem}`);
  }
}

/** Stores one item in `metadata`; returns what is wrong with it, if anything. */
function readItem(item: string, metadata: DebtMetadata): string | undefined {
  // [\s\S], not `.`: a U+2028 in the item must not make the match fail and backtrack.
  const keyed = /^([A-Za-z]+)\s*[:=]?\s*([\s\S]*)$/.exec(item);
  const key = keyed?.[1].toLowerCase();
  const value = keyed?.[2].trim() ?? '';

  if (TICKET.test(item)) return setOnce(metadata, 'ticket', item, 'tickets');
  if (key !== undefined && value === '' && Object.hasOwn(KEY_EXAMPLES, key)) {
    return `"${item}" needs a value; write ${KEY_EXAMPLES[key]}`;
  }
  if (key === 'due' && value !== '') {
    if (!isIsoDate(value)) return `due date "${value}" is not a ${DATE_SHAPE.test(value) ? 'real ' : ''}date; write due YYYY-MM-DD`;
    return setOnce(metadata, 'due', value, 'due dates');
  }
  if (DATE_SHAPE.test(item)) {
    if (!isIsoDate(item)) return `due date "${item}" is not a real date; write due YYYY-MM-DD`;
    return setOnce(metadata, 'due', item, 'due dates');
  }
  if ((key === 'est' || key === 'estimate') && value !== '') return setEstimate(metadata, value);
  if (/^[\d.]+\s*[a-z]$/i.test(item)) return setEstimate(metadata, item);
  if ((key === 'interest' || key === 'priority') && value !== '') {
    const level = value.toLowerCase();
    if (!LEVELS.includes(level)) return `${key} "${value}" is not one of low, medium, high, critical`;
    return setOnce(metadata, 'interest', level, 'interest values');
  }
  if (OWNER.test(item)) {
    const owner = item.replace(/^@/, '');
    if (metadata.owner !== undefined && metadata.owner !== owner) {
      return `two owners (${metadata.owner} and ${owner}); write one owner`;
    }
    metadata.owner = owner;
    return undefined;
  }
  return `"${item}" is not understood; ${EXPECTED}`;
}

function setEstimate(metadata: DebtMetadata, value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  const hours = writtenHours(compact);
  if (hours === undefined) return `estimate "${value}" is not understood; write est 4h, est 2d or est 1w`;
  if (hours > MAX_ESTIMATE_HOURS) return `estimate "${value}" is more than 250w (10,000 hours); split the work, or write a smaller estimate`;
  const problem = setOnce(metadata, 'estimate', compact, 'estimates');
  if (problem === undefined) metadata.estimateHours = hours;
  return problem;
}

function setOnce(
  metadata: DebtMetadata,
  field: 'ticket' | 'due' | 'estimate' | 'interest',
  value: string,
  plural: string,
): string | undefined {
  const existing = metadata[field];
  if (existing !== undefined && existing !== value) return `two ${plural} (${existing} and ${value}); keep one`;
  metadata[field] = value;
  return undefined;
}
