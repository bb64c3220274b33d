import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range as LspRange } from 'vscode-languageserver';
import type { Range } from '../core';

/** A file path from a document URI; undefined for anything that is not a file on disk. */
export function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** A link that opens a file at a line and column (VS Code reads the `L<line>,<col>` fragment). */
export function locationLink(file: string, range: Range): string {
  return `${fileToUri(file)}#L${range.start.line},${range.start.column}`;
}

/** Engine ranges are 1-based lines and columns; LSP's are 0-based. */
export function toLspRange(range: Range): LspRange {
  return {
    start: { line: Math.max(0, range.start.line - 1), character: Math.max(0, range.start.column - 1) },
    end: { line: Math.max(0, range.end.line - 1), character: Math.max(0, range.end.column - 1) },
  };
}

/** True when a 0-based position lies in a range (end inclusive, as editors treat a cursor at the end). */
export function rangeContains(range: LspRange, position: { line: number; character: number }): boolean {
  const after = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

/** True when two ranges share a position. */
export function rangesTouch(a: LspRange, b: LspRange): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start);
}
