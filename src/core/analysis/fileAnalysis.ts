import { ts } from 'ts-morph';
import { collectComments, mayContainMarkers, type SourceComment } from '../debt/collectComments';
import { mayHoldJsx, scanComments } from '../debt/scanComments';
import { scanDebt } from '../debt/scanDebt';
import { extractImports, importRefs } from '../graph/extractImports';
import { ImportScan } from '../graph/scanImports';
import { isDeclarationFile, parseSource, scriptKindFor, type ParseError } from '../graph/parseSource';
import type { DebtPolicy } from '../model/ruleTypes';
import { parseSuppressions, SUPPRESSION_MARKER, type Suppression } from '../suppress/suppressions';
import type { DebtItem, ImportRef, Violation } from '../model/types';
import { LineIndex } from '../util/positions';
import { maxOf } from '../util/arrays';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { ScriptKind } = ts;

/** What one source file contributes, kept per file so an edit re-reads only that file. */
export interface FileFacts {
  file: string;
  imports: ImportRef[];
  debt: DebtItem[];
  suppressions: Suppression[];
  /** Parse errors, malformed debt metadata, malformed suppressions. */
  problems: Violation[];
  /** Read without a syntax tree (`FileAnalysisContext.withoutParseErrors`): a syntax error would not be among `problems`. */
  withoutParseErrors?: boolean;
}

export interface FileAnalysisContext {
  root: string;
  policy: DebtPolicy;
  today: string;
  /**
   * Parse errors are not wanted (a refactoring window counts the rules' findings and debt only):
   * a file is read with the scanner alone where that finds exactly what its tree holds.
   */
  withoutParseErrors?: boolean;
}

/**
 * Parses one file once and reads its imports, debt tags and suppressions from that parse. Code
 * nested deeper than TypeScript's recursive parser has stack for (generated or minified files) is
 * a `parse-error` finding on that file, never the end of the run.
 */
export function analyzeFileText(file: string, text: string, ctx: FileAnalysisContext): FileFacts {
  const scanned = ctx.withoutParseErrors ? scanFacts(file, text, ctx) : undefined;
  if (scanned) return scanned;
  try {
    return analyzeParsed(file, text, ctx);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const tooDeep = parseErrorViolation(file, text, { message: 'nested too deeply for the parser (its stack ran out)', pos: 0, length: 0 });
    return { file, imports: [], debt: [], suppressions: [], problems: [tooDeep] };
  }
}

function analyzeParsed(file: string, text: string, ctx: FileAnalysisContext): FileFacts {
  const { sourceFile, parseErrors } = parseSource(file, text);
  const lineIndex = new LineIndex(text);
  const hasMarkers = mayContainMarkers(text, [...activeTags(ctx.policy), SUPPRESSION_MARKER]);
  const comments = hasMarkers ? commentFacts(file, text, collectComments(sourceFile), ctx, lineIndex) : { debt: [], suppressions: [], problems: [] };
  const facts: FileFacts = { file, imports: extractImports(sourceFile, lineIndex), ...comments };
  if (parseErrors.length > 0) facts.problems.unshift(parseErrorViolation(file, text, parseErrors[0]));
  return facts;
}

/** `/// <reference path>` directives, which TypeScript reads from the file's leading comments (any case). */
const REFERENCE_DIRECTIVE = /\/\/\/\s*<reference\b/i;
/** In JavaScript, JSDoc holds dependencies too (`@import`, `{import('x').T}`): only the parser reads it. */
const JSDOC_DEPENDENCY = /@import\b|\bimport\s*\(/;

/**
 * A file's facts from the scanner alone (less than half the cost of a parse): its imports and
 * comments exactly as its tree holds them, but no parse error. Undefined where the scanner cannot
 * be sure (see ImportScan and scanComments): the file is then parsed.
 */
function scanFacts(file: string, text: string, ctx: FileAnalysisContext): FileFacts | undefined {
  const kind = scriptKindFor(file);
  if (kind === ScriptKind.JSON || (text.includes('///') && REFERENCE_DIRECTIVE.test(text))) return undefined;
  if (kind !== ScriptKind.TS && kind !== ScriptKind.TSX && JSDOC_DEPENDENCY.test(text)) return undefined;
  const imports = new ImportScan();
  const comments = scanComments(text, mayHoldJsx(file), lastMarkerAt(text, ctx.policy), imports);
  if (!comments) return undefined;
  const lineIndex = new LineIndex(text);
  const facts = comments.length > 0 ? commentFacts(file, text, comments, ctx, lineIndex) : { debt: [], suppressions: [], problems: [] };
  return { file, imports: importRefs(imports.found, lineIndex, isDeclarationFile(file)), ...facts, withoutParseErrors: true };
}

/**
 * Only the debt tags and suppressions of a file (`guardrails debt`): a file with no tag word in it
 * is never parsed, and no import is resolved.
 */
export function scanFileComments(file: string, text: string, ctx: FileAnalysisContext): Omit<FileFacts, 'file' | 'imports'> {
  // The scanner alone finds the comments exactly (checked against the tree in tests); a file whose
  // JSX it cannot follow is parsed. Only comments holding a tag or a suppression count, so the
  // scan stops after the last place one is written.
  const until = lastMarkerAt(text, ctx.policy);
  if (until < 0) return { debt: [], suppressions: [], problems: [] };
  const comments = scanComments(text, mayHoldJsx(file), until) ?? collectComments(parseSource(file, text).sourceFile);
  return commentFacts(file, text, comments, ctx, new LineIndex(text));
}

function commentFacts(file: string, text: string, comments: SourceComment[], ctx: FileAnalysisContext, lineIndex: LineIndex): Omit<FileFacts, 'file' | 'imports'> {
  const debt = scanDebt({ text }, comments, { file, root: ctx.root, policy: ctx.policy, today: ctx.today, lineIndex });
  const suppressions = parseSuppressions(comments, { file, lineIndex });
  return { debt: debt.items, suppressions: suppressions.suppressions, problems: [...debt.problems, ...suppressions.problems] };
}

/** Where the last tag word or suppression is written (-1: none): comments after it hold no debt nor suppression. */
function lastMarkerAt(text: string, policy: DebtPolicy): number {
  return maxOf([...activeTags(policy), SUPPRESSION_MARKER].map((marker) => (marker === '' ? -1 : text.lastIndexOf(marker))));
}

function activeTags(policy: DebtPolicy): string[] {
  return Object.keys(policy.tags).filter((tag) => policy.tags[tag] !== 'off');
}

/** The `parse-error` finding for a file's first syntax error (later ones are usually its echo). */
function parseErrorViolation(file: string, text: string, error: ParseError): Violation {
  const lines = new LineIndex(text);
  return {
    ruleId: 'parse-error',
    severity: 'error',
    message: `cannot parse: ${error.message.replace(/\.$/, '')} — the rest of the workspace is still analysed`,
    location: { file, range: lines.range(error.pos, error.pos + error.length) },
    from: file,
    to: '',
  };
}
