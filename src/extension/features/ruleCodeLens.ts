import * as vscode from 'vscode';
import type { AnalysisService } from '../analysis/analysisService';
import { COMMANDS } from '../commands/commandIds';
import { toVscodeRange } from '../diagnostics/convert';

/** Above each rule in a rules file: how many violations it has right now (and how many are baselined). */
export class RuleCodeLens extends vscode.Disposable implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: AnalysisService) {
    super(() => {
      this.subscription.dispose();
      this.changed.dispose();
    });
    this.subscription = service.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const file = document.uri.fsPath;
    const lenses: vscode.CodeLens[] = [];
    for (const { project, result } of this.service.results()) {
      for (const rule of project.config.rules) {
        if (rule.location.file !== file) continue;
        const mine = result.violations.filter((violation) => violation.ruleId === rule.id);
        const baselined = mine.filter((violation) => violation.baselined).length;
        const open = mine.length - baselined;
        const title = rule.severity === 'off'
          ? 'off'
          : `${open === 0 ? '✓ no violations' : `${open} violation${open === 1 ? '' : 's'}`}${baselined ? ` · ${baselined} baselined` : ''}`;
        lenses.push(new vscode.CodeLens(toVscodeRange(rule.location.range), { title, command: COMMANDS.showView, tooltip: `Findings of rule ${rule.id}` }));
      }
    }
    return lenses;
  }
}
