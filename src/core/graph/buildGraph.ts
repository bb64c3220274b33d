import type { ts } from 'ts-morph';
import type { FileSystem } from '../fs/fileSystem';
import type { Edge, Violation } from '../model/types';
import { LineIndex } from '../util/positions';
import { extractImports } from './extractImports';
import { ImportGraph } from './importGraph';
import { parseSource, type ParseError } from './parseSource';
import type { ImportResolver } from './resolveImport';

export type OnParsedFile = (file: string, sourceFile: ts.SourceFile, text: string) => void;

export interface AnalyzedFile {
  edges: Edge[];
  sourceFile: ts.SourceFile;
  /** Set when the file has a syntax error; its edges are still those the parser recovered. */
  parseError?: Violation;
}

/** Parses one file once and resolves what it imports. The extension calls this for a single edit. */
export function analyzeFile(file: string, text: string, resolver: ImportResolver): AnalyzedFile {
  const { sourceFile, parseErrors } = parseSource(file, text);
  const edges = extractImports(sourceFile).map((ref) => ({
    ...ref,
    from: file,
    to: resolver.resolve(ref.specifier, file, ref.kind),
  }));
  const first = parseErrors[0];
  if (!first) return { edges, sourceFile };
  const parseError = parseErrorViolation(file, text, first);
  return { edges, sourceFile, parseError };
}

/** The `parse-error` finding for a file's first syntax error (later ones are usually its echo). */
export function parseErrorViolation(file: string, text: string, error: ParseError): Violation {
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

/**
 * The import graph of `files`: each is read and parsed once, and its SourceFile handed to
 * `onFile` so that other scanners (debt comments) reuse the parse. A file that cannot be read
 * (deleted meanwhile) is left out; one that cannot be parsed yields a `parse-error` finding.
 */
export function buildGraph(
  files: string[],
  fs: FileSystem,
  resolver: ImportResolver,
  onFile?: OnParsedFile,
): { graph: ImportGraph; parseErrors: Violation[] } {
  const graph = new ImportGraph();
  const parseErrors: Violation[] = [];
  for (const file of files) {
    const text = fs.readFile(file);
    if (text === undefined) continue;
    const { edges, sourceFile, parseError } = analyzeFile(file, text, resolver);
    graph.setEdges(file, edges);
    if (parseError) parseErrors.push(parseError);
    onFile?.(file, sourceFile, text);
  }
  return { graph, parseErrors };
}
