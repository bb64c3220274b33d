import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { FindingKind } from './protocol';
import { fileToUri, locationLink, toLspRange } from './uris';
import { daysBetween, escapeControls, relativeTarget, toRelative, type ConfigProblem, type DebtItem, type ReportedSeverity, type Rule, type RulesConfig, type Violation } from '../core';

export const DIAGNOSTIC_SOURCE = 'guardrails';
/** A tangle's other cuts shown with each of its findings; the rest are counted. */
const MAX_CUTS_SHOWN = 20;

/** A diagnostic with the finding it shows, so code actions and hovers can act on the finding. */
export interface ShownFinding {
  file: string;
  diagnostic: Diagnostic;
  violation?: Violation;
  debt?: DebtItem;
  config: RulesConfig;
  /** A cycle's diagnostic on one of its other imports (the finding itself is on the closing one). */
  echo?: boolean;
}

/** Which `guardrails.show` switch shows a finding. */
export function findingKind(violation: Violation, rule: Rule | undefined): FindingKind {
  if (violation.ruleId === 'debt-metadata') return 'debt';
  if (violation.ruleId === 'unused-suppression' || violation.ruleId === 'invalid-suppression') return 'suppressions';
  if (rule?.kind === 'no-cycle') return 'cycles';
  if (rule?.kind === 'no-unresolved') return 'unresolved';
  return 'architecture';
}

export function toLspSeverity(severity: ReportedSeverity): DiagnosticSeverity {
  return severity === 'error' ? DiagnosticSeverity.Error : severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/**
 * The diagnostics of one rule finding: on its import (with the why, a link to the rule and the
 * rule's place as related information) and, for a cycle, on every other import of the cycle too,
 * so each file taking part shows it. A finding the baseline lists, or one that was already there
 * before the branch (`existing`, with `guardrails.newSince`), is softened to a hint.
 */
export function violationDiagnostics(violation: Violation, config: RulesConfig, rule: Rule | undefined, existing = false): ShownFinding[] {
  const why = violation.why ?? rule?.why;
  const baselined = violation.baselined === true;
  const mark = baselined ? '(baselined) ' : existing ? '(existing) ' : '';
  // Control characters and bidi overrides from the repository are shown escaped (core/report/safeText).
  const message = escapeControls(`${mark}${violation.message}${why ? `\nWhy: ${why}` : ''}`);
  const main: Diagnostic = {
    range: toLspRange(violation.location.range),
    message,
    severity: baselined || existing ? DiagnosticSeverity.Hint : toLspSeverity(violation.severity),
    source: DIAGNOSTIC_SOURCE,
    code: violation.ruleId,
  };
  if (rule) main.codeDescription = { href: locationLink(rule.location.file, rule.location.range) };
  if (violation.ruleId === 'unused-suppression') main.tags = [DiagnosticTag.Unnecessary];
  const related: DiagnosticRelatedInformation[] = [];
  for (const step of violation.cycle ?? []) {
    related.push({
      location: { uri: fileToUri(step.location.file), range: toLspRange(step.location.range) },
      message: escapeControls(`${toRelative(config.root, step.from)} imports ${relativeTarget(config.root, step.to)}`),
    });
  }
  // A tangle's other imports to cut: fixing them all is what leaves the tangle without a cycle.
  const otherCuts = violation.tangle?.cut.slice(1) ?? [];
  for (const step of otherCuts.slice(0, MAX_CUTS_SHOWN)) {
    related.push({
      location: { uri: fileToUri(step.location.file), range: toLspRange(step.location.range) },
      message: escapeControls(`to cut too: ${toRelative(config.root, step.from)} imports ${relativeTarget(config.root, step.to)}`),
    });
  }
  if (rule) {
    const more = otherCuts.length - MAX_CUTS_SHOWN;
    related.push({
      location: { uri: fileToUri(rule.location.file), range: toLspRange(rule.location.range) },
      message: escapeControls(`rule "${rule.id}" (${rule.kind})${rule.why ? `: ${rule.why}` : ''}${more > 0 ? ` (and ${more} more imports to cut in this tangle)` : ''}`),
    });
  }
  if (related.length > 0) main.relatedInformation = related;
  const shown: ShownFinding[] = [{ file: violation.location.file, diagnostic: main, violation, config }];

  // The other steps of a cycle: one diagnostic each, pointing back at the same finding.
  for (const step of (violation.cycle ?? []).slice(1)) {
    const echo: Diagnostic = { ...main, range: toLspRange(step.location.range), message: `part of ${message}` };
    shown.push({ file: step.location.file, diagnostic: echo, violation, config, echo: true });
  }
  return shown;
}

/**
 * A debt tag: Hint or Information so the problems list is not flooded, Warning as the due date
 * nears, and the configured overdue severity once it has passed. Debt that was already there before
 * the branch (`existing`, with `guardrails.newSince`) is a hint, marked so.
 */
export function debtDiagnostic(item: DebtItem, config: RulesConfig, today: string, existing = false): ShownFinding {
  const details = [
    item.owner && `owner ${item.owner}`,
    item.ticket && `ticket ${item.ticket}`,
    item.due && (item.overdue ? `overdue since ${item.due}` : `due ${item.due}`),
    item.estimate && `estimate ${item.estimate}`,
    item.interest && `interest ${item.interest}`,
  ].filter(Boolean);
  const diagnostic: Diagnostic = {
    range: toLspRange(item.range),
    message: escapeControls(`${existing ? '(existing) ' : ''}${item.tag}: ${item.text || '(no text)'}${details.length ? ` (${details.join(', ')})` : ''}`),
    severity: existing ? DiagnosticSeverity.Hint : debtSeverity(item, config, today),
    source: DIAGNOSTIC_SOURCE,
    code: `debt/${item.tag}`,
  };
  const url = ticketUrl(item, config);
  if (url) diagnostic.codeDescription = { href: url };
  return { file: item.file, diagnostic, debt: item, config };
}

function debtSeverity(item: DebtItem, config: RulesConfig, today: string): DiagnosticSeverity {
  if (item.overdue) return toLspSeverity(item.severity);
  if (item.due && daysBetween(today, item.due) <= config.debt.warnDaysBeforeDue) return DiagnosticSeverity.Warning;
  return item.severity === 'info' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Information;
}

/** The ticket's page, from the rules file's `ticketUrl`; only http and https links are made. */
export function ticketUrl(item: DebtItem, config: RulesConfig): string | undefined {
  if (!item.ticket) return undefined;
  const direct = /^https?:\/\//i.test(item.ticket) ? item.ticket : undefined;
  const templated = config.debt.ticketUrl?.replace('{ticket}', encodeURIComponent(item.ticket.replace(/^#/, '')));
  const url = direct ?? templated;
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

/** A problem of a rules file, shown in the rules file. */
export function rulesProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: toLspRange(problem.location.range),
    message: escapeControls(problem.message),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
  };
}
