import * as vscode from 'vscode';
import type { Rule, RulesConfig } from '../../core/model/ruleTypes';
import type { DebtItem, Violation } from '../../core/model/types';
import { daysBetween } from '../../core/util/dates';
import type { FindingKind } from '../settings';
import { locationUri, toVscodeRange, toVscodeSeverity } from './convert';
import { relativeTarget } from '../../core/util/relativePaths';
import { toRelative } from '../../core/util/paths';

export const DIAGNOSTIC_SOURCE = 'guardrails';

/** A diagnostic with the finding it shows, so quick fixes and hovers can act on the finding. */
export interface ShownFinding {
  file: string;
  diagnostic: vscode.Diagnostic;
  violation?: Violation;
  debt?: DebtItem;
  config: RulesConfig;
  /** A cycle's diagnostic on one of its other imports (the finding itself is on the closing one). */
  echo?: boolean;
}

/** Which settings switch shows a finding. */
export function findingKind(violation: Violation, rule: Rule | undefined): FindingKind {
  if (violation.ruleId === 'debt-metadata') return 'debt';
  if (violation.ruleId === 'unused-suppression' || violation.ruleId === 'invalid-suppression') return 'suppressions';
  if (rule?.kind === 'no-cycle') return 'cycles';
  if (rule?.kind === 'no-unresolved') return 'unresolved';
  return 'architecture';
}

/**
 * The diagnostics of one rule finding: on its import (with the why, a link to the rule and the
 * rule's place as related information) and, for a cycle, on every other import of the cycle too,
 * so each file taking part shows it.
 */
export function violationDiagnostics(violation: Violation, config: RulesConfig, rule: Rule | undefined): ShownFinding[] {
  const why = violation.why ?? rule?.why;
  const baselined = violation.baselined === true;
  const message = `${baselined ? '(baselined) ' : ''}${violation.message}${why ? `\nWhy: ${why}` : ''}`;
  const main = new vscode.Diagnostic(toVscodeRange(violation.location.range), message,
    baselined ? vscode.DiagnosticSeverity.Hint : toVscodeSeverity(violation.severity));
  main.source = DIAGNOSTIC_SOURCE;
  main.code = rule ? { value: violation.ruleId, target: locationUri(rule.location.file, rule.location.range) } : violation.ruleId;
  if (violation.ruleId === 'unused-suppression') main.tags = [vscode.DiagnosticTag.Unnecessary];
  const related: vscode.DiagnosticRelatedInformation[] = [];
  for (const step of violation.cycle ?? []) {
    related.push(new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.file(step.location.file), toVscodeRange(step.location.range)),
      `${toRelative(config.root, step.from)} imports ${relativeTarget(config.root, step.to)}`,
    ));
  }
  if (rule) {
    related.push(new vscode.DiagnosticRelatedInformation(
      new vscode.Location(vscode.Uri.file(rule.location.file), toVscodeRange(rule.location.range)),
      `rule "${rule.id}" (${rule.kind})${rule.why ? `: ${rule.why}` : ''}`,
    ));
  }
  if (related.length > 0) main.relatedInformation = related;
  const shown: ShownFinding[] = [{ file: violation.location.file, diagnostic: main, violation, config }];

  // The other steps of a cycle: one diagnostic each, pointing back at the same finding.
  for (const step of (violation.cycle ?? []).slice(1)) {
    const echo = new vscode.Diagnostic(toVscodeRange(step.location.range), `part of ${message}`, main.severity);
    echo.source = DIAGNOSTIC_SOURCE;
    echo.code = main.code;
    echo.relatedInformation = main.relatedInformation;
    shown.push({ file: step.location.file, diagnostic: echo, violation, config, echo: true });
  }
  return shown;
}

/**
 * A debt tag: Hint or Information so the Problems panel is not flooded, Warning as the due date
 * nears, and the configured overdue severity once it has passed.
 */
export function debtDiagnostic(item: DebtItem, config: RulesConfig, today: string): ShownFinding {
  const details = [
    item.owner && `owner ${item.owner}`,
    item.ticket && `ticket ${item.ticket}`,
    item.due && (item.overdue ? `overdue since ${item.due}` : `due ${item.due}`),
    item.estimate && `estimate ${item.estimate}`,
    item.interest && `interest ${item.interest}`,
  ].filter(Boolean);
  const message = `${item.tag}: ${item.text || '(no text)'}${details.length ? ` (${details.join(', ')})` : ''}`;
  const diagnostic = new vscode.Diagnostic(toVscodeRange(item.range), message, debtSeverity(item, config, today));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const url = ticketUrl(item, config);
  diagnostic.code = url ? { value: `debt/${item.tag}`, target: url } : `debt/${item.tag}`;
  return { file: item.file, diagnostic, debt: item, config };
}

function debtSeverity(item: DebtItem, config: RulesConfig, today: string): vscode.DiagnosticSeverity {
  if (item.overdue) return toVscodeSeverity(item.severity);
  if (item.due && daysBetween(today, item.due) <= config.debt.warnDaysBeforeDue) return vscode.DiagnosticSeverity.Warning;
  return item.severity === 'info' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
}

/** The ticket's page, from the rules file's `ticketUrl`; only http and https links are made. */
export function ticketUrl(item: DebtItem, config: RulesConfig): vscode.Uri | undefined {
  if (!item.ticket) return undefined;
  const direct = /^https?:\/\//i.test(item.ticket) ? item.ticket : undefined;
  const templated = config.debt.ticketUrl?.replace('{ticket}', encodeURIComponent(item.ticket.replace(/^#/, '')));
  const url = direct ?? templated;
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return vscode.Uri.parse(url, true);
  } catch {
    return undefined;
  }
}
