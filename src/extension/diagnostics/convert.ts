import * as vscode from 'vscode';
import type { Range as CoreRange, ReportedSeverity } from '../../core/model/types';

/** Engine ranges are 1-based lines and columns; VS Code's are 0-based. */
export function toVscodeRange(range: CoreRange): vscode.Range {
  return new vscode.Range(
    Math.max(0, range.start.line - 1), Math.max(0, range.start.column - 1),
    Math.max(0, range.end.line - 1), Math.max(0, range.end.column - 1),
  );
}

export function toVscodeSeverity(severity: ReportedSeverity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
  }
}

/** A link that opens a file at a line and column (VS Code reads the `L<line>,<col>` fragment). */
export function locationUri(file: string, range: CoreRange): vscode.Uri {
  return vscode.Uri.file(file).with({ fragment: `L${range.start.line},${range.start.column}` });
}
