// SARIF reporting descriptors: one per configured rule, per engine finding id seen in the results
// (parse errors, suppression problems…), and per debt tag (`debt/FIXME`).
import type { AnalysisResult, ReportedSeverity, Severity } from '../model/types';
import type { RulesConfig } from '../model/ruleTypes';
import { compareStrings } from '../util/relativePaths';
import { describeRule } from '../kinds/ruleKinds';
import type { ReportingConfiguration, ReportingDescriptor as SarifReportingDescriptor } from 'sarif';

type SarifLevel = NonNullable<ReportingConfiguration['level']>;

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : severity === 'info' ? 'note' : 'none';
}

export const debtRuleId = (tag: string): string => `debt/${tag}`;

/** `domain-pure` → `DomainPure`; `debt/FIXME` → `DebtFixme` (SARIF names are identifiers). */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

export function sarifRules(result: AnalysisResult, rules: RulesConfig | undefined): SarifReportingDescriptor[] {
  const out: SarifReportingDescriptor[] = [];
  const seen = new Set<string>();
  const add = (d: SarifReportingDescriptor) => {
    if (seen.has(d.id)) return;
    seen.add(d.id);
    out.push(d);
  };

  for (const rule of rules?.rules ?? []) {
    const short = describeRule(rule);
    add(descriptor(rule.id, short, rule.why, rule.severity, ['architecture', rule.kind]));
  }
  // Findings of the engine itself, or of rules missing from the given config.
  const firstSeverity = new Map<string, ReportedSeverity>();
  for (const v of result.violations) if (!firstSeverity.has(v.ruleId)) firstSeverity.set(v.ruleId, v.originalSeverity ?? v.severity);
  for (const id of [...firstSeverity.keys()].sort(compareStrings)) {
    add(descriptor(id, `Guardrails check ${id}`, undefined, firstSeverity.get(id)!, ['architecture']));
  }

  const tagSeverity = new Map<string, Severity>(Object.entries(rules?.debt.tags ?? {}));
  for (const tag of [...new Set(result.debt.map((d) => d.tag))].sort(compareStrings)) {
    if (!tagSeverity.has(tag)) tagSeverity.set(tag, result.debt.find((d) => d.tag === tag && !d.overdue)?.severity ?? 'info');
  }
  for (const [tag, severity] of tagSeverity) {
    add(descriptor(debtRuleId(tag), `${tag} comment (tagged technical debt)`,
      `A ${tag} comment marks work left to do; pay it down before its due date.`, severity, ['maintainability', 'debt']));
  }
  return out;
}

function descriptor(id: string, short: string, why: string | undefined, severity: Severity, tags: string[]): SarifReportingDescriptor {
  const d: SarifReportingDescriptor = {
    id,
    name: ruleName(id),
    shortDescription: { text: short },
    fullDescription: { text: why === undefined ? short : `${short}. ${why}` },
    help: { text: why ?? short },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: { tags },
  };
  if (severity === 'off') d.defaultConfiguration = { ...d.defaultConfiguration, enabled: false };
  // SARIF 3.49.7: a name that only repeats the id (`layered` / `Layered`) must be left out.
  if (d.name?.toLowerCase() === id.toLowerCase()) delete d.name;
  return d;
}
