import { collectComments, mayContainMarkers, type SourceComment } from '../debt/collectComments';
import { mayHoldJsx, scanComments } from '../debt/scanComments';
import { scanDebt } from '../debt/scanDebt';
import { parseErrorViolation } from '../graph/buildGraph';
import { extractImports } from '../graph/extractImports';
import { parseSource } from '../graph/parseSource';
import type { DebtPolicy } from '../rules/ruleTypes';
import { parseSuppressions, SUPPRESSION_MARKER, type Suppression } from '../suppress/suppressions';
import type { DebtItem, ImportRef, Violation } from '../types';
import { LineIndex } from '../util/positions';

/** What one source file contributes, kept per file so an edit re-reads only that file. */
export interface FileFacts {
  file: string;
  imports: ImportRef[];
  debt: DebtItem[];
  suppressions: Suppression[];
  /** Parse errors, malformed debt metadata, malformed suppressions. */
  problems: Violation[];
}

export interface FileAnalysisContext {
  root: string;
  policy: DebtPolicy;
  today: string;
}

/** Parses one file once and reads its imports, debt tags and suppressions from that parse. */
export function analyzeFileText(file: string, text: string, ctx: FileAnalysisContext): FileFacts {
  const { sourceFile, parseErrors } = parseSource(file, text);
  const facts: FileFacts = { file, imports: extractImports(sourceFile), ...commentFacts(file, text, () => collectComments(sourceFile), ctx) };
  if (parseErrors.length > 0) facts.problems.unshift(parseErrorViolation(file, text, parseErrors[0]));
  return facts;
}

/**
 * Only the debt tags and suppressions of a file (`guardrails debt`): a file with no tag word in it
 * is never parsed, and no import is resolved.
 */
export function scanFileComments(file: string, text: string, ctx: FileAnalysisContext): Omit<FileFacts, 'file' | 'imports'> {
  // The scanner alone finds the comments exactly (checked against the tree in tests); a file whose
  // JSX it cannot follow is parsed.
  const comments = () => scanComments(text, mayHoldJsx(file)) ?? collectComments(parseSource(file, text).sourceFile);
  return commentFacts(file, text, comments, ctx);
}

function commentFacts(file: string, text: string, findComments: () => SourceComment[], ctx: FileAnalysisContext): Omit<FileFacts, 'file' | 'imports'> {
  const tags = Object.keys(ctx.policy.tags).filter((tag) => ctx.policy.tags[tag] !== 'off');
  if (!mayContainMarkers(text, [...tags, SUPPRESSION_MARKER])) return { debt: [], suppressions: [], problems: [] };
  const comments = findComments();
  const lineIndex = new LineIndex(text);
  const debt = scanDebt({ text }, comments, { file, root: ctx.root, policy: ctx.policy, today: ctx.today, lineIndex });
  const suppressions = parseSuppressions(comments, { file, lineIndex });
  return { debt: debt.items, suppressions: suppressions.suppressions, problems: [...debt.problems, ...suppressions.problems] };
}
