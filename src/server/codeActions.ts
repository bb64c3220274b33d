import { CodeActionKind, type CodeAction, type CodeActionParams, type Range, type TextEdit } from 'vscode-languageserver';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { ticketUrl, type ShownFinding } from './findingDiagnostics';
import { ServerCommands, type CodeActionData } from './protocol';
import { fileToUri, rangesTouch } from './uris';
import { appendAll, DIRECTIVE, ENGINE_FINDING_IDS } from '../core';

/** The text of a file as the editor has it (an open buffer) or as it is on disk. */
export type TextOf = (file: string) => string | undefined;

export interface ClientAbilities {
  /** `window/showDocument`, which "Open rule" and "Open ticket" need (Neovim 0.7 has none: the diagnostic's link remains). */
  canShowDocument: boolean;
}

/**
 * Quick fixes on Guardrails findings: suppress with a reason, add to the baseline, open the rule or
 * the ticket, add an owner, remove an unused suppression. Edits are plain text edits any LSP client
 * applies; `data` lets a richer client turn them into snippets with the reason or owner selected.
 */
export function codeActions(params: CodeActionParams, file: string, publisher: DiagnosticsPublisher, textOf: TextOf, client: ClientAbilities): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of publisher.findingsIn(file)) {
    if (!rangesTouch(finding.diagnostic.range, params.range)) continue;
    appendAll(actions, finding.debt ? debtActions(file, finding, textOf) : violationActions(file, finding, textOf));
  }
  const opensDocument = new Set<string>([ServerCommands.openRule, ServerCommands.openTicket]);
  return client.canShowDocument ? actions : actions.filter((action) => !opensDocument.has(action.command?.command ?? ''));
}

function violationActions(file: string, finding: ShownFinding, textOf: TextOf): CodeAction[] {
  const violation = finding.violation!;
  const actions: CodeAction[] = [];
  const uri = fileToUri(file);
  if (violation.ruleId === 'unused-suppression') {
    const lines = (textOf(file) ?? '').split('\n');
    return [{
      title: 'Remove unused suppression',
      kind: CodeActionKind.QuickFix,
      diagnostics: [finding.diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: suppressionRange(lines, finding.diagnostic.range), newText: '' }] } },
    }];
  }
  if (ENGINE_FINDING_IDS.has(violation.ruleId)) return actions;
  // A cycle shows in every file, but is suppressed only where it is reported: on its closing import.
  const where = finding.echo ? violation.location.file : file;
  const whereLine = finding.echo ? violation.location.range.start.line - 1 : finding.diagnostic.range.start.line;
  const whereText = (textOf(where) ?? '').split('\n')[whereLine] ?? '';
  const indent = /^\s*/.exec(whereText)?.[0] ?? '';
  const data: CodeActionData = { type: 'ignoreLine', uri: fileToUri(where), line: whereLine, ruleId: violation.ruleId };
  actions.push({
    title: `Ignore ${violation.ruleId} on this line with a reason`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [finding.diagnostic],
    edit: { changes: { [data.uri]: [insertAt(whereLine, `${indent}// ${DIRECTIVE} ${violation.ruleId} -- reason\n`)] } },
    data,
  });
  if (!violation.baselined) {
    actions.push({
      title: `Add to baseline (known ${violation.ruleId} violation)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [finding.diagnostic],
      command: { title: 'Add to baseline', command: ServerCommands.addToBaseline, arguments: [violation, finding.config.file] },
    });
  }
  const rule = finding.config.rules.find((candidate) => candidate.id === violation.ruleId);
  if (rule) {
    actions.push({
      title: `Open rule ${rule.id}`,
      kind: CodeActionKind.QuickFix,
      command: { title: `Open rule ${rule.id}`, command: ServerCommands.openRule, arguments: [rule.location.file, rule.location.range.start.line, rule.location.range.start.column] },
    });
  }
  return actions;
}

function debtActions(file: string, finding: ShownFinding, textOf: TextOf): CodeAction[] {
  const item = finding.debt!;
  const actions: CodeAction[] = [];
  const url = ticketUrl(item, finding.config);
  if (url) {
    actions.push({
      title: `Open ticket ${item.ticket}`,
      kind: CodeActionKind.QuickFix,
      command: { title: `Open ticket ${item.ticket}`, command: ServerCommands.openTicket, arguments: [url] },
    });
  }
  if (!item.owner) {
    const tag = finding.diagnostic.range;
    const line = (textOf(file) ?? '').split('\n')[tag.end.line] ?? '';
    // `TODO: x` → `TODO(@owner): x`; `DEBT(PAY-1): x` → `DEBT(@owner, PAY-1): x`.
    const edit = line[tag.end.character] === '('
      ? insertAt(tag.end.line, '@owner, ', tag.end.character + 1)
      : insertAt(tag.end.line, '(@owner)', tag.end.character);
    const data: CodeActionData = { type: 'addOwner', uri: fileToUri(file), line: tag.end.line, character: tag.start.character, endCharacter: tag.end.character };
    actions.push({
      title: `Add an owner to this ${item.tag}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [finding.diagnostic],
      edit: { changes: { [data.uri]: [edit] } },
      data,
    });
  }
  return actions;
}

function insertAt(line: number, text: string, character = 0): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText: text };
}

/** The suppression comment, and its whole line when nothing else is written on it. */
function suppressionRange(lines: readonly string[], comment: Range): Range {
  const text = lines[comment.start.line] ?? '';
  const before = text.slice(0, comment.start.character);
  if (before.trim() === '' && comment.end.line === comment.start.line && text.slice(comment.end.character).replace(/\r$/, '').trim() === '') {
    return { start: { line: comment.start.line, character: 0 }, end: { line: comment.start.line + 1, character: 0 } };
  }
  const spaces = before.length - before.trimEnd().length;
  return { start: { line: comment.start.line, character: comment.start.character - spaces }, end: comment.end };
}
