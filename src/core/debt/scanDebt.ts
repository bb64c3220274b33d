// Debt items of one file: tagged comment lines turned into DebtItems, and what is wrong with their
// metadata turned into `debt-metadata` findings on the tag.
import type { DebtPolicy } from '../model/ruleTypes';
import type { DebtItem, DebtMetadata, Range, ReportedSeverity, Severity, Violation } from '../model/types';
import { toRelative } from '../util/paths';
import { LineIndex } from '../util/positions';
import type { SourceComment } from './collectComments';
import { commentLines } from './commentLines';
import { parseDebtTag, type ParsedDebtTag } from './parseDebtTag';

export interface DebtScanContext {
  /** Absolute path of the file. */
  file: string;
  /** Absolute path of the root, for the item's id. */
  root: string;
  policy: DebtPolicy;
  /** `YYYY-MM-DD`; debt due before this day is overdue. */
  today: string;
  /** The file's line index when the caller already has one. */
  lineIndex?: LineIndex;
}

export interface DebtScanResult {
  items: DebtItem[];
  problems: Violation[];
}

export const DEBT_METADATA_RULE = 'debt-metadata';

const RANK: Record<ReportedSeverity, number> = { info: 0, warning: 1, error: 2 };

type Requirement = keyof DebtPolicy['require'];
const REQUIREMENTS: { field: Requirement; has: (m: DebtMetadata) => boolean; noun: string; example: string }[] = [
  { field: 'owner', has: (m) => m.owner !== undefined, noun: 'an owner', example: '@name' },
  { field: 'ticket', has: (m) => m.ticket !== undefined, noun: 'a ticket', example: 'ABC-123' },
  { field: 'due', has: (m) => m.due !== undefined, noun: 'a due date', example: 'due YYYY-MM-DD' },
  { field: 'estimate', has: (m) => m.estimate !== undefined, noun: 'an estimate', example: 'est 2d' },
];

/** `source` is the parsed file or just its text: only the text is read. */
export function scanDebt(sf: { readonly text: string }, comments: readonly SourceComment[], ctx: DebtScanContext): DebtScanResult {
  const items: DebtItem[] = [];
  const problems: Violation[] = [];
  const tags = Object.keys(ctx.policy.tags);
  if (tags.length === 0 || comments.length === 0) return { items, problems };

  const lines = ctx.lineIndex ?? new LineIndex(sf.text);
  const relative = toRelative(ctx.root, ctx.file);
  const seen = new Map<string, number>();

  for (const comment of comments) {
    if (!tags.some((tag) => comment.text.includes(tag))) continue;
    for (const { text, offset } of commentLines(comment)) {
      const parsed = parseDebtTag(text, tags, ctx.policy.match);
      if (parsed === undefined) continue;
      const tagSeverity = ctx.policy.tags[parsed.tag];
      if (tagSeverity === 'off') continue;

      const range = lines.range(offset + parsed.tagStart, offset + parsed.tagEnd);
      const content = trimmedSpan(text);
      const commentRange = lines.range(offset + content.start, offset + content.end);
      const overdue = parsed.metadata.due !== undefined && parsed.metadata.due < ctx.today;
      const severity = overdue ? raise(tagSeverity, ctx.policy.overdueSeverity) : tagSeverity;
      const baseId = `${parsed.tag}:${relative}:${normalise(parsed.text)}`;
      const count = (seen.get(baseId) ?? 0) + 1;
      seen.set(baseId, count);

      items.push({
        ...parsed.metadata,
        tag: parsed.tag,
        text: parsed.text,
        file: ctx.file,
        range,
        commentRange,
        overdue,
        severity,
        // The same note twice in one file stays two items.
        id: count === 1 ? baseId : `${baseId}#${count}`,
      });
      for (const message of [...parsed.problems, ...missing(parsed, ctx.policy)]) {
        problems.push(problem(message, ctx.file, range));
      }
    }
  }
  return { items, problems };
}

function missing(parsed: ParsedDebtTag, policy: DebtPolicy): string[] {
  const lacking = REQUIREMENTS.filter(
    (r) => (policy.require[r.field] ?? []).includes(parsed.tag) && !r.has(parsed.metadata),
  );
  if (lacking.length === 0) return [];
  const nouns = lacking.map((r) => r.noun);
  const list = nouns.length === 1 ? nouns[0] : `${nouns.slice(0, -1).join(', ')} and ${nouns[nouns.length - 1]}`;
  return [`${parsed.tag} needs ${list}: write ${parsed.tag}(${lacking.map((r) => r.example).join(', ')}): …`];
}

function problem(message: string, file: string, range: Range): Violation {
  return { ruleId: DEBT_METADATA_RULE, severity: 'warning', message, location: { file, range }, from: file, to: '' };
}

/** Overdue debt takes the overdue severity, never less than its tag's own. */
function raise(tag: ReportedSeverity, overdue: Severity): ReportedSeverity {
  if (overdue === 'off') return tag;
  return RANK[overdue] > RANK[tag] ? overdue : tag;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function trimmedSpan(text: string): { start: number; end: number } {
  const start = text.length - text.trimStart().length;
  return { start, end: text.trimEnd().length };
}
