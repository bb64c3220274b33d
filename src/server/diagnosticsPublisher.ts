import type { Connection, Diagnostic } from 'vscode-languageserver';
import { debtDiagnostic, findingKind, rulesProblemDiagnostic, violationDiagnostics, type ShownFinding } from './findingDiagnostics';
import type { ExistingFindings } from './newCode';
import type { RegressedWindow } from './windowHolds';
import type { WorkspaceAnalysis } from './workspaceAnalysis';
import { fileToUri } from './uris';
import { todayIso } from '../core';

/**
 * Publishes every finding of every project as diagnostics, for the whole workspace and not only
 * open files, and rules-file problems in the rules files themselves. Only files whose diagnostics
 * changed are sent; a file whose findings are gone is sent an empty list once.
 */
export class DiagnosticsPublisher {
  private shown = new Map<string, ShownFinding[]>();
  private signatures = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly analysis: WorkspaceAnalysis,
    /** With `guardrails.newSince`: the findings that were already there, shown softened. */
    private readonly newCode?: { existing(): ExistingFindings | undefined },
    /** Ended windows that regressed (`window-regressed`, on the window in the rules file). */
    private readonly holds?: { regressed(): RegressedWindow[] },
  ) {}

  /** The findings shown in a file, for code actions. */
  findingsIn(file: string): readonly ShownFinding[] {
    return this.shown.get(file) ?? [];
  }

  update(): void {
    const settings = this.analysis.currentSettings;
    const show = new Set(settings.show);
    const today = settings.today || todayIso();
    const existing = this.newCode?.existing();
    const byFile = new Map<string, ShownFinding[]>();
    const add = (finding: ShownFinding): void => {
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    };
    for (const { project, result } of this.analysis.results()) {
      const rules = new Map(project.config.rules.map((rule) => [rule.id, rule]));
      for (const violation of result.violations) {
        const rule = rules.get(violation.ruleId);
        if (!show.has(findingKind(violation, rule))) continue;
        violationDiagnostics(violation, project.config, rule, existing?.violations.has(violation)).forEach(add);
      }
      if (show.has('debt')) for (const item of result.debt) add(debtDiagnostic(item, project.config, today, existing?.debt.has(item)));
    }
    for (const { violation, config, existing: old } of this.holds?.regressed() ?? []) {
      if (show.has(findingKind(violation, undefined))) violationDiagnostics(violation, config, undefined, old).forEach(add);
    }
    const extra = new Map<string, Diagnostic[]>();
    for (const folder of this.analysis.folderAnalyses()) {
      for (const problem of folder.rulesProblems) {
        const list = extra.get(problem.location.file) ?? [];
        list.push(rulesProblemDiagnostic(problem));
        extra.set(problem.location.file, list);
      }
    }
    this.publish(byFile, extra);
  }

  private publish(byFile: Map<string, ShownFinding[]>, extra: Map<string, Diagnostic[]>): void {
    const signatures = new Map<string, string>();
    for (const file of new Set([...byFile.keys(), ...extra.keys()])) {
      const findings = byFile.get(file) ?? [];
      findings.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
      const diagnostics = [...findings.map((finding) => finding.diagnostic), ...(extra.get(file) ?? [])];
      // Everything a diagnostic shows, so a change to any of it (a moved rule, a longer specifier) is republished.
      const signature = JSON.stringify(diagnostics);
      signatures.set(file, signature);
      if (this.signatures.get(file) !== signature) void this.connection.sendDiagnostics({ uri: fileToUri(file), diagnostics });
    }
    for (const file of this.signatures.keys()) {
      if (!signatures.has(file)) void this.connection.sendDiagnostics({ uri: fileToUri(file), diagnostics: [] });
    }
    this.signatures = signatures;
    this.shown = byFile;
  }
}
