import * as vscode from 'vscode';
import type { ConfigProblem } from '../../core/model/ruleTypes';
import type { AnalysisService } from '../analysis/analysisService';
import { effectiveToday, type Settings } from '../settings';
import { DisposableStore } from '../util/dispose';
import { toVscodeRange } from './convert';
import { debtDiagnostic, DIAGNOSTIC_SOURCE, findingKind, violationDiagnostics, type ShownFinding } from './findingDiagnostics';

/**
 * Publishes every finding of every project as diagnostics, for the whole workspace and not only
 * open files, and rules-file problems in the rules files themselves. Only files whose diagnostics
 * changed are sent to the editor.
 */
export class DiagnosticsPresenter extends DisposableStore {
  private readonly findings = this.register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly rulesProblems = this.register(vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-rules`));
  private shown = new Map<string, ShownFinding[]>();
  private signatures = new Map<string, string>();

  constructor(private readonly service: AnalysisService, private settings: () => Settings) {
    super();
    this.register(service.onDidChange(() => this.update()));
  }

  /** The findings shown in a file, for quick fixes and hovers. */
  findingsIn(file: string): readonly ShownFinding[] {
    return this.shown.get(file) ?? [];
  }

  allFindings(): ShownFinding[] {
    return [...this.shown.values()].flat();
  }

  update(): void {
    const show = this.settings().show;
    const today = effectiveToday(this.settings());
    const byFile = new Map<string, ShownFinding[]>();
    const add = (finding: ShownFinding): void => {
      const list = byFile.get(finding.file);
      if (list) list.push(finding);
      else byFile.set(finding.file, [finding]);
    };
    for (const { project, result } of this.service.results()) {
      const rules = new Map(project.config.rules.map((rule) => [rule.id, rule]));
      for (const violation of result.violations) {
        const rule = rules.get(violation.ruleId);
        if (!show.has(findingKind(violation, rule))) continue;
        violationDiagnostics(violation, project.config, rule).forEach(add);
      }
      if (show.has('debt')) for (const item of result.debt) add(debtDiagnostic(item, project.config, today));
    }
    this.publish(byFile);
    this.publishRulesProblems(this.service.folderAnalyses().flatMap((folder) => folder.rulesProblems));
  }

  private publish(byFile: Map<string, ShownFinding[]>): void {
    const signatures = new Map<string, string>();
    for (const [file, findings] of byFile) {
      findings.sort((a, b) => a.diagnostic.range.start.compareTo(b.diagnostic.range.start));
      const signature = findings.map(({ diagnostic }) => diagnosticSignature(diagnostic)).join('\n');
      signatures.set(file, signature);
      if (this.signatures.get(file) !== signature) this.findings.set(vscode.Uri.file(file), findings.map((finding) => finding.diagnostic));
    }
    for (const file of this.signatures.keys()) {
      if (!signatures.has(file)) this.findings.delete(vscode.Uri.file(file));
    }
    this.signatures = signatures;
    this.shown = byFile;
  }

  private publishRulesProblems(problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      const diagnostic = new vscode.Diagnostic(
        toVscodeRange(problem.location.range),
        problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      const list = byFile.get(problem.location.file) ?? [];
      list.push(diagnostic);
      byFile.set(problem.location.file, list);
    }
    this.rulesProblems.clear();
    for (const [file, diagnostics] of byFile) this.rulesProblems.set(vscode.Uri.file(file), diagnostics);
  }
}

/** Everything a diagnostic shows, so a change to any of it (a moved rule, a longer specifier) is republished. */
function diagnosticSignature(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? `${d.code.value}@${d.code.target.toString()}` : String(d.code);
  const related = (d.relatedInformation ?? []).map((info) => `${info.location.uri.fsPath}:${info.location.range.start.line}:${info.location.range.start.character}:${info.message}`).join('|');
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.message, code, related, (d.tags ?? []).join()].join('\u0000');
}
