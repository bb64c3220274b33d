import { collectComments, mayContainMarkers } from '../debt/collectComments';
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
  const facts: FileFacts = { file, imports: extractImports(sourceFile), debt: [], suppressions: [], problems: [] };
  if (parseErrors.length > 0) facts.problems.push(parseErrorViolation(file, text, parseErrors[0]));

  const tags = Object.keys(ctx.policy.tags).filter((tag) => ctx.policy.tags[tag] !== 'off');
  if (!mayContainMarkers(text, [...tags, SUPPRESSION_MARKER])) return facts;
  const comments = collectComments(sourceFile);
  const lineIndex = new LineIndex(text);
  const debt = scanDebt(sourceFile, comments, { file, root: ctx.root, policy: ctx.policy, today: ctx.today, lineIndex });
  const suppressions = parseSuppressions(comments, { file, lineIndex });
  facts.debt = debt.items;
  facts.suppressions = suppressions.suppressions;
  facts.problems.push(...debt.problems, ...suppressions.problems);
  return facts;
}
