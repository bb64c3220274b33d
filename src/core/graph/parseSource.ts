import * as path from 'node:path';
import { ts } from 'ts-morph';

/** TypeScript's bundle exposes its exports through getters; hot code reads them once, here. */
const { ScriptKind, ScriptTarget, createSourceFile, flattenDiagnosticMessageText } = ts;

export interface ParseError {
  message: string;
  /** Offset of the error in the text. */
  pos: number;
  /** Length of the offending text (0 when TypeScript points between tokens). */
  length: number;
}

export interface ParsedSource {
  sourceFile: ts.SourceFile;
  parseErrors: ParseError[];
}

/** Script kind from the file extension; declaration files are TS. */
export function scriptKindFor(file: string): ts.ScriptKind {
  switch (path.extname(file).toLowerCase()) {
    case '.tsx': return ScriptKind.TSX;
    case '.jsx': return ScriptKind.JSX;
    case '.js': case '.mjs': case '.cjs': return ScriptKind.JS;
    case '.json': return ScriptKind.JSON;
    default: return ScriptKind.TS;
  }
}

/** What TypeScript takes for a declaration file: `.d.ts`, `.d.mts`, `.d.cts`, and `x.d.css.ts`. */
export function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/.test(file) || (file.endsWith('.ts') && path.basename(file).includes('.d.'));
}

/**
 * `parseDiagnostics` is internal to TypeScript but has been stable for years, and it is the only
 * way to learn about syntax errors without creating a Program.
 */
interface WithParseDiagnostics {
  parseDiagnostics?: readonly ts.DiagnosticWithLocation[];
}

export function parseDiagnosticsOf(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as ts.SourceFile & WithParseDiagnostics).parseDiagnostics ?? [];
}

/**
 * Parses one file without parent pointers (faster; our walkers pass the source file explicitly).
 * JSDoc is parsed only where it carries types (JS files), which keeps TS parsing lean.
 */
export function parseSource(file: string, text: string): ParsedSource {
  const sourceFile = createSourceFile(
    file,
    text,
    { languageVersion: ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo },
    false,
    scriptKindFor(file),
  );
  const parseErrors = parseDiagnosticsOf(sourceFile).map((d) => ({
    message: flattenDiagnosticMessageText(d.messageText, '\n'),
    pos: d.start,
    length: d.length,
  }));
  return { sourceFile, parseErrors };
}
