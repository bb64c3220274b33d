// Suppression comments: `// guardrails-ignore-next-line RULE_ID[, RULE_ID2] -- reason`.
// A suppression silences the listed rules on the line after the comment; one without a reason
// or without a rule id is reported and silences nothing, and one that silences nothing is reported.
import type { Range, Violation } from '../model/types';
import type { LineIndex } from '../util/positions';
import type { SourceComment } from '../debt/collectComments';
import { COMMENT_LINE_PREFIX, commentLines, contentEnd } from '../debt/commentLines';

export interface Suppression {
  /** Absolute path of the file holding the comment. */
  file: string;
  ruleIds: string[];
  reason: string;
  /** Line of the directive. */
  line: number;
  /** The line it applies to: the line after the comment ends. */
  targetLine: number;
  /** The comment line holding the directive. */
  range: Range;
}

export interface SuppressionContext {
  file: string;
  lineIndex: LineIndex;
}

export interface SuppressionResult {
  suppressions: Suppression[];
  problems: Violation[];
}

export interface AppliedSuppressions {
  kept: Violation[];
  suppressed: Violation[];
  /** `unused-suppression` findings, one per rule id of a suppression that silenced nothing. */
  unused: Violation[];
}

export const DIRECTIVE = 'guardrails-ignore-next-line';
/** Word whose presence in a file means it may hold a suppression (for quick rejects). */
export const SUPPRESSION_MARKER = 'guardrails-ignore';
export const INVALID_SUPPRESSION_RULE = 'invalid-suppression';
export const UNUSED_SUPPRESSION_RULE = 'unused-suppression';

const EXAMPLE = `// ${DIRECTIVE} RULE_ID -- why this is acceptable`;

export function parseSuppressions(comments: readonly SourceComment[], ctx: SuppressionContext): SuppressionResult {
  const suppressions: Suppression[] = [];
  const problems: Violation[] = [];
  for (const comment of comments) {
    if (!comment.text.includes(SUPPRESSION_MARKER)) continue;
    const targetLine = ctx.lineIndex.position(comment.end).line + 1;
    for (const { text, offset } of commentLines(comment)) {
      const start = COMMENT_LINE_PREFIX.exec(text)![0].length;
      if (!text.startsWith(SUPPRESSION_MARKER, start)) continue;
      const content = text.slice(0, contentEnd(text));
      const lineStart = text.length - text.trimStart().length;
      const range = ctx.lineIndex.range(offset + lineStart, offset + text.trimEnd().length);
      const word = /^\S*/.exec(content.slice(start))![0];
      if (word !== DIRECTIVE) {
        problems.push(invalid(`unknown directive "${word}"; write ${EXAMPLE}`, ctx.file, range));
        continue;
      }
      const parsed = parseDirective(content.slice(start + DIRECTIVE.length));
      if (typeof parsed === 'string') {
        problems.push(invalid(`${parsed}; it suppresses nothing until then`, ctx.file, range));
        continue;
      }
      suppressions.push({ file: ctx.file, ...parsed, line: range.start.line, targetLine, range });
    }
  }
  return { suppressions, problems };
}

export function applySuppressions(violations: readonly Violation[], suppressions: readonly Suppression[]): AppliedSuppressions {
  // The usual case, and after every keystroke: nothing to match.
  if (suppressions.length === 0) return { kept: [...violations], suppressed: [], unused: [] };
  const byTarget = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    const key = `${s.targetLine}\0${s.file}`;
    const list = byTarget.get(key);
    if (list) list.push(s);
    else byTarget.set(key, [s]);
  }
  const used = new Map<Suppression, Set<string>>();
  const kept: Violation[] = [];
  const suppressed: Violation[] = [];
  for (const v of violations) {
    const candidates = isSuppressible(v.ruleId) ? byTarget.get(`${v.location.range.start.line}\0${v.location.file}`) : undefined;
    const match = candidates?.find((s) => s.ruleIds.includes(v.ruleId));
    if (match) {
      const ids = used.get(match) ?? new Set<string>();
      ids.add(v.ruleId);
      used.set(match, ids);
      suppressed.push(v);
    } else kept.push(v);
  }
  const unused: Violation[] = [];
  for (const s of suppressions) {
    for (const ruleId of new Set(s.ruleIds)) {
      if (used.get(s)?.has(ruleId)) continue;
      unused.push({
        ruleId: UNUSED_SUPPRESSION_RULE,
        severity: 'warning',
        message: `${DIRECTIVE} ${ruleId} suppresses nothing on line ${s.targetLine}; remove it`,
        location: { file: s.file, range: s.range },
        from: s.file,
        to: '',
      });
    }
  }
  return { kept, suppressed, unused };
}

/** Rule ids and reason after the directive word, or what is wrong with them. */
function parseDirective(rest: string): { ruleIds: string[]; reason: string } | string {
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const idsText = separator ? rest.slice(0, separator.index) : rest;
  const ruleIds = idsText.split(/[\s,]+/).filter((id) => id !== '');
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  if (ruleIds.length === 0) return `${DIRECTIVE} needs a rule id: write ${EXAMPLE}`;
  const ids = ruleIds.join(', ');
  if (reason === '') return `${DIRECTIVE} ${ids} needs a reason: write // ${DIRECTIVE} ${ids} -- why this is acceptable`;
  return { ruleIds, reason };
}

function isSuppressible(ruleId: string): boolean {
  return ruleId !== INVALID_SUPPRESSION_RULE && ruleId !== UNUSED_SUPPRESSION_RULE;
}

function invalid(message: string, file: string, range: Range): Violation {
  return { ruleId: INVALID_SUPPRESSION_RULE, severity: 'warning', message, location: { file, range }, from: file, to: '' };
}
