import * as vscode from 'vscode';
import type { Range } from '../../core';

/** Engine ranges are 1-based lines and columns; VS Code's are 0-based. */
export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(
    Math.max(0, range.start.line - 1), Math.max(0, range.start.column - 1),
    Math.max(0, range.end.line - 1), Math.max(0, range.end.column - 1),
  );
}
