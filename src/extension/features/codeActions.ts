import * as vscode from 'vscode';
import type { DiagnosticsPresenter } from '../diagnostics/diagnosticsPresenter';
import { ticketUrl, type ShownFinding } from '../diagnostics/findingDiagnostics';
import { COMMANDS } from '../commands/commandIds';
import { ENGINE_FINDING_IDS } from '../../core/baseline/baselineMatch';


/** Quick fixes on Guardrails findings: suppress with a reason, baseline, open the rule or the ticket, add an owner. */
export class GuardrailsCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly presenter: DiagnosticsPresenter) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.presenter.findingsIn(document.uri.fsPath)) {
      if (!finding.diagnostic.range.intersection(range) && !finding.diagnostic.range.contains(range.start)) continue;
      actions.push(...(finding.debt ? debtActions(document, finding) : violationActions(document, finding)));
    }
    return actions;
  }
}

function violationActions(document: vscode.TextDocument, finding: ShownFinding): vscode.CodeAction[] {
  const violation = finding.violation!;
  const actions: vscode.CodeAction[] = [];
  const line = finding.diagnostic.range.start.line;
  if (violation.ruleId === 'unused-suppression') {
    const remove = new vscode.CodeAction('Remove unused suppression', vscode.CodeActionKind.QuickFix);
    remove.edit = new vscode.WorkspaceEdit();
    remove.edit.delete(document.uri, suppressionRange(document, finding.diagnostic.range));
    remove.diagnostics = [finding.diagnostic];
    remove.isPreferred = true;
    return [remove];
  }
  if (!ENGINE_FINDING_IDS.has(violation.ruleId)) {
    // A cycle shows in every file, but is suppressed only where it is reported: on its closing import.
    const where = finding.echo ? vscode.Uri.file(violation.location.file) : document.uri;
    const whereLine = finding.echo ? violation.location.range.start.line - 1 : line;
    const ignore = new vscode.CodeAction(`Ignore ${violation.ruleId} on this line with a reason`, vscode.CodeActionKind.QuickFix);
    ignore.command = { title: ignore.title, command: COMMANDS.ignoreLine, arguments: [where, whereLine, violation.ruleId] };
    ignore.diagnostics = [finding.diagnostic];
    actions.push(ignore);
  }
  if (!ENGINE_FINDING_IDS.has(violation.ruleId) && !violation.baselined) {
    const baseline = new vscode.CodeAction(`Add to baseline (known ${violation.ruleId} violation)`, vscode.CodeActionKind.QuickFix);
    baseline.command = { title: baseline.title, command: COMMANDS.addToBaseline, arguments: [violation, finding.config.file] };
    baseline.diagnostics = [finding.diagnostic];
    actions.push(baseline);
  }
  if (!ENGINE_FINDING_IDS.has(violation.ruleId)) {
    const rule = finding.config.rules.find((candidate) => candidate.id === violation.ruleId);
    if (rule) {
      const open = new vscode.CodeAction(`Open rule ${rule.id}`, vscode.CodeActionKind.QuickFix);
      open.command = { title: open.title, command: COMMANDS.openRule, arguments: [rule.location.file, rule.location.range.start.line, rule.location.range.start.column] };
      actions.push(open);
    }
  }
  return actions;
}

/** The suppression comment, and its whole line when nothing else is written on it. */
function suppressionRange(document: vscode.TextDocument, comment: vscode.Range): vscode.Range {
  const line = document.lineAt(comment.start.line);
  const before = line.text.slice(0, comment.start.character);
  if (before.trim() === '' && comment.end.line === comment.start.line && line.text.slice(comment.end.character).trim() === '') {
    return line.rangeIncludingLineBreak;
  }
  const spaces = before.length - before.trimEnd().length;
  return new vscode.Range(comment.start.translate(0, -spaces), comment.end);
}

function debtActions(document: vscode.TextDocument, finding: ShownFinding): vscode.CodeAction[] {
  const item = finding.debt!;
  const actions: vscode.CodeAction[] = [];
  const url = ticketUrl(item, finding.config);
  if (url) {
    const open = new vscode.CodeAction(`Open ticket ${item.ticket}`, vscode.CodeActionKind.QuickFix);
    open.command = { title: open.title, command: COMMANDS.openTicket, arguments: [url.toString(true)] };
    actions.push(open);
  }
  if (!item.owner) {
    const add = new vscode.CodeAction(`Add an owner to this ${item.tag}`, vscode.CodeActionKind.QuickFix);
    add.command = { title: add.title, command: COMMANDS.addOwner, arguments: [document.uri, finding.diagnostic.range] };
    add.diagnostics = [finding.diagnostic];
    actions.push(add);
  }
  return actions;
}
